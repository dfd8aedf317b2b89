import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Machine {
  cpus: number;
  cpuModel: string;
  totalMemoryBytes: number;
  node: string;
  platform: string;
  release: string;
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    totalMemoryBytes: os.totalmem(),
    node: process.version,
    platform: os.platform(),
    release: os.release(),
  };
}

export function describeMachine(m: Machine): string {
  return `machine: ${m.cpus} CPUs (${m.cpuModel}), ${(m.totalMemoryBytes / 1024 ** 3).toFixed(1)} GiB memory, node ${m.node}, ${m.platform} ${m.release}`;
}

/** The server package folder: results land in `<server>/bench-results/` whatever the working directory. */
export const serverRoot = path.resolve(__dirname, '..', '..', '..', '..');

/** `bench-results/<benchmark>-<dialect>.json`. */
export function resultPath(benchmark: string, dialect: string): string {
  return path.join(serverRoot, 'bench-results', `${benchmark}-${dialect}.json`);
}

export function writeResult(benchmark: string, dialect: string, result: unknown): string {
  const file = resultPath(benchmark, dialect);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

type Cell = string | number | null | undefined;

/** Prints a plain-text table: text columns left-aligned, numbers right-aligned. */
export function printTable(title: string, headers: readonly string[], rows: readonly Cell[][]): void {
  const text = rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? '-' : String(cell))));
  const widths = headers.map((header, i) => Math.max(header.length, ...text.map((row) => row[i]?.length ?? 0)));
  const numeric = headers.map((_, i) => rows.every((row) => typeof row[i] === 'number' || row[i] == null));
  const line = (cells: readonly string[]) =>
    cells.map((cell, i) => (numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
  console.log(`\n${title}`);
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of text) console.log(line(row));
}

export function mb(bytes: number | null | undefined): number | null {
  return bytes === null || bytes === undefined ? null : Math.round(bytes / 1e5) / 10;
}

export interface Goal {
  name: string;
  goal: string;
  value: string;
  met: boolean;
}

export function printGoals(dialect: string, goals: readonly Goal[]): void {
  printTable(
    `[${dialect}] goals`,
    ['check', 'goal', 'measured', 'result'],
    goals.map((g) => [g.name, g.goal, g.value, g.met ? 'met' : 'MISSED']),
  );
}
