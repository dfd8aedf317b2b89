/** What the assignments benchmark prints, and its goals. */
import type { Dialect } from '../config';
import type { BurstResult, SetupResult, SheetResult, StatusSeries, ZipResult } from './assignments-types';
import { mb, printTable, type Goal } from './report';
import { round } from './stats';

/** p99 of the status query (one request), on SQLite; MariaDB is held to the same bar for comparison. */
const STATUS_GOAL_MS = 100;
/** "Flat memory" for the zip of every hand-in: resident memory may grow by less than this. */
const ZIP_GROWTH_BAR = 100e6;

export function printSetup(dialect: Dialect, s: SetupResult): void {
  const uploads = s.students * s.editsPerStudent;
  printTable(
    `[${dialect}] setup (not measured against a goal)`,
    ['step', 'n', 'total s', 'ms each'],
    [
      ['students inserted (user rows, no argon2)', s.students, round(s.userInsertMs / 1000, 2), round(s.userInsertMs / s.students, 2)],
      ['students added to the course (SpacesService.addMember)', s.students, round(s.membersMs / 1000, 2), round(s.membersMs / s.students, 2)],
      [`material uploaded to MASTER (${s.materialFiles} files, ${round(s.materialBytes / 1024, 0)} KiB)`, s.materialFiles, round(s.materialMs / 1000, 2), round(s.materialMs / s.materialFiles, 2)],
      [`assignment created and released (worker.drain: push to ${s.releaseTargets} workspaces)`, s.releaseTargets, round(s.releaseMs / 1000, 2), round(s.releaseMs / s.releaseTargets, 2)],
      [`student edits (ObjectsService.upload, ${s.editConcurrency} at a time, ${round(s.editBytes / 1e6, 1)} MB)`, uploads, round(s.editsMs / 1000, 2), round(s.editsMs / uploads, 2)],
    ],
  );
}

export function printStatus(dialect: Dialect, series: readonly StatusSeries[]): void {
  printTable(
    `[${dialect}] status of every student (first page: one request computes all 1,000 statuses and returns 100 with the counts; all pages: every page in turn)`,
    ['phase', 'via', 'scope', 'requests', 'runs', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'response KB'],
    series.map((s) => [
      `${s.phase} (${s.expected})`,
      s.via,
      s.scope,
      s.requestsPerRun,
      s.summary.n,
      s.summary.medianMs,
      s.summary.p95Ms,
      s.summary.p99Ms,
      s.summary.maxMs,
      s.responseBytes === null ? null : round(s.responseBytes / 1024, 1),
    ]),
  );
  console.log(
    'service: StatusService.list(admin, assignment, { first: 100 }) as the handInStatuses resolver calls it. HTTP GraphQL: POST /graphql ' +
      'handInStatuses(assignmentId, first: 100) { totalCount nodes { status student { name } } pageInfo { hasNextPage endCursor } } with a bearer token. ' +
      'Nearest-rank percentiles: p99 of 100 runs is the second slowest, of 10 runs the slowest.',
  );
}

export function printBurst(dialect: Dialect, b: BurstResult): void {
  const peak = b.memory ? Math.max(b.memory.peakSampledRss, b.memory.peakKernelRss ?? 0) : null;
  printTable(
    `[${dialect}] ${b.handIns.toLocaleString('en')} hand-ins in a burst just before the deadline (HandInsService.handIn, ${b.concurrency} in flight)`,
    ['hand-ins', 'in flight', 'total s', 'hand-ins/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors', 'late', 'receipts', 'stored', 'SQL/hand-in', 'CPU s', 'peak RSS MB'],
    [
      [
        b.handIns,
        b.concurrency,
        b.seconds,
        b.perSecond,
        b.latency.medianMs,
        b.latency.p95Ms,
        b.latency.p99Ms,
        b.latency.maxMs,
        b.errors,
        b.late,
        b.distinctReceipts,
        b.storedHandIns,
        b.statementsPerHandIn,
        b.memory ? round(b.memory.cpuSeconds, 2) : null,
        mb(peak),
      ],
    ],
  );
  console.log(
    `latency: from the call to its answer, waiting for the database included. The deadline was ${round(b.deadlineAfterStartMs / 1000, 1)} s after the burst began ` +
      `(late hand-ins rejected); the last hand-in was sealed ${round(b.lastBeforeDeadlineMs / 1000, 1)} s before it. ` +
      `SQL statements sent: ${Object.entries(b.statements)
        .sort((x, y) => y[1] - x[1])
        .map(([kind, n]) => `${kind} ${n}`)
        .join(', ')}.`,
  );
  for (const sample of b.errorSamples) console.log(`  error: ${sample}`);
}

export function printExports(dialect: Dialect, z: ZipResult, sheets: readonly SheetResult[]): void {
  const m = z.memory;
  const peak = m ? Math.max(m.peakSampledRss, m.peakKernelRss ?? 0) : null;
  printTable(
    `[${dialect}] zip of every hand-in (GradeExportService.handInsZip, read to its end; RSS sampled every 50 ms)`,
    ['hand-ins', 'MB', 'entries', 'expected', 'call ms', 'first byte ms', 'total s', 'MB/s', 'CPU s', 'start RSS MB', 'peak RSS MB', 'RSS growth MB', 'RSS after GC MB'],
    [
      [
        z.handIns,
        round(z.bytes / 1e6, 1),
        z.entries,
        z.expectedEntries,
        z.callMs,
        z.firstByteMs,
        round(z.totalMs / 1000, 2),
        z.mbPerSecond,
        m ? round(m.cpuSeconds, 2) : null,
        mb(m?.startRss),
        mb(peak),
        mb(m?.growth),
        mb(z.afterGc.rss),
      ],
    ],
  );
  const h = m?.heap;
  console.log(
    'call ms: until handInsZip returns its stream (it audits every hand-in as downloaded first). Peak RSS: the larger of the sampled peak and ' +
      `the kernel's high-water mark${m?.peakKernelRss === null ? ' (not resettable here, so sampled only)' : ''}; the whole process, reader included.` +
      (z.entriesGrowth !== null && z.centralDirectoryGrowth !== null
        ? `\nRSS growth (sampled) while the ${z.expectedEntries.toLocaleString('en')} entries were read: ${mb(z.entriesGrowth)} MB; ` +
          `once the zip's central directory (${round((z.centralDirectoryBytes ?? 0) / 1e6, 1)} MB, written in one go at the end) was being read: ${mb(z.centralDirectoryGrowth)} MB.`
        : '') +
      (h
        ? `\nV8 heap used ${mb(h.startHeapUsed)} -> peak ${mb(h.peakHeapUsed)} MB, external ${mb(h.startExternal)} -> peak ${mb(h.peakExternal)} MB ` +
          `(array buffers ${mb(h.startArrayBuffers)} -> ${mb(h.peakArrayBuffers)} MB); after a full GC: heap ${mb(z.afterGc.heapUsed)} MB, external ${mb(z.afterGc.external)} MB.`
        : ''),
  );
  printTable(
    `[${dialect}] grade sheets of ${z.handIns.toLocaleString('en')} students (read to their end)`,
    ['format', 'runs', 'median ms', 'min ms', 'max ms', 'KB'],
    sheets.map((s) => [s.format, s.runs, s.medianMs, s.minMs, s.maxMs, round(s.bytes / 1024, 1)]),
  );
}

export function goalsOf(dialect: Dialect, status: readonly StatusSeries[], burst: BurstResult, zip: ZipResult): Goal[] {
  const bar = dialect === 'sqlite' ? `p99 < ${STATUS_GOAL_MS} ms` : `p99 < ${STATUS_GOAL_MS} ms (SQLite's goal, for comparison)`;
  const goals: Goal[] = status
    .filter((s) => s.scope === 'first page')
    .map((s) => ({
      name: `status query of ${burst.handIns.toLocaleString('en')} students, ${s.via}, ${s.phase}`,
      goal: bar,
      value: `p50 ${s.summary.medianMs} ms, p99 ${s.summary.p99Ms} ms`,
      met: s.summary.p99Ms < STATUS_GOAL_MS,
    }));
  goals.push({
    name: `${burst.handIns.toLocaleString('en')} hand-ins in a burst (${burst.concurrency} in flight)`,
    goal: 'zero errors, all sealed before the deadline',
    value: `${burst.errors} errors, ${burst.late} late, ${burst.storedHandIns} stored, ${burst.distinctReceipts} receipts; ${burst.perSecond} hand-ins/s`,
    met: burst.errors === 0 && burst.late === 0 && burst.storedHandIns === burst.handIns && burst.distinctReceipts === burst.handIns,
  });
  goals.push({
    name: 'zip of every hand-in: complete',
    goal: `${zip.expectedEntries.toLocaleString('en')} entries`,
    value: `${zip.entries?.toLocaleString('en') ?? 'unreadable end record'}; ${round(zip.bytes / 1e6, 1)} MB in ${round(zip.totalMs / 1000, 2)} s`,
    met: zip.entries === zip.expectedEntries,
  });
  if (zip.memory) {
    goals.push({
      name: 'zip of every hand-in: flat memory',
      goal: `RSS growth < ${ZIP_GROWTH_BAR / 1e6} MB`,
      value:
        `${mb(zip.memory.growth)} MB (peak ${mb(Math.max(zip.memory.peakSampledRss, zip.memory.peakKernelRss ?? 0))} MB` +
        (zip.entriesGrowth !== null ? `; ${mb(zip.entriesGrowth)} MB while the entries streamed, ${mb(zip.centralDirectoryGrowth)} MB at the central directory)` : ')'),
      met: zip.memory.growth < ZIP_GROWTH_BAR,
    });
    const heap = zip.memory.heap;
    if (heap) {
      // RSS growth also depends on how much freed memory the process still held from earlier phases; these counters do not.
      const grown = heap.peakHeapUsed - heap.startHeapUsed + (heap.peakExternal - heap.startExternal);
      goals.push({
        name: 'zip of every hand-in: flat memory, V8 heap + external',
        goal: `peak growth < ${ZIP_GROWTH_BAR / 1e6} MB`,
        value: `${mb(grown)} MB (heap used ${mb(heap.startHeapUsed)} -> ${mb(heap.peakHeapUsed)} MB, external ${mb(heap.startExternal)} -> ${mb(heap.peakExternal)} MB)`,
        met: grown < ZIP_GROWTH_BAR,
      });
    }
  }
  return goals;
}
