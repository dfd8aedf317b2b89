/**
 * What the grading benchmark hands its browser half (web/bench/grading-browser.ts)
 * and what it gets back: raw timings in milliseconds, summarised here.
 */

/** A notebook in the hand-in, opened from the file list. */
export interface NotebookCase {
  /** Folder buttons to press from the hand-in's top, e.g. ['files', 'lab']. */
  folders: string[];
  fileName: string;
  /** Cells the notebook has: the last one on the page means rendered. */
  cells: number;
}

/** A grader walking a course with Alt+N, from `names[0]` to the last name. */
export interface WalkCase {
  students: number;
  /** The grading page of the first student. */
  url: string;
  /** The students in the tracker's order, from the first visited. */
  names: string[];
  /** Walks, each in a fresh browser context (nothing cached). */
  passes: number;
}

export interface GradingBenchSetup {
  apiUrl: string;
  /** The grader's session, as the dashboard's cookie. */
  session: { name: string; value: string };
  /** The hand-in with the large files: its grading page and student. */
  handIn: { url: string; studentName: string };
  notebooks: NotebookCase[];
  /** The long modified file, as the changes view names it. */
  diff: { path: string; maxPresses: number };
  walks: WalkCase[];
  runs: number;
}

export interface NotebookRun {
  /** Bytes of the response. */
  bytes: number;
  /** From the response's last byte to the last cell in the page, and to the frame after it. */
  shownMs: number;
  paintedMs: number;
  /** To every code cell coloured. */
  highlightedMs: number;
  longestTaskMs: number;
  images: number;
}

export interface DiffRun {
  /** Diff lines rendered. */
  rows: number;
  /** From the click that opens the file's changes to the frame after its last line is in the page. */
  firstRenderMs: number;
  highlightedMs: number;
  /** The longest main-thread task after the first render, while paging down and up. */
  longestTaskMs: number;
  /** Each Page Down / Page Up: from the key event to the frame after it. */
  inputMs: number[];
  presses: number;
}

export interface WalkResult {
  students: number;
  /** Each Alt+N: from the key event to the frame showing the next student's name, hand-in and its files. */
  movesMs: number[];
  /** The same, to the frame listing the hand-in's changes against the material (a comparison the server makes). */
  changesMs: number[];
}

export interface GradingBenchResult {
  notebooks: { fileName: string; cells: number; runs: NotebookRun[] }[];
  diff: DiffRun[];
  walks: WalkResult[];
}
