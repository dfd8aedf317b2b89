import { mayManageLtiPlatforms, mayOpenCourse, roleFromLis } from '../lti';

const M = 'http://purl.imsglobal.org/vocab/lis/v2/membership';

describe('LTI roles', () => {
  it.each([
    [[`${M}#Instructor`], 'ADMIN'],
    [[`${M}#Administrator`], 'ADMIN'],
    [[`${M}#Instructor`, `${M}/Instructor#TeachingAssistant`], 'TA'],
    [[`${M}#Learner`], 'MEMBER'],
    [[`${M}#Member`], 'MEMBER'],
    [['Instructor'], 'ADMIN'],
    [['Learner'], 'MEMBER'],
    [[`${M}#Learner`, `${M}#Instructor`], 'ADMIN'],
    [['http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator'], null],
    [['http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator'], null],
    [[`${M}#Mentor`], null],
    [[], null],
  ])('%j gives %s', (roles, role) => {
    expect(roleFromLis(roles)).toBe(role);
  });

  it('lets only an instructor open a course, and only an instance admin register platforms', () => {
    expect(mayOpenCourse('ADMIN')).toBe(true);
    expect(['TA', 'MEMBER', 'VIEWER'].map((r) => mayOpenCourse(r as never))).toEqual([false, false, false]);
    expect(mayManageLtiPlatforms({ instanceAdmin: true })).toBe(true);
    expect(mayManageLtiPlatforms({ instanceAdmin: false })).toBe(false);
  });
});
