import { randomBytes } from 'node:crypto';
import type { Dialect } from '../config';
import type { Services } from '../services';
import { createBenchUser, createCourseSpace, databaseVersion, insertStudents, withBenchApp } from './fixture';
import { countStatements, totalStatements, type StatementCounts } from './query-counter';
import { printGoals, printTable, writeResult } from './report';
import { round, timed } from './stats';

/** Lines of the roster: half people with an account, half new addresses. */
export const ROSTER_LINES = 1000;
/** Single-member operations timed as the baseline (half addMember, half inviteByEmail). */
const BASELINE_OPERATIONS = 100;
const GOAL_MS = 5000;

interface Step {
  name: string;
  ms: number;
  statements: number;
  counts: StatementCounts;
}

async function measured<T>(services: Services, name: string, work: () => Promise<T>): Promise<{ step: Step; result: T }> {
  const counter = countStatements(services.db);
  let counts: StatementCounts = {};
  const run = await timed(async () => {
    try {
      return await work();
    } finally {
      counts = counter.stop();
    }
  });
  return { step: { name, ms: round(run.ms, 1), statements: totalStatements(counts), counts }, result: run.result };
}

/**
 * A roster of 1,000 lines (500 accounts that exist, written in upper case,
 * and 500 new addresses) previewed and applied to an empty course, then the
 * same file imported again (nothing to do). The baseline is the same kind of
 * work one person at a time (addMember and inviteByEmail), per line.
 */
export async function runRoster(dialect: Dialect): Promise<void> {
  await withBenchApp('roster', dialect, async (app) => {
  const { services } = app;
  console.log(`\n=== roster, ${dialect}: ${await databaseVersion(app.db)} ===`);
  const admin = await createBenchUser(services, `roster-${dialect}`);
  const existing = await insertStudents(services, ROSTER_LINES / 2 + BASELINE_OPERATIONS / 2, admin.actor.user.passwordHash);
  const salt = randomBytes(4).toString('hex');
  const lines = [
    ...existing.slice(0, ROSTER_LINES / 2).map((u, i) => `${u.name},${u.email.toUpperCase()},2026-${String(i).padStart(5, '0')},S${i % 8}`),
    ...Array.from({ length: ROSTER_LINES / 2 }, (_, i) => `New Student ${i},new-${salt}-${i}@uni.example.org,2026-${String(50_000 + i).padStart(5, '0')},S${i % 8}`),
  ];
  const csv = `name,e-mail,student number,section\n${lines.join('\n')}\n`;
  const spaceId = (await createCourseSpace(services, admin.actor, 'Bench roster course')).spaceId;

  const preview = await measured(services, 'preview', () => services.rosterImport.preview(admin.actor, spaceId, csv, 'MEMBER'));
  const apply = await measured(services, 'apply', () =>
    services.rosterImport.apply(admin.actor, spaceId, csv, 'MEMBER', { expectedPreviewHash: preview.result.previewHash }),
  );
  const again = await measured(services, 'preview again (no changes)', () => services.rosterImport.preview(admin.actor, spaceId, csv, 'MEMBER'));
  const reapply = await measured(services, 'apply again (no changes)', () =>
    services.rosterImport.apply(admin.actor, spaceId, csv, 'MEMBER', { expectedPreviewHash: again.result.previewHash }),
  );
  const totals = apply.result.totals;
  if (totals.ADD_EXISTING !== ROSTER_LINES / 2 || totals.NEW_INVITATION !== ROSTER_LINES / 2) throw new Error(`unexpected import: ${JSON.stringify(totals)}`);
  if (again.result.totals.ALREADY_MEMBER_UNCHANGED + again.result.totals.ALREADY_INVITED !== ROSTER_LINES) throw new Error(`re-import is not a no-op: ${JSON.stringify(again.result.totals)}`);

  const baselineSpace = (await createCourseSpace(services, admin.actor, 'Bench roster baseline')).spaceId;
  const singles = existing.slice(ROSTER_LINES / 2);
  const baseline = await measured(services, `baseline: ${BASELINE_OPERATIONS} single addMember/inviteByEmail`, async () => {
    for (const user of singles) await services.spaces.addMember(admin.actor, baselineSpace, user.email, 'MEMBER');
    for (let i = 0; i < BASELINE_OPERATIONS / 2; i++) await services.spaces.inviteByEmail(admin.actor, baselineSpace, `single-${salt}-${i}@uni.example.org`, 'MEMBER');
  });

  const steps = [preview.step, apply.step, again.step, reapply.step, baseline.step];
  const perLine = (step: Step, n: number) => round(step.ms / n, 3);
  const importMs = preview.step.ms + apply.step.ms;
  const baselinePerLine = perLine(baseline.step, BASELINE_OPERATIONS);
  printTable(
    `[${dialect}] roster import of ${ROSTER_LINES} lines (${ROSTER_LINES / 2} accounts added, ${ROSTER_LINES / 2} invitations with their e-mails)`,
    ['step', 'ms', 'ms per line', 'statements', 'SELECT', 'INSERT', 'UPDATE'],
    steps.map((s) => {
      const n = s === baseline.step ? BASELINE_OPERATIONS : ROSTER_LINES;
      return [s.name, s.ms, perLine(s, n), s.statements, s.counts.SELECT ?? 0, s.counts.INSERT ?? 0, s.counts.UPDATE ?? 0];
    }),
  );
  const ratio = round(baselinePerLine / ((preview.step.ms + apply.step.ms) / ROSTER_LINES), 1);
  console.log(`\npreview + apply: ${round(importMs, 1)} ms; one line costs ${ratio}× less than adding or inviting one person at a time (${baselinePerLine} ms each)`);
  printGoals(dialect, [
    { name: `preview + apply ${ROSTER_LINES} lines`, goal: `< ${GOAL_MS} ms`, value: `${round(importMs, 1)} ms`, met: importMs < GOAL_MS },
    { name: 're-import changes nothing', goal: '0 writes', value: `${(reapply.step.counts.INSERT ?? 0) + (reapply.step.counts.UPDATE ?? 0)} writes`, met: !reapply.step.counts.INSERT && !reapply.step.counts.UPDATE },
  ]);
  const file = writeResult('roster', dialect, { lines: ROSTER_LINES, steps, importMs, baselinePerLineMs: baselinePerLine, ratio });
  console.log(`\nresult written to ${file}`);
  });
}
