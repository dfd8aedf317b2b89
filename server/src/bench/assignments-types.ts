import type { RunningApp } from '../app';
import type { Services } from '../services';
import type { StudentStatus } from '../modules/assignments/deadlines';
import type { User } from '../modules/users/user.entity';
import type { Actor } from '../modules/users/users.service';
import type { ProfileSummary } from './cpu-profile';
import type { BenchUser } from './fixture';
import type { MemoryWindow } from './memory-sampler';
import type { StatementCounts } from './query-counter';
import type { Summary } from './stats';

export interface SetupResult {
  students: number;
  materialFiles: number;
  materialBytes: number;
  userInsertMs: number;
  membersMs: number;
  materialMs: number;
  /** assignments.create and worker.drain(): the release job and its push to every student. */
  releaseMs: number;
  releaseTargets: number;
  editsPerStudent: number;
  editConcurrency: number;
  editsMs: number;
  editBytes: number;
}

export interface StatusSeries {
  phase: 'before the burst' | 'after the burst';
  via: 'service' | 'HTTP GraphQL';
  /** One request (every status computed, the first page of 100 returned), or every page in turn. */
  scope: 'first page' | 'all pages';
  requestsPerRun: number;
  expected: StudentStatus;
  summary: Summary;
  /** Bytes of one response (HTTP), or of all pages' responses. */
  responseBytes: number | null;
}

export interface BurstResult {
  handIns: number;
  concurrency: number;
  seconds: number;
  perSecond: number;
  /** From the call to its answer, including the wait for the database. */
  latency: Summary;
  errors: number;
  errorSamples: string[];
  late: number;
  /** Receipts (content hashes) told apart: every student's answers differ. */
  distinctReceipts: number;
  /** Rows in hand_in for the assignment afterwards. */
  storedHandIns: number;
  /** The deadline, counted from the start of the burst; and how long before it the last hand-in was sealed. */
  deadlineAfterStartMs: number;
  lastBeforeDeadlineMs: number;
  statements: StatementCounts;
  statementsPerHandIn: number;
  memory: MemoryWindow | null;
  profile: ProfileSummary | null;
}

export interface ZipResult {
  handIns: number;
  bytes: number;
  /** Entries the zip's end record counts, and how many there should be (manifest, a folder per student and the sealed tree). */
  entries: number | null;
  expectedEntries: number;
  /** handInsZip() until it returns the stream (it audits every hand-in as downloaded first). */
  callMs: number;
  firstByteMs: number;
  totalMs: number;
  mbPerSecond: number;
  memory: MemoryWindow | null;
  /**
   * Resident memory over the start, from the samples taken while the file
   * entries were read (before the central directory's offset) and after
   * (the central directory, written by the zip library at the end); bytes.
   */
  entriesGrowth: number | null;
  centralDirectoryGrowth: number | null;
  centralDirectoryBytes: number | null;
  /** [ms since the call, resident MB, V8 heap used MB, zip MB read so far], every 50 ms. */
  timeline: [number, number, number, number][];
  /** Once the zip is read and garbage collected: what the process still holds (bytes). */
  afterGc: { rss: number; heapUsed: number; external: number };
  profile: ProfileSummary | null;
}

export interface SheetResult {
  format: 'csv' | 'xlsx';
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  bytes: number;
}

export interface StatusProfile {
  label: string;
  profile: ProfileSummary;
}

/** What the benchmark holds while it runs. */
export interface Course {
  app: RunningApp;
  services: Services;
  admin: BenchUser;
  assignmentId: string;
  students: readonly User[];
  actors: readonly Actor[];
  profileDir: string | null;
}

export interface StatusPage {
  totalCount: number;
  nodes: { status: StudentStatus; student: { name: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
