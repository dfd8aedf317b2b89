/**
 * Hand-in content for the grading benchmark: a long Python file with a few
 * hundred changed lines spread through it, and notebooks of markdown, code,
 * text, HTML-table and PNG outputs.
 */
import { randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

/** Lines per function of the long file. */
const BLOCK_LINES = 10;

/**
 * A Python file of `lines` lines (a multiple of 10): one small function per
 * ten lines. With `changeEvery`, one line of every `changeEvery`-th function
 * differs, so the changes are spread through the file, each its own hunk.
 */
export function longPython(lines: number, changeEvery?: number): { text: string; changed: number } {
  const out: string[] = [];
  let changed = 0;
  for (let k = 0; k < lines / BLOCK_LINES; k++) {
    const edit = changeEvery !== undefined && k % changeEvery === 0;
    if (edit) changed++;
    out.push(
      `def step_${k}(values):`,
      `    """Step ${k} of the analysis."""`,
      '    total = 0',
      '    for i, v in enumerate(values):',
      `        if v > ${k % 17}:`,
      `            total += v * ${(k % 7) + 1}${edit ? ` + ${k}  # adjusted` : ''}`,
      '        else:',
      '            total -= i',
      '    return total / max(len(values), 1)',
      '',
    );
  }
  return { text: `${out.join('\n')}\n`, changed };
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A valid RGB PNG of noise (so it does not compress): about width × height × 3 bytes. */
export function noisePng(width: number, height: number): Buffer {
  const stride = width * 3 + 1;
  const raw = randomBytes(stride * height);
  for (let y = 0; y < height; y++) raw[y * stride] = 0;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]);
}

type Cell = Record<string, unknown>;

/** One part of an analysis: a markdown cell, code printing text, a plot (PNG) and a table (HTML with its text form). */
function part(i: number): Cell[] {
  const rows = Array.from({ length: 6 }, (_, r) => [r, (i * 31 + r * 7) % 100, ((i + r) * 0.37).toFixed(2)]);
  const html = `<table><thead><tr><th></th><th>station</th><th>rain_mm</th></tr></thead><tbody>${rows
    .map(([r, s, mm]) => `<tr><th>${r}</th><td>S${s}</td><td>${mm}</td></tr>`)
    .join('')}</tbody></table>`;
  const plain = rows.map(([r, s, mm]) => `${r}  S${s}  ${mm}`).join('\n');
  return [
    { cell_type: 'markdown', metadata: {}, source: `## Part ${i + 1}\n\nWe look at *sample ${i + 1}*: the rain per station, its spread and a plot.\n\n- mean and deviation\n- a histogram` },
    {
      cell_type: 'code',
      metadata: {},
      execution_count: i * 3 + 1,
      source: `sample = rain[rain.part == ${i + 1}]\nmean = sample.rain_mm.mean()\nspread = sample.rain_mm.std()\nprint(f"part ${i + 1}: mean {mean:.2f}, spread {spread:.2f}")\nfor station, mm in sample.head(8).itertuples(index=False):\n    print(station, mm)`,
      outputs: [{ output_type: 'stream', name: 'stdout', text: `part ${i + 1}: mean ${(i * 1.7).toFixed(2)}, spread ${(i * 0.3).toFixed(2)}\n${plain}\n` }],
    },
    {
      cell_type: 'code',
      metadata: {},
      execution_count: i * 3 + 2,
      source: `fig, ax = plt.subplots()\nax.hist(sample.rain_mm, bins=20)\nax.set_title("Part ${i + 1}")`,
      outputs: [{ output_type: 'display_data', metadata: {}, data: { 'image/png': noisePng(180, 110).toString('base64'), 'text/plain': '<Figure size 640x480 with 1 Axes>' } }],
    },
    {
      cell_type: 'code',
      metadata: {},
      execution_count: i * 3 + 3,
      source: 'sample.head(6)',
      outputs: [{ output_type: 'execute_result', metadata: {}, execution_count: i * 3 + 3, data: { 'text/html': html, 'text/plain': plain } }],
    },
  ];
}

/** A notebook of whole parts, as Jupyter writes it (one-space indent), at least `bytes` long or of `parts` parts. */
export function notebook(size: { bytes: number } | { parts: number }): { content: Buffer; cells: number } {
  const cells: Cell[] = [{ cell_type: 'markdown', metadata: {}, source: '# Rain in Seattle\n\nThe hand-in of lab 4.' }];
  const encode = () => Buffer.from(JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: 'python3', language: 'python' } }, cells }, null, 1));
  if ('parts' in size) {
    for (let i = 0; i < size.parts; i++) cells.push(...part(i));
    return { content: encode(), cells: cells.length };
  }
  // About 80 KB a part: grow in steps, measuring the JSON now and then.
  for (let i = 0; ; i++) {
    cells.push(...part(i));
    if (i % 8 === 7) {
      const content = encode();
      if (content.length >= size.bytes) return { content, cells: cells.length };
    }
  }
}
