import fc from 'fast-check';
import type { LatePolicy } from '../assignment.entity';
import type { Extension } from '../extension.entity';
import type { Grade } from '../grade.entity';
import type { HandIn } from '../hand-in.entity';
import { accepts, effectiveDeadline, keptPercent, studentStatus } from '../deadlines';

const deadline = new Date('2026-12-01T12:00:00Z');
const hours = (n: number) => new Date(deadline.getTime() + n * 3_600_000);
const penalty: LatePolicy = { mode: 'PENALTY', penaltyPercent: 10, unit: 'DAY', floorPercent: 50 };
const ext = (d: Date, createdAt: Date, revoked = false) => ({ deadline: d, createdAt, revokedAt: revoked ? createdAt : null }) as Extension;

describe('deadlines', () => {
  it('uses the newest unrevoked extension as the deadline in force', () => {
    expect(effectiveDeadline({ deadline }, [])).toEqual(deadline);
    expect(effectiveDeadline({ deadline }, [ext(hours(48), hours(-10)), ext(hours(24), hours(-5))])).toEqual(hours(24));
    expect(effectiveDeadline({ deadline }, [ext(hours(48), hours(-10)), ext(hours(24), hours(-5), true)])).toEqual(hours(48));
  });

  it('takes the penalty per started day, down to the floor', () => {
    expect(keptPercent(penalty, hours(0), deadline)).toBe(100);
    expect(keptPercent(penalty, hours(0.01), deadline)).toBe(90);
    expect(keptPercent(penalty, hours(24), deadline)).toBe(90);
    expect(keptPercent(penalty, hours(24.5), deadline)).toBe(80);
    expect(keptPercent(penalty, hours(24 * 30), deadline)).toBe(50);
    expect(keptPercent({ ...penalty, mode: 'ACCEPT' }, hours(100), deadline)).toBe(100);
  });

  it('keeps more of the points the earlier a hand-in comes, and never less than the floor', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 100 }), (a, b, pct, floor) => {
        const policy: LatePolicy = { mode: 'PENALTY', penaltyPercent: pct, unit: 'HOUR', floorPercent: floor };
        const [early, late] = a <= b ? [a, b] : [b, a];
        const k1 = keptPercent(policy, hours(early), deadline);
        const k2 = keptPercent(policy, hours(late), deadline);
        return k1 >= k2 && k2 >= Math.min(100, floor) && k1 <= 100;
      }),
    );
  });

  it('REJECT refuses only after the deadline in force', () => {
    const reject: LatePolicy = { ...penalty, mode: 'REJECT' };
    expect(accepts(reject, deadline, deadline)).toBe(true);
    expect(accepts(reject, hours(0.001), deadline)).toBe(false);
    expect(accepts(penalty, hours(1000), deadline)).toBe(true);
  });

  it('derives each status from the facts', () => {
    const base = { now: hours(-1), deadline, released: true, active: false, latest: null, grade: null };
    const handIn = (at: Date, collected = false) => ({ handedInAt: at, collected }) as HandIn;
    expect(studentStatus(base)).toBe('NOT_STARTED');
    expect(studentStatus({ ...base, active: true })).toBe('IN_PROGRESS');
    expect(studentStatus({ ...base, now: hours(1) })).toBe('MISSING');
    expect(studentStatus({ ...base, latest: handIn(hours(-2)) })).toBe('HANDED_IN');
    expect(studentStatus({ ...base, now: hours(5), latest: handIn(hours(3)) })).toBe('LATE');
    expect(studentStatus({ ...base, now: hours(5), latest: handIn(hours(3)), deadline: hours(4) })).toBe('HANDED_IN');
    expect(studentStatus({ ...base, latest: handIn(deadline, true) })).toBe('COLLECTED');
    expect(studentStatus({ ...base, latest: handIn(hours(-2)), grade: { gradedAt: hours(1), returnedAt: null } as Grade })).toBe('GRADED');
    expect(studentStatus({ ...base, latest: handIn(hours(-2)), grade: { gradedAt: hours(1), returnedAt: hours(2) } as Grade })).toBe('RETURNED');
  });
});
