import fc from 'fast-check';
import { decodeText, lineDiff, type Hunk } from '../line-diff';

/** Applies hunks to `oldText` the way `patch` would, checking every context and removed line. */
function apply(oldText: string, hunks: readonly Hunk[]): string {
  const old = oldText.split(/(?<=\n)/).filter((l) => l !== '');
  const out: string[] = [];
  let next = 0;
  for (const hunk of hunks) {
    while (next < hunk.oldStart - 1) out.push(old[next++]);
    for (const line of hunk.lines) {
      const raw = line.text + (line.noNewlineAtEnd ? '' : '\n');
      if (line.kind === 'ADDED') out.push(raw);
      else {
        if (old[next] !== raw) throw new Error(`line ${next + 1} is ${JSON.stringify(old[next])}, the hunk expects ${JSON.stringify(raw)}`);
        if (line.kind === 'CONTEXT') out.push(raw);
        next++;
      }
    }
  }
  while (next < old.length) out.push(old[next++]);
  return out.join('');
}

describe('lineDiff', () => {
  it('finds no hunks in equal texts', () => {
    expect(lineDiff('a\nb\n', 'a\nb\n')).toEqual([]);
    expect(lineDiff('', '')).toEqual([]);
  });

  it('shows a change with three lines of context and numbers both sides', () => {
    const old = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((l) => `${l}\n`).join('');
    const now = old.replace('5\n', 'five\n');
    const [hunk, ...rest] = lineDiff(old, now)!;
    expect(rest).toEqual([]);
    expect(hunk).toMatchObject({ oldStart: 2, oldLines: 7, newStart: 2, newLines: 7 });
    expect(hunk.lines.map((l) => [l.kind, l.text, l.oldNumber, l.newNumber])).toEqual([
      ['CONTEXT', '2', 2, 2],
      ['CONTEXT', '3', 3, 3],
      ['CONTEXT', '4', 4, 4],
      ['REMOVED', '5', 5, null],
      ['ADDED', 'five', null, 5],
      ['CONTEXT', '6', 6, 6],
      ['CONTEXT', '7', 7, 7],
      ['CONTEXT', '8', 8, 8],
    ]);
  });

  it('splits distant changes into separate hunks and joins near ones', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i + 1}\n`);
    const far = [...lines];
    far[1] = 'changed 2\n';
    far[25] = 'changed 26\n';
    expect(lineDiff(lines.join(''), far.join(''))).toHaveLength(2);
    const near = [...lines];
    near[1] = 'changed 2\n';
    near[8] = 'changed 9\n';
    expect(lineDiff(lines.join(''), near.join(''))).toHaveLength(1);
  });

  it('marks a last line without a line feed', () => {
    const [hunk] = lineDiff('a\nb', 'a\nb\n')!;
    expect(hunk.lines.filter((l) => l.kind !== 'CONTEXT').map((l) => [l.kind, l.text, l.noNewlineAtEnd])).toEqual([
      ['REMOVED', 'b', true],
      ['ADDED', 'b', false],
    ]);
  });

  it('turns the old text into the new one, whatever the texts', () => {
    const text = fc.array(fc.constantFrom('a', 'b', 'c', 'd', '', 'a b', 'x\r'), { maxLength: 40 }).chain((lines) =>
      fc.boolean().map((endsWithNewline) => lines.join('\n') + (endsWithNewline && lines.length ? '\n' : '')),
    );
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 4 }), (oldText, newText, context) => {
        const hunks = lineDiff(oldText, newText, { context })!;
        expect(apply(oldText, hunks)).toBe(newText);
        for (const h of hunks) {
          expect(h.lines.filter((l) => l.kind !== 'ADDED')).toHaveLength(h.oldLines);
          expect(h.lines.filter((l) => l.kind !== 'REMOVED')).toHaveLength(h.newLines);
          expect(h.lines.some((l) => l.kind !== 'CONTEXT')).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('decodeText', () => {
  it('reads UTF-8 text and refuses binary or other encodings', () => {
    expect(decodeText(Buffer.from('Grüße\n'))).toBe('Grüße\n');
    expect(decodeText(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]))).toBeNull();
    expect(decodeText(Buffer.from([0x47, 0x72, 0xfc, 0x65]))).toBeNull(); // Latin-1 "Grüe"
  });
});
