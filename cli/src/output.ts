import { SingleBar } from 'cli-progress';

export interface Output {
  json: boolean;
}

/** Prints `value` as JSON with --json, otherwise the human text. */
export function emit(output: Output, value: unknown, text: () => string): void {
  process.stdout.write(output.json ? JSON.stringify(value, null, 2) + '\n' : text() + '\n');
}

/** A plain-text table with a header row, columns padded to their widest cell. */
export function table(headers: string[], rows: (string | number | null | undefined)[][]): string {
  const cells = [headers, ...rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? '' : String(cell))))];
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  return cells.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd()).join('\n');
}

export function bytes(count: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = count;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}

export interface Progress {
  advance(bytes: number): void;
  stop(): void;
}

/** A progress bar over `total` bytes on stderr, shown only on a terminal and never with --json. */
export function progressBar(output: Output, label: string, total: number): Progress {
  if (output.json || !process.stderr.isTTY || total === 0) return { advance: () => undefined, stop: () => undefined };
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage}% | {done} of {size}`,
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: false,
  });
  let done = 0;
  bar.start(total, 0, { done: bytes(0), size: bytes(total) });
  return {
    advance(count) {
      done += count;
      bar.update(done, { done: bytes(done), size: bytes(total) });
    },
    stop: () => bar.stop(),
  };
}
