import { diffArrays } from 'diff';
import { lineHunks, type DiffHunk } from './line-hunks';
import { outputText, type Notebook, type NotebookCell } from './notebook';

export type CellStatus = 'unchanged' | 'changed' | 'added' | 'removed';

export interface CellChange {
  status: CellStatus;
  /** The cell in the material (absent for an added cell), with its position counted from 1. */
  before: { cell: NotebookCell; number: number } | null;
  /** The cell as handed in (absent for a removed cell). */
  after: { cell: NotebookCell; number: number } | null;
  /** Line changes of the source; empty when the source is the same. */
  source: DiffHunk[];
  /** Line changes of the outputs read as text; empty when they read the same. */
  outputs: DiffHunk[];
}

const outputsOf = (cell: NotebookCell): string => cell.outputs.map(outputText).join('');

/**
 * Compares two notebooks cell by cell rather than as JSON.
 *
 * Cells are matched by their nbformat ids when both notebooks carry ids, and
 * otherwise by equal type and source (longest common subsequence, so order
 * is kept). Without ids, unmatched cells of the same type between two matched
 * cells are paired in order as one cell changed; the rest are added or removed. A
 * matched cell whose source or outputs (as text: streams, plain results,
 * errors, images by type and size) differ is changed. Execution counts alone
 * change nothing.
 */
export function diffNotebooks(before: Notebook, after: Notebook): CellChange[] {
  const withIds = before.cells.every((c) => c.id) && after.cells.every((c) => c.id);
  const same = withIds
    ? (a: NotebookCell, b: NotebookCell) => a.id === b.id
    : (a: NotebookCell, b: NotebookCell) => a.type === b.type && a.source === b.source;
  const changes: CellChange[] = [];
  let oldIndex = 0;
  let newIndex = 0;
  let removed: NotebookCell[] = [];
  let added: NotebookCell[] = [];

  const compare = (a: NotebookCell | null, aNumber: number, b: NotebookCell | null, bNumber: number): CellChange => {
    const source = a && b ? (a.source === b.source ? [] : lineHunks(a.source, b.source)) : [];
    const oldOutputs = a ? outputsOf(a) : '';
    const newOutputs = b ? outputsOf(b) : '';
    const outputs = a && b && oldOutputs !== newOutputs ? lineHunks(oldOutputs, newOutputs) : [];
    const status: CellStatus = !a ? 'added' : !b ? 'removed' : source.length || outputs.length || a.type !== b.type ? 'changed' : 'unchanged';
    return { status, before: a && { cell: a, number: aNumber }, after: b && { cell: b, number: bNumber }, source, outputs };
  };

  // Pairs the unmatched cells between two matches in order where their types agree; the rest were removed or added.
  const flush = () => {
    let r = 0;
    let a = 0;
    const startOld = oldIndex - removed.length;
    const startNew = newIndex - added.length;
    while (r < removed.length || a < added.length) {
      const old = removed[r];
      const young = added[a];
      // Cells with different ids are different cells, never one changed.
      if (old && young && old.type === young.type && !withIds) {
        changes.push(compare(old, startOld + ++r, young, startNew + ++a));
      } else if (old && (!young || removed.slice(r + 1).some((c) => c.type === young.type) || !added.slice(a + 1).some((c) => c.type === old.type))) {
        changes.push(compare(old, startOld + ++r, null, 0));
      } else {
        changes.push(compare(null, 0, young, startNew + ++a));
      }
    }
    removed = [];
    added = [];
  };

  for (const part of diffArrays(before.cells, after.cells, { comparator: same })) {
    if (part.removed) {
      removed.push(...part.value);
      oldIndex += part.value.length;
    } else if (part.added) {
      added.push(...part.value);
      newIndex += part.value.length;
    } else {
      flush();
      for (let i = 0; i < part.value.length; i++) {
        changes.push(compare(before.cells[oldIndex], ++oldIndex, after.cells[newIndex], ++newIndex));
      }
    }
  }
  flush();
  return changes;
}
