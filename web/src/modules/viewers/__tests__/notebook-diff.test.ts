import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseNotebook, NotebookError, type NotebookCell, type Notebook } from '../notebook';
import { diffNotebooks } from '../notebook-diff';

const code = (source: string, outputs: NotebookCell['outputs'] = [], id: string | null = null): NotebookCell => ({ id, type: 'code', source, executionCount: null, outputs });
const md = (source: string, id: string | null = null): NotebookCell => ({ id, type: 'markdown', source, executionCount: null, outputs: [] });
const nb = (...cells: NotebookCell[]): Notebook => ({ language: 'python', cells });
const summary = (before: Notebook, after: Notebook) =>
  diffNotebooks(before, after).map((c) => `${c.status} ${c.before?.number ?? '-'}→${c.after?.number ?? '-'}`);

describe('diffNotebooks', () => {
  it('finds nothing changed between equal notebooks, execution counts aside', () => {
    const before = nb(md('# Lab'), code('x = 1'));
    const after = nb(md('# Lab'), { ...code('x = 1'), executionCount: 7 });
    assert.deepEqual(summary(before, after), ['unchanged 1→1', 'unchanged 2→2']);
  });

  it('tells an added, a removed and a changed cell apart, keeping their order', () => {
    const before = nb(md('# Lab'), code('x = 1\ny = 2'), md('Old notes'), code('print(x)'));
    const after = nb(md('# Lab'), code('x = 1\ny = 3'), code('print(x)'), code('plot(y)'));
    assert.deepEqual(summary(before, after), ['unchanged 1→1', 'changed 2→2', 'removed 3→-', 'unchanged 4→3', 'added -→4']);
    const changed = diffNotebooks(before, after)[1];
    assert.deepEqual(
      changed.source.flatMap((h) => h.lines.filter((l) => l.kind !== 'CONTEXT').map((l) => `${l.kind} ${l.text}`)),
      ['REMOVED y = 2', 'ADDED y = 3'],
    );
    assert.deepEqual(changed.outputs, []);
  });

  it('reports a cell whose source is the same but whose text outputs differ as changed, with the output lines', () => {
    const before = nb(code('print(total)', [{ kind: 'stream', name: 'stdout', text: '41\n' }]));
    const after = nb(code('print(total)', [{ kind: 'stream', name: 'stdout', text: '42\n' }]));
    const [change] = diffNotebooks(before, after);
    assert.equal(change.status, 'changed');
    assert.deepEqual(change.source, []);
    assert.deepEqual(change.outputs[0].lines.map((l) => `${l.kind} ${l.text}`), ['REMOVED 41', 'ADDED 42']);
  });

  it('notices a new error and a new image among the outputs', () => {
    const before = nb(code('run()'));
    const after = nb(
      code('run()', [
        { kind: 'error', name: 'ValueError', value: 'bad input', traceback: '…' },
        { kind: 'data', data: { 'image/png': 'iVBORw0KGgo=', 'text/plain': '<Figure>' } },
      ]),
    );
    const [change] = diffNotebooks(before, after);
    assert.deepEqual(change.outputs[0].lines.map((l) => l.text), ['ValueError: bad input', '[image/png, 12 characters]']);
  });

  it('matches cells by their ids when both notebooks carry them, and never turns one cell into another', () => {
    const before = nb(code('a = 1', [], 'a'), code('b = 2', [], 'b'), code('c = 3', [], 'c'));
    const after = nb(code('a = 1', [], 'a'), code('b = 20', [], 'b'), code('d = 3', [], 'd'));
    assert.deepEqual(summary(before, after), ['unchanged 1→1', 'changed 2→2', 'removed 3→-', 'added -→3']);
    // Moved and edited: the cell keeps its id, so it is one changed cell wherever the sequence puts it.
    const moved = diffNotebooks(nb(code('a = 1', [], 'a'), code('b = 2', [], 'b')), nb(code('b = 20', [], 'b'), code('a = 1', [], 'a')));
    for (const change of moved) if (change.before && change.after) assert.equal(change.before.cell.id, change.after.cell.id);
    assert.equal(moved.length, 3);
  });

  it('does not pair a removed markdown cell with an added code cell', () => {
    assert.deepEqual(summary(nb(md('Intro'), code('x')), nb(code('y'), code('x'))), ['removed 1→-', 'added -→1', 'unchanged 2→2']);
  });

  it('compares every cell of an empty material as added', () => {
    assert.deepEqual(summary(nb(), nb(md('a'), code('b'))), ['added -→1', 'added -→2']);
    assert.deepEqual(summary(nb(md('a')), nb()), ['removed 1→-']);
  });
});

describe('parseNotebook', () => {
  it('reads cells, joined sources, outputs and the kernel language', () => {
    const parsed = parseNotebook(
      JSON.stringify({
        nbformat: 4,
        metadata: { kernelspec: { language: 'R' } },
        cells: [
          { cell_type: 'markdown', source: ['# Title\n', 'text'] },
          {
            cell_type: 'code',
            id: 'c1',
            execution_count: 3,
            source: 'x',
            outputs: [
              { output_type: 'stream', name: 'stderr', text: ['warn\n'] },
              { output_type: 'error', ename: 'E', evalue: 'v', traceback: ['\u001b[31mred\u001b[0m'] },
              { output_type: 'execute_result', data: { 'text/plain': ['1'] } },
              { output_type: 'mystery' },
            ],
          },
        ],
      }),
    );
    assert.equal(parsed.language, 'r');
    assert.equal(parsed.cells[0].source, '# Title\ntext');
    assert.deepEqual(parsed.cells[1].outputs, [
      { kind: 'stream', name: 'stderr', text: 'warn\n' },
      { kind: 'error', name: 'E', value: 'v', traceback: 'red' },
      { kind: 'data', data: { 'text/plain': '1' } },
    ]);
    assert.equal(parsed.cells[1].executionCount, 3);
  });

  it('says why a file is not a notebook it can show', () => {
    assert.throws(() => parseNotebook('{'), (e) => e instanceof NotebookError && /not JSON/.test(e.message));
    assert.throws(() => parseNotebook('{"a": 1}'), /no list of cells/);
    assert.throws(() => parseNotebook('{"cells": [], "nbformat": 3}'), /format 3 is too old/);
  });
});
