import type { Services } from '../services';
import type { TreeEntry } from '../core/storage/types';
import type { User } from '../modules/users/user.entity';
import type { ProfileSummary } from './cpu-profile';
import type { ContentSize, DistributionSource } from './distribution-source';
import type { BenchUser, FillResult } from './fixture';
import type { MemoryWindow } from './memory-sampler';
import type { StatementCounts } from './query-counter';

/** What the distribution benchmark measures and reports. */
export interface CaseSpec {
  targets: number;
  size: ContentSize;
  snapshotFirst: boolean;
}

/** One push: a new course, its preview, then push() and the worker draining it. */
export interface RunResult {
  round: number;
  setup: { courseMs: number; membersMs: number };
  /** Share of wall time a busy loop got just before the push (1 = a CPU to itself). */
  cpuShare: number;
  previewMs: number;
  /** The merge part of the preview, as the service reports it. */
  previewMergeMs: number;
  pushMs: number;
  executeMs: number;
  totalMs: number;
  msPerTarget: number;
  /** CPU time of this process during push() and execution; and of the database server when it runs here. */
  cpuSeconds: number | null;
  dbCpuSeconds: number | null;
  /** SQL statements sent during push() and execution, by kind. */
  statements: StatementCounts;
  rowsAddedByTable: Record<string, number>;
  rowsAdded: number;
  /** Sum of workspace versions after minus before: heads moved by compare-and-swap. */
  headsMoved: number;
  /** Rows the tree store sent to the database (insert-if-absent), whether or not they were new. */
  treeRowsInserted: number;
  blobBytesWritten: number;
  memory: MemoryWindow | null;
  /** Each worker batch (`runOnce`), in order. */
  batchMs: number[];
  profile: ProfileSummary | null;
}

export interface CaseResult extends CaseSpec {
  label: string;
  files: number;
  contentBytes: number;
  runs: RunResult[];
  /** Medians over the runs unless named otherwise. */
  totalMs: number;
  minTotalMs: number;
  maxTotalMs: number;
  pushMs: number;
  executeMs: number;
  msPerTarget: number;
  previewMs: number;
  cpuSeconds: number | null;
  dbCpuSeconds: number | null;
  /** Push ms per target over `cp -r` ms per copy of the same folder. */
  perTargetVsCopy: number;
  /** Of the first run (every run sends the same statements). */
  statements: StatementCounts;
  /** Largest over the runs. */
  peakRss: number | null;
  rssGrowth: number | null;
  rowsAddedByTable: Record<string, number>;
  rowsAdded: number;
  headsMoved: number;
  treeRowsInserted: number;
  /** Summed over the runs. */
  blobBytesWritten: number;
}

export interface SetupResult {
  argon2Samples: number;
  argon2MsPerUser: number;
  usersInserted: number;
  userInsertMs: number;
  fill: Record<ContentSize, FillResult>;
  warmUpTargets: number;
  warmUpMs: number;
  /** Tree rows the warm-up push added: the first push of the small folder builds the merged trees. */
  warmUpTreeRows: number;
  /** Blob files and bytes on disk before the first push (the warm-up) and after the last. */
  blobsOnDisk: { before: { files: number; bytes: number }; after: { files: number; bytes: number } };
}

export type Library = Record<ContentSize, TreeEntry>;

export interface RunContext {
  services: Services;
  admin: BenchUser;
  students: readonly User[];
  library: Library;
  source: DistributionSource;
  dbPid: number | null;
  profileDir: string | null;
  courses: number;
}
