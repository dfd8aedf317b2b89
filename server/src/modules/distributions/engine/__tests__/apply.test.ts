import { DomainError } from '../../../../core/errors';
import { createMemoryTreeStore, type MemoryTreeStore } from '../../../../core/storage/memory-tree-store';
import { EMPTY_TREE_ID } from '../../../../core/storage/tree';
import type { TreeEntry, TreeStore } from '../../../../core/storage/types';
import { applyItems } from '../apply';
import type { ApplyOptions, ApplyResult, IncomingItem, Policy } from '../policy';
import { dir, expectConsistent, file, id, item, leaves, put, putRoot, table, type Spec } from './trees';

let store: MemoryTreeStore;
beforeEach(() => {
  store = createMemoryTreeStore();
});

async function push(
  target: string,
  items: IncomingItem[],
  policy: Policy | ApplyOptions['policies'],
  lastDelivered?: Record<string, string>,
): Promise<ApplyResult> {
  const result = await applyItems(store, target, items, {
    policies: typeof policy === 'string' ? { default: policy } : policy,
    lastDelivered: lastDelivered && (async (path) => lastDelivered[path.join('/')]),
  });
  expectConsistent(result, target);
  return result;
}

const short = (r: ApplyResult) => r.outcomes.map((o) => [o.path, o.outcome, o.files, ...(o.copiedTo ? [o.copiedTo] : [])]);
const contents = async (root: string) => Object.fromEntries(await leaves(store, root));
const F = (label: string) => `FILE:${id(label)}`;

describe('the policy table', () => {
  // In the target: same.txt (A) equal to the incoming one, diff.txt (A) where B comes in; new.txt is missing.
  let target: string;
  let items: IncomingItem[];
  beforeEach(async () => {
    target = await putRoot(store, { files: dir({ 'same.txt': file('A'), 'diff.txt': file('A'), 'mine.txt': file('M') }) });
    items = [
      await item(store, 'files/same.txt', file('A')),
      await item(store, 'files/diff.txt', file('B')),
      await item(store, 'files/new.txt', file('C')),
    ];
  });

  it('OVERWRITE adds, leaves the same, replaces the different, keeps extras', async () => {
    const r = await push(target, items, 'OVERWRITE');
    expect(short(r)).toEqual([
      ['files/diff.txt', 'REPLACED', 1],
      ['files/new.txt', 'ADDED', 1],
      ['files/same.txt', 'UNCHANGED', 1],
    ]);
    expect(await contents(r.root)).toEqual({
      'files/diff.txt': F('B'),
      'files/mine.txt': F('M'),
      'files/new.txt': F('C'),
      'files/same.txt': F('A'),
    });
    expect(r).toMatchObject({ changed: true, failed: false });
  });

  it("SKIP_EXISTING adds and keeps the target's different content", async () => {
    const r = await push(target, items, 'SKIP_EXISTING');
    expect(short(r)).toEqual([
      ['files/diff.txt', 'SKIPPED', 1],
      ['files/new.txt', 'ADDED', 1],
      ['files/same.txt', 'UNCHANGED', 1],
    ]);
    expect((await contents(r.root))['files/diff.txt']).toBe(F('A'));
  });

  it('KEEP_BOTH adds the incoming content beside the different one', async () => {
    const r = await push(target, items, 'KEEP_BOTH');
    expect(short(r)).toEqual([
      ['files/diff.txt', 'COPIED', 1, 'files/diff (incoming).txt'],
      ['files/new.txt', 'ADDED', 1],
      ['files/same.txt', 'UNCHANGED', 1],
    ]);
    const after = await contents(r.root);
    expect(after['files/diff.txt']).toBe(F('A'));
    expect(after['files/diff (incoming).txt']).toBe(F('B'));
  });

  it('PRESERVE_EDITS replaces what was not edited since delivery and keeps both where it was', async () => {
    const unedited = await push(target, items, 'PRESERVE_EDITS', { 'files/diff.txt': id('A') });
    expect(short(unedited)[0]).toEqual(['files/diff.txt', 'REPLACED', 1]);

    const edited = await push(target, items, 'PRESERVE_EDITS', { 'files/diff.txt': id('Z') });
    expect(short(edited)[0]).toEqual(['files/diff.txt', 'COPIED', 1, 'files/diff (incoming).txt']);

    const neverDelivered = await push(target, items, 'PRESERVE_EDITS');
    expect(short(neverDelivered)[0]).toEqual(['files/diff.txt', 'COPIED', 1, 'files/diff (incoming).txt']);
  });

  it('MIRROR makes each pushed path its incoming content and leaves the rest of the area alone', async () => {
    const r = await push(target, items, 'MIRROR');
    expect(short(r)).toEqual([
      ['files/diff.txt', 'REPLACED', 1],
      ['files/new.txt', 'ADDED', 1],
      ['files/same.txt', 'UNCHANGED', 1],
    ]);
    // Pushed files, not folders: nothing inside them to remove, so the same as OVERWRITE; files/mine.txt stays.
    expect(r.root).toBe((await push(target, items, 'OVERWRITE')).root);
  });

  it('FAIL leaves the whole target untouched and lists the conflict and what would have happened', async () => {
    const r = await push(target, items, 'FAIL');
    expect(r).toMatchObject({ root: target, changed: false, failed: true });
    expect(short(r)).toEqual([
      ['files/diff.txt', 'CONFLICT', 1],
      ['files/new.txt', 'ADDED', 1],
      ['files/same.txt', 'UNCHANGED', 1],
    ]);
    expect(r.counts).toMatchObject({ CONFLICT: 1, ADDED: 1, UNCHANGED: 1 });
  });

  it('FAIL without a difference applies like OVERWRITE', async () => {
    const r = await push(target, [items[0], items[2]], 'FAIL');
    expect(r).toMatchObject({ changed: true, failed: false });
    expect((await contents(r.root))['files/new.txt']).toBe(F('C'));
  });
});

describe('KEEP_BOTH copy names', () => {
  it('takes the first free name and never copies the same content twice', async () => {
    const target = await putRoot(store, {
      files: dir({ 'report.csv': file('A'), 'report (incoming).csv': file('X') }),
    });
    const items = [await item(store, 'files/report.csv', file('B'))];
    const first = await push(target, items, 'KEEP_BOTH');
    expect(first.outcomes).toEqual([
      { path: 'files/report.csv', outcome: 'COPIED', files: 1, copiedTo: 'files/report (incoming 2).csv' },
    ]);
    const puts = store.puts;
    const again = await push(first.root, items, 'KEEP_BOTH');
    expect(again).toMatchObject({ root: first.root, changed: false });
    expect(short(again)).toEqual([['files/report.csv', 'UNCHANGED', 1]]);
    expect(store.puts).toBe(puts);
  });

  it('finds an earlier copy even past a gap in the numbering', async () => {
    const target = await putRoot(store, { files: dir({ 'r.csv': file('A'), 'r (incoming 2).csv': file('B') }) });
    const r = await push(target, [await item(store, 'files/r.csv', file('B'))], 'KEEP_BOTH');
    expect(r.changed).toBe(false);
    expect(short(r)).toEqual([['files/r.csv', 'UNCHANGED', 1]]);
  });

  it('names folder copies and extensionless copies without splitting at a dot', async () => {
    const target = await putRoot(store, { files: dir({ 'data.v2': file('A'), '.env': file('A') }) });
    const r = await push(
      target,
      [await item(store, 'files/data.v2', dir({ 'x.csv': file('X') })), await item(store, 'files/.env', file('B'))],
      'KEEP_BOTH',
    );
    expect(r.outcomes.map((o) => o.copiedTo)).toEqual(['files/.env (incoming)', 'files/data.v2 (incoming)']);
    expect((await contents(r.root))['files/data.v2 (incoming)/x.csv']).toBe(F('X'));
  });
});

describe('a file meeting a folder', () => {
  let target: string;
  beforeEach(async () => {
    target = await putRoot(store, { files: dir({ a: file('A'), d: dir({ x: file('X'), y: file('Y') }) }) });
  });

  it('is a difference for every policy (incoming folder over a file)', async () => {
    const items = [await item(store, 'files/a', dir({ 'b.txt': file('B') }))];
    expect(short(await push(target, items, 'OVERWRITE'))).toEqual([['files/a', 'REPLACED', 1]]);
    expect(short(await push(target, items, 'SKIP_EXISTING'))).toEqual([['files/a', 'SKIPPED', 1]]);
    expect(short(await push(target, items, 'KEEP_BOTH'))).toEqual([['files/a', 'COPIED', 1, 'files/a (incoming)']]);
    expect(short(await push(target, items, 'FAIL'))).toEqual([['files/a', 'CONFLICT', 1]]);
    const replaced = await push(target, items, 'OVERWRITE');
    expect(await contents(replaced.root)).toMatchObject({ 'files/a/b.txt': F('B') });
  });

  it('is a difference for every policy (incoming file over a folder)', async () => {
    const items = [await item(store, 'files/d', file('D'))];
    const overwrite = await push(target, items, 'OVERWRITE');
    expect(short(overwrite)).toEqual([['files/d', 'REPLACED', 1]]);
    expect(await contents(overwrite.root)).toEqual({ 'files/a': F('A'), 'files/d': F('D') });
    expect(short(await push(target, items, 'KEEP_BOTH'))).toEqual([['files/d', 'COPIED', 1, 'files/d (incoming)']]);
    expect(short(await push(target, items, 'SKIP_EXISTING'))).toEqual([['files/d', 'SKIPPED', 1]]);
  });

  it('is a difference where a file stands on the way to an item', async () => {
    const items = [await item(store, 'files/a/sub/b.txt', file('B'))];
    const copied = await push(target, items, 'KEEP_BOTH');
    expect(short(copied)).toEqual([['files/a', 'COPIED', 1, 'files/a (incoming)']]);
    expect((await contents(copied.root))['files/a (incoming)/sub/b.txt']).toBe(F('B'));
    const again = await push(copied.root, items, 'KEEP_BOTH');
    expect(again.changed).toBe(false);

    const overwritten = await push(target, items, 'OVERWRITE');
    expect(short(overwritten)).toEqual([['files/a', 'REPLACED', 1]]);
    expect((await contents(overwritten.root))['files/a/sub/b.txt']).toBe(F('B'));

    const preserved = await push(target, items, 'PRESERVE_EDITS', { 'files/a': id('A') });
    expect(short(preserved)).toEqual([['files/a', 'REPLACED', 1]]);
  });
});

describe('folders merge', () => {
  it('judges each leaf and keeps what the target has beside', async () => {
    const target = await putRoot(store, {
      files: dir({ w: dir({ 'a.txt': file('A'), 'b.txt': file('B'), 'mine.txt': file('M'), sub: dir({ 'c.txt': file('C') }) }) }),
    });
    const incoming = dir({ 'a.txt': file('A'), 'b.txt': file('X'), 'n.txt': file('N'), sub: dir({ 'c.txt': file('C') }) });
    const r = await push(target, [await item(store, 'files/w', incoming)], 'SKIP_EXISTING');
    // a.txt and sub/ are equal: summed into the folder's UNCHANGED outcome.
    expect(short(r)).toEqual([
      ['files/w', 'UNCHANGED', 2],
      ['files/w/b.txt', 'SKIPPED', 1],
      ['files/w/n.txt', 'ADDED', 1],
    ]);
    expect(await contents(r.root)).toMatchObject({ 'files/w/mine.txt': F('M'), 'files/w/n.txt': F('N') });
  });

  it('MIRROR removes what a pushed folder lacks, deep down too, and nothing beside it', async () => {
    const target = await putRoot(store, {
      files: dir({ w: dir({ keep: file('K'), gone: dir({ x: file('X'), y: file('Y') }) }), other: file('O') }),
      tables: dir({ t: table('T') }),
    });
    const r = await push(target, [await item(store, 'files/w', dir({ keep: file('K'), n: file('N') }))], 'MIRROR');
    expect(short(r)).toEqual([
      ['files/w', 'UNCHANGED', 1],
      ['files/w/gone', 'REMOVED', 2],
      ['files/w/n', 'ADDED', 1],
    ]);
    expect(await contents(r.root)).toEqual({ 'files/other': F('O'), 'files/w/keep': F('K'), 'files/w/n': F('N'), 'tables/t': `TABLE:${id('T')}` });
  });

  it('MIRROR tells the recipient’s own entries from delivered ones it replaces or removes', async () => {
    const target = await putRoot(store, { files: dir({ w: dir({ given: file('G'), mine: file('M'), edited: file('E2') }) }) });
    const delivered: Record<string, string> = { 'files/w/given': id('G'), 'files/w/edited': id('E1') };
    const r = await push(target, [await item(store, 'files/w', dir({ edited: file('E3') }))], 'MIRROR', delivered);
    expect(r.outcomes.map((o) => [o.path, o.outcome, o.edited])).toEqual([
      ['files/w/edited', 'REPLACED', true],
      ['files/w/given', 'REMOVED', false],
      ['files/w/mine', 'REMOVED', true],
    ]);
  });

  it('MIRROR of a file under a folder the target has as a file replaces that file and nothing else', async () => {
    const target = await putRoot(store, { files: dir({ a: file('A'), b: file('B') }) });
    const r = await push(target, [await item(store, 'files/a/x', file('X'))], 'MIRROR');
    expect(short(r)).toEqual([['files/a', 'REPLACED', 1]]);
    expect(await contents(r.root)).toEqual({ 'files/a/x': F('X'), 'files/b': F('B') });
  });

  it('mixes policies per area', async () => {
    const target = await putRoot(store, { files: dir({ f: file('A') }), tables: dir({ t: table('A') }) });
    const items = [await item(store, 'files/f', file('B')), await item(store, 'tables/t', table('B'))];
    const r = await push(target, items, { default: 'SKIP_EXISTING', tables: 'OVERWRITE' });
    expect(short(r)).toEqual([
      ['files/f', 'SKIPPED', 1],
      ['tables/t', 'REPLACED', 1],
    ]);
    const failed = await push(target, items, { default: 'OVERWRITE', tables: 'FAIL' });
    expect(failed).toMatchObject({ failed: true, root: target });
    expect(short(failed)).toEqual([
      ['files/f', 'REPLACED', 1],
      ['tables/t', 'CONFLICT', 1],
    ]);
  });
});

describe('item order', () => {
  it('applies nested items in order, each seeing the earlier ones', async () => {
    const items = [
      await item(store, 'files/a', dir({ 'b.txt': file('X'), 'c.txt': file('C') })),
      await item(store, 'files/a/b.txt', file('Y')),
    ];
    const skip = await push(EMPTY_TREE_ID, items, 'SKIP_EXISTING');
    expect(short(skip)).toEqual([
      ['files/a', 'ADDED', 2],
      ['files/a/b.txt', 'SKIPPED', 1],
    ]);
    const overwrite = await push(EMPTY_TREE_ID, items, 'OVERWRITE');
    expect(await contents(overwrite.root)).toEqual({ 'files/a/b.txt': F('Y'), 'files/a/c.txt': F('C') });
  });

  it('lets the later of two items at one path win', async () => {
    const items = [await item(store, 'files/a', file('X')), await item(store, 'files/a', file('Y'))];
    for (const policy of ['SKIP_EXISTING', 'FAIL', 'KEEP_BOTH', 'MIRROR'] as const) {
      const r = await push(EMPTY_TREE_ID, items, policy);
      expect(await contents(r.root)).toEqual({ 'files/a': F('Y') });
    }
  });
});

describe('targets', () => {
  it('works on the empty root and on a root without the area', async () => {
    const items = [await item(store, 'files/x/y.txt', file('A')), await item(store, 'applications/app', { t: 'leaf', kind: 'APPLICATION', id: id('P') })];
    for (const target of [EMPTY_TREE_ID, await putRoot(store, { tables: dir({ t: table('T') }) })]) {
      const r = await push(target, items, 'FAIL');
      expect(short(r)).toEqual([
        ['applications/app', 'ADDED', 1],
        ['files/x/y.txt', 'ADDED', 1],
      ]);
      expect(await contents(r.root)).toMatchObject({ 'files/x/y.txt': F('A'), 'applications/app': `APPLICATION:${id('P')}` });
    }
  });

  it('replaces a whole area with a folder item', async () => {
    const target = await putRoot(store, { files: dir({ old: file('O') }) });
    const r = await push(target, [await item(store, 'files', dir({ n: file('N') }))], 'MIRROR');
    expect(short(r)).toEqual([
      ['files/n', 'ADDED', 1],
      ['files/old', 'REMOVED', 1],
    ]);
  });

  it('changes nothing and writes nothing when nothing is pushed', async () => {
    const target = await putRoot(store, { files: dir({ a: file('A') }) });
    const puts = store.puts;
    const r = await push(target, [], 'MIRROR');
    expect(r).toMatchObject({ root: target, changed: false, outcomes: [] });
    expect(store.puts).toBe(puts);
  });
});

describe('bad items', () => {
  it.each([
    [['nowhere', 'a'], 'a'],
    [[], 'a'],
    [['files', 'a'], 'b'],
  ])('rejects path %j with an entry named %s', async (path, name) => {
    const entry: TreeEntry = { name, kind: 'FILE', id: id('A'), size: 1 };
    await expect(push(EMPTY_TREE_ID, [{ path, entry }], 'OVERWRITE')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('rejects a whole area given as a file', async () => {
    const entry: TreeEntry = { name: 'files', kind: 'FILE', id: id('A'), size: 1 };
    await expect(push(EMPTY_TREE_ID, [{ path: ['files'], entry }], 'OVERWRITE')).rejects.toBeInstanceOf(DomainError);
  });
});

describe('at scale', () => {
  const N = 10_000;
  let big: TreeEntry;
  beforeEach(async () => {
    const children: Record<string, Spec> = {};
    for (let i = 0; i < N; i++) children[`f${i}.txt`] = file(`c${i}`);
    big = await put(store, 'big', dir(children));
  });

  /** Counts reads, to show which trees an apply opens. */
  function counting(inner: TreeStore): TreeStore & { gets: string[] } {
    const gets: string[] = [];
    return { gets, get: (treeId) => (gets.push(treeId), inner.get(treeId)), put: (entries) => inner.put(entries) };
  }

  it('adds a 10,000-file folder to an empty target as one outcome with two writes', async () => {
    const puts = store.puts;
    const r = await push(EMPTY_TREE_ID, [{ path: ['files', 'big'], entry: big }], 'OVERWRITE');
    expect(r.outcomes).toEqual([{ path: 'files/big', outcome: 'ADDED', files: N }]);
    expect(r.counts.ADDED).toBe(N);
    // The new files area and the new root; the big folder itself is referenced, not rewritten.
    expect(store.puts - puts).toBe(2);
  });

  it('opens only the folder that differs and reports one leaf plus one summary', async () => {
    const target = await putRoot(store, { files: dir({ other: dir({ x: file('X') }) }) });
    const withBig = await push(target, [{ path: ['files', 'big'], entry: big }], 'OVERWRITE');

    const changed = (await store.get(big.id)).map((e) => (e.name === 'f7.txt' ? { ...e, id: id('new') } : e));
    const big2: TreeEntry = { ...big, id: await store.put(changed) };
    const reads = counting(store);
    const puts = store.puts;
    const r = await applyItems(reads, withBig.root, [{ path: ['files', 'big'], entry: big2 }], { policies: { default: 'OVERWRITE' } });
    expect(short(r)).toEqual([
      ['files/big', 'UNCHANGED', N - 1],
      ['files/big/f7.txt', 'REPLACED', 1],
    ]);
    // root, files, both versions of big (the second read once although needed twice); never files/other.
    expect(new Set(reads.gets).size).toBe(reads.gets.length);
    expect(reads.gets.length).toBeLessThanOrEqual(4);
    expect(store.puts - puts).toBe(3);

    const again = await applyItems(reads, r.root, [{ path: ['files', 'big'], entry: big2 }], { policies: { default: 'OVERWRITE' } });
    expect(again.outcomes).toEqual([{ path: 'files/big', outcome: 'UNCHANGED', files: N }]);
  });

  it('costs each of 1,000 targets two reads and two writes', async () => {
    const targets: string[] = [];
    for (let i = 0; i < 1000; i++) targets.push(await putRoot(store, { files: dir({ [`own${i}`]: file(`o${i}`) }) }));
    const reads = counting(store);
    const puts = store.puts;
    for (const target of targets) {
      const r = await applyItems(reads, target, [{ path: ['files', 'big'], entry: big }], {
        policies: { default: 'KEEP_BOTH' },
      });
      expect(r.counts.ADDED).toBe(N);
    }
    // Per target: its root and its files folder are read and rewritten; the big folder is counted once in all.
    expect(reads.gets.filter((g) => g !== big.id).length).toBe(2000);
    expect(store.puts - puts).toBe(2000);
  });
});
