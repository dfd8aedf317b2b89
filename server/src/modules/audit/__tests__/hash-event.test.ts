import { hashEvent } from '../audit.service';
import type { AuditEvent } from '../audit-event.entity';

const event = (over: Partial<AuditEvent> = {}): Omit<AuditEvent, 'id' | 'hash'> => ({
  spaceId: 's1',
  seq: 7,
  actorId: 'u1',
  action: 'grade.set',
  subjectType: 'grade',
  subjectId: 'g1',
  studentId: 'st1',
  before: { points: 5, comment: null, tags: ['a', null] },
  after: { points: 7.5, when: new Date('2026-01-02T03:04:05.000Z'), nested: { z: 1, a: [true, false] } },
  createdAt: new Date('2026-11-30T12:00:00.000Z'),
  prevHash: 'abc',
  ...over,
});

describe('audit event hashes', () => {
  it('are those of every chain written so far (a known event, a known hash)', () => {
    expect(hashEvent(event())).toBe('2f34c03a0d2e9f03a0ceae44ec53e6fca7855f24c499d7617acb921b6b63b65c');
  });

  it('hash before and after as the database gives them back, so an undefined field does not break the chain', () => {
    const inHand = event({ after: { points: 7.5, comment: undefined } });
    const stored = event({ after: JSON.parse(JSON.stringify(inHand.after)) });
    expect(hashEvent(inHand)).toBe(hashEvent(stored));
  });

  it('do not depend on the order of keys', () => {
    expect(hashEvent(event({ after: { b: 1, a: 2 } }))).toBe(hashEvent(event({ after: { a: 2, b: 1 } })));
  });
});
