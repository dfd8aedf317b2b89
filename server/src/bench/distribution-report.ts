/** What the distribution benchmark prints, and its goals. */
import type { Dialect } from '../config';
import type { CaseResult, SetupResult } from './distribution-types';
import { describeSize, SOURCE_FILES, type ContentSize, type DistributionSource } from './distribution-source';
import { totalStatements } from './query-counter';
import { mb, printTable, type Goal } from './report';
import { median, round } from './stats';

const GOAL_TARGETS = 1000;
const GOAL_MS: Record<Dialect, number> = { sqlite: 10_000, mysql: 30_000 };
/** Per-target time at 1,000 targets over per-target time at 100: linear (or better) stays under this. */
const LINEAR_LIMIT = 1.25;
/** Push time with 1 GiB of content over push time with 1 MiB, same targets. */
const SIZE_LIMIT = 1.25;
/** "A few tree rows": what one push may add to the tree table whatever the number of targets. */
const TREE_ROWS_LIMIT = 10;

const DIALECT_LABEL: Record<Dialect, string> = { sqlite: 'SQLite', mysql: 'MariaDB' };

export function printSetup(dialect: Dialect, setup: SetupResult, cases: readonly CaseResult[]): void {
  const rows: (string | number)[][] = [
    ['user sign-up through argon2 (sampled)', setup.argon2Samples, round((setup.argon2MsPerUser * setup.argon2Samples) / 1000, 2), setup.argon2MsPerUser],
    ['user rows inserted directly instead', setup.usersInserted, round(setup.userInsertMs / 1000, 2), round(setup.userInsertMs / setup.usersInserted, 2)],
  ];
  for (const size of ['big', 'small'] as const) {
    const f = setup.fill[size];
    rows.push(
      [`put ${describeSize(f.bytes)} of blobs (${size} folder)`, f.files, round(f.blobMs / 1000, 2), round(f.blobMs / f.files, 2)],
      [`one commit of the ${size} folder (${f.treeRowsWritten} tree rows)`, 1, round(f.commitMs / 1000, 2), f.commitMs],
    );
  }
  for (const targets of [...new Set(cases.map((c) => c.targets))]) {
    const runs = cases.filter((c) => c.targets === targets).flatMap((c) => c.runs);
    const members = runs.map((r) => r.setup.membersMs);
    rows.push([
      `${runs.length} courses of ${targets.toLocaleString('en')}: students added (median course)`,
      targets,
      round(median(members) / 1000, 2),
      round(median(members) / targets, 2),
    ]);
  }
  printTable(`[${dialect}] setup (not part of the measured pushes)`, ['step', 'n', 'total s', 'ms each'], rows);
  console.log(
    `signing ${setup.usersInserted.toLocaleString('en')} students up through argon2 would take about ` +
      `${round((setup.argon2MsPerUser * setup.usersInserted) / 1000, 0)} s, so their user rows were inserted directly; ` +
      `they joined each course through SpacesService.addMember (a personal workspace from the DISTRIBUTED state). ` +
      `Warm-up push (${setup.warmUpTargets} targets, not measured): ${round(setup.warmUpMs / 1000, 2)} s.`,
  );
}

export function printCases(dialect: Dialect, cases: readonly CaseResult[], source: DistributionSource, withDbCpu: boolean): void {
  printTable(
    `[${dialect}] push of a folder of ${SOURCE_FILES.toLocaleString('en')} files to every student of a course: push() + worker until done, median of ${Math.max(...cases.map((c) => c.runs.length))} runs`,
    [
      'case',
      'preview ms',
      'push() ms',
      'execute s',
      'total s',
      'min-max s',
      'ms/target',
      'vs cp -r',
      'CPU s',
      ...(withDbCpu ? ['DB CPU s'] : []),
      'rows added',
      'tree rows',
      'blob bytes',
      'peak RSS MB',
      'RSS growth MB',
    ],
    cases.map((c) => [
      c.label,
      c.previewMs,
      c.pushMs,
      round(c.executeMs / 1000, 2),
      round(c.totalMs / 1000, 2),
      `${round(c.minTotalMs / 1000, 2)}-${round(c.maxTotalMs / 1000, 2)}`,
      c.msPerTarget,
      round(c.perTargetVsCopy, 4),
      c.cpuSeconds,
      ...(withDbCpu ? [c.dbCpuSeconds] : []),
      c.rowsAdded,
      c.rowsAddedByTable.tree ?? 0,
      c.blobBytesWritten,
      mb(c.peakRss),
      mb(c.rssGrowth),
    ]),
  );
  const big = source.baseline.big;
  const small = source.baseline.small;
  const shares = cases.flatMap((c) => c.runs.map((r) => r.cpuShare));
  console.log(
    [
      `vs cp -r: push ms per target / cp -r ms per copy of the same folder (${describeSize(big.bytes)}: ${big.perCopyMs} ms, ${describeSize(small.bytes)}: ${small.perCopyMs} ms per copy).`,
      'preview: distributions.preview of the same push, just before it. CPU s: this process' +
        (withDbCpu ? '; DB CPU s: the MariaDB server process.' : '.') +
        ' Peak RSS: this process while pushing; growth: over its RSS when the push started.',
      `A busy loop got ${round(Math.min(...shares), 2)}-${round(Math.max(...shares), 2)} (median ${round(median(shares), 2)}) of wall time ` +
        'just before the pushes (1 = a CPU to itself): wall times here stretch when the host is busy.',
    ].join('\n'),
  );
  for (const size of ['big', 'small'] as const) {
    const few = cases.find((c) => c.size === size && c.snapshotFirst && c.targets === 100);
    const many = cases.find((c) => c.size === size && c.snapshotFirst && c.targets === GOAL_TARGETS);
    if (!few || !many) continue;
    const perTarget = (many.totalMs - few.totalMs) / (many.targets - few.targets);
    const fixed = few.totalMs - perTarget * few.targets;
    const copy = source.baseline[size];
    console.log(
      `${describeSize(many.contentBytes)}: time = ${round(fixed, 0)} ms + ${round(perTarget, 2)} ms x targets (the line through 100 and ` +
        `${GOAL_TARGETS.toLocaleString('en')} targets); ${many.targets.toLocaleString('en')} copies with cp -r would take about ` +
        `${round((copy.perCopyMs * many.targets) / 60_000, 1)} min against ${round(many.totalMs / 1000, 2)} s ` +
        `(${Math.round(1 / many.perTargetVsCopy).toLocaleString('en')} times less per target)`,
    );
  }
}

export function printRows(dialect: Dialect, cases: readonly CaseResult[], setup: SetupResult): void {
  const tables = [...new Set(cases.flatMap((c) => Object.keys(c.rowsAddedByTable)))].sort();
  const rows: (string | number)[][] = tables.map((table) => [table, ...cases.map((c) => c.rowsAddedByTable[table] ?? 0)]);
  rows.push(['total rows added', ...cases.map((c) => c.rowsAdded)]);
  rows.push(['(updated) workspace heads moved', ...cases.map((c) => c.headsMoved)]);
  rows.push(['(sent) tree rows, insert-if-absent', ...cases.map((c) => c.treeRowsInserted)]);
  const kinds = [...new Set(cases.flatMap((c) => Object.keys(c.statements)))].sort();
  for (const kind of kinds) rows.push([`(sent) ${kind} statements`, ...cases.map((c) => c.statements[kind] ?? 0)]);
  rows.push(['(sent) statements per target', ...cases.map((c) => round(totalStatements(c.statements) / c.targets, 2))]);
  printTable(
    `[${dialect}] one push: rows added per table (COUNT(*) after minus before, largest of the runs) and SQL statements sent`,
    ['table', ...cases.map((c) => c.label)],
    rows,
  );
  console.log(
    'tree rows: the merged trees are the same in every course (content addressing), so only the first push of a folder ' +
      `writes them: the warm-up push wrote ${setup.warmUpTreeRows}.`,
  );
}

export function goalsOf(dialect: Dialect, cases: readonly CaseResult[], setup: SetupResult): Goal[] {
  const find = (targets: number, size: ContentSize) => cases.find((c) => c.targets === targets && c.size === size && c.snapshotFirst);
  const goals: Goal[] = [];
  const main = find(GOAL_TARGETS, 'big');
  if (main) {
    goals.push({
      name: `${main.label} on ${DIALECT_LABEL[dialect]}`,
      goal: `<= ${GOAL_MS[dialect] / 1000} s (median)`,
      value: `${round(main.totalMs / 1000, 2)} s (slowest ${round(main.maxTotalMs / 1000, 2)} s)`,
      met: main.totalMs <= GOAL_MS[dialect],
    });
  }
  const counted = cases.reduce((sum, c) => sum + c.blobBytesWritten, 0);
  const { before, after } = setup.blobsOnDisk;
  goals.push({
    name: 'blob bytes written by the pushes',
    goal: '0 (store counter, and files on disk)',
    value: `${counted} counted; on disk ${after.files - before.files} files, ${after.bytes - before.bytes} bytes more`,
    met: counted === 0 && after.files === before.files && after.bytes === before.bytes,
  });
  // Medians decide, as for the time goal; the best runs and the CPU time (which contention
  // from other processes hardly changes) are shown beside them.
  const cpuOf = (c: CaseResult) => (c.cpuSeconds === null ? null : c.cpuSeconds + (c.dbCpuSeconds ?? 0));
  for (const size of ['big', 'small'] as const) {
    const few = find(100, size);
    const many = find(GOAL_TARGETS, size);
    if (!few || !many) continue;
    const ratio = many.msPerTarget / few.msPerTarget;
    const best = many.minTotalMs / many.targets / (few.minTotalMs / few.targets);
    goals.push({
      name: `linear in targets (${describeSize(many.contentBytes)})`,
      goal: `ms/target at ${GOAL_TARGETS.toLocaleString('en')} <= ${LINEAR_LIMIT} x at 100`,
      value: `${many.msPerTarget} vs ${few.msPerTarget} (x${round(ratio, 2)}; best runs x${round(best, 2)})`,
      met: ratio <= LINEAR_LIMIT,
    });
  }
  for (const targets of [100, GOAL_TARGETS]) {
    const small = find(targets, 'small');
    const big = find(targets, 'big');
    if (!small || !big) continue;
    const ratio = big.totalMs / small.totalMs;
    const cpuBig = cpuOf(big);
    const cpuSmall = cpuOf(small);
    const cpu = cpuBig !== null && cpuSmall ? `; CPU x${round(cpuBig / cpuSmall, 2)}` : '';
    goals.push({
      name: `not growing with file size (${targets.toLocaleString('en')} targets)`,
      goal: `1 GiB time <= ${SIZE_LIMIT} x 1 MiB time`,
      value: `${round(big.totalMs / 1000, 2)} s vs ${round(small.totalMs / 1000, 2)} s (x${round(ratio, 2)}; best runs x${round(big.minTotalMs / small.minTotalMs, 2)}${cpu})`,
      met: ratio <= SIZE_LIMIT,
    });
  }
  if (main) {
    const commits = main.rowsAddedByTable.commit ?? 0;
    const trees = main.rowsAddedByTable.tree ?? 0;
    goals.push({
      name: 'one commit per target, a few tree rows',
      goal: `${main.targets} commits, <= ${TREE_ROWS_LIMIT} tree rows`,
      value: `${commits} commits, ${trees} tree rows`,
      met: commits === main.targets && trees <= TREE_ROWS_LIMIT,
    });
  }
  return goals;
}
