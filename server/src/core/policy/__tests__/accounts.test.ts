import { canGrantRole, firstAccountRunsInstance, mayCreateSpaces, maySignUpWithoutInvitation, ROLES } from '..';

describe('instance and role-offer rules', () => {
  it('lets only admins offer roles, none above their own', () => {
    for (const offered of ROLES) expect(canGrantRole('ADMIN', offered)).toBe(true);
    for (const granter of ['TA', 'MEMBER', 'VIEWER'] as const) for (const offered of ROLES) expect(canGrantRole(granter, offered)).toBe(false);
  });

  it('lets instance admins create spaces always, others only while sign-up is open', () => {
    expect(mayCreateSpaces({ instanceAdmin: true }, false)).toBe(true);
    expect(mayCreateSpaces({ instanceAdmin: false }, false)).toBe(false);
    expect(mayCreateSpaces({ instanceAdmin: false }, true)).toBe(true);
  });

  it('makes the first account of an open instance its admin', () => {
    expect(firstAccountRunsInstance(0, true)).toBe(true);
    expect(firstAccountRunsInstance(1, true)).toBe(false);
    expect(firstAccountRunsInstance(0, false)).toBe(false);
    expect(maySignUpWithoutInvitation(false)).toBe(false);
  });
});
