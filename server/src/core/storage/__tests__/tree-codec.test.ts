import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { createMemoryTreeStore } from '../memory-tree-store';
import { decodeTree, directoryEntry, EMPTY_TREE_ID, encodeTree, hashTree } from '../tree';
import type { TreeEntry } from '../types';
import { file, idOf, syncDomainErrorOf } from './fixtures';

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

describe('encodeTree', () => {
  it('writes [name, kind, id, size] tuples as JSON', () => {
    const entry = file('a.csv', 12, 1);
    expect(encodeTree([entry]).toString('utf8')).toBe(`[["a.csv","FILE","${idOf(1)}",12]]`);
    expect(encodeTree([]).toString('utf8')).toBe('[]');
  });

  it('orders names by UTF-8 bytes, not by UTF-16 code units', () => {
    // U+E000 sorts after the surrogates of U+1F600 in UTF-16 but before it in UTF-8.
    const names = ['b', '\ue000', 'Z', '😀', 'a', 'é', 'a b', 'ab'];
    const decoded = decodeTree(encodeTree(names.map((name, i) => file(name, i))));
    expect(decoded.map((e) => e.name)).toEqual(['Z', 'a', 'a b', 'ab', 'b', 'é', '\ue000', '😀']);
  });

  it('gives the same bytes for any input order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }), { maxLength: 12 }).chain((names) => {
          const valid = names
            .map((n) => n.normalize('NFC'))
            .filter((n, i, all) => /\S/u.test(n) && n !== '.' && n !== '..' && !/[/\\]/.test(n) && all.indexOf(n) === i);
          const entries = valid.map((name, i) => file(name, i));
          return fc.tuple(fc.constant(entries), fc.shuffledSubarray(entries, { minLength: entries.length }));
        }),
        ([entries, shuffled]) => {
          expect(encodeTree(shuffled).equals(encodeTree(entries))).toBe(true);
          expect(decodeTree(encodeTree(shuffled))).toEqual(decodeTree(encodeTree(entries)));
        },
      ),
    );
  });

  it('rejects two entries with one name', () => {
    const error = syncDomainErrorOf(() => encodeTree([file('a', 1, 1), file('b', 1), file('a', 2, 2)]), 'BAD_USER_INPUT');
    expect(error.message).toMatch(/two entries in one folder are named 'a'/);
  });

  it('rejects names that are invalid or not yet normalised', () => {
    expect(() => encodeTree([file('a/b', 1)])).toThrow(/contains '\/'/);
    expect(() => encodeTree([file('', 1)])).toThrow(/name is empty/);
    expect(syncDomainErrorOf(() => encodeTree([file('Cafe\u0301', 1)]), 'BAD_USER_INPUT').message).toMatch(/NFC/);
  });

  it.each<[string, Partial<TreeEntry>]>([
    ['an uppercase id', { id: idOf(1).toUpperCase() }],
    ['a short id', { id: 'abc' }],
    ['a path as id', { id: '../../../../etc/passwd' }],
    ['a negative size', { size: -1 }],
    ['a fractional size', { size: 1.5 }],
    ['an unsafe size', { size: 2 ** 53 }],
    ['NaN as size', { size: Number.NaN }],
    ['an unknown kind', { kind: 'LINK' as TreeEntry['kind'] }],
  ])('rejects %s', (_label, change) => {
    syncDomainErrorOf(() => encodeTree([{ ...file('a', 1), ...change }]), 'BAD_USER_INPUT');
  });
});

describe('decodeTree', () => {
  it('inverts encodeTree', () => {
    const entries: TreeEntry[] = [
      file('b', 3),
      { name: 'a', kind: 'DIRECTORY', id: idOf('d'), size: 7 },
      { name: 'g', kind: 'TABLE', id: idOf('t'), size: 0 },
    ];
    expect(decodeTree(encodeTree(entries))).toEqual([entries[1], entries[0], entries[2]]);
    expect(decodeTree(encodeTree(entries).toString('utf8'))).toEqual([entries[1], entries[0], entries[2]]);
  });

  it.each([
    ['not JSON', '[['],
    ['not an array', '{}'],
    ['a short tuple', '[["a","FILE"]]'],
    ['a bad id', '[["a","FILE","xyz",1]]'],
    ['entries out of order', `[["b","FILE","${idOf(1)}",1],["a","FILE","${idOf(2)}",1]]`],
    ['duplicate names', `[["a","FILE","${idOf(1)}",1],["a","FILE","${idOf(2)}",1]]`],
  ])('treats %s as corrupt data', (_label, text) => {
    expect(() => decodeTree(text)).toThrow(/stored tree is corrupt/);
  });
});

describe('hashTree', () => {
  it('hashes "tree\\n" followed by the encoding, so it differs from the blob id of the same bytes', () => {
    const entries = [file('a', 1), file('b', 2)];
    const encoding = encodeTree(entries);
    expect(hashTree(entries)).toBe(sha256(Buffer.concat([Buffer.from('tree\n'), encoding])));
    expect(hashTree(entries)).not.toBe(sha256(encoding));
    expect(EMPTY_TREE_ID).toBe(sha256('tree\n[]'));
  });

  it('changes when any field of any entry changes', () => {
    const base = [file('a', 1, 'x'), file('b', 2, 'y')];
    const id = hashTree(base);
    expect(hashTree([base[1], base[0]])).toBe(id);
    expect(hashTree([file('a', 1, 'x'), file('c', 2, 'y')])).not.toBe(id);
    expect(hashTree([file('a', 1, 'x'), file('b', 3, 'y')])).not.toBe(id);
    expect(hashTree([file('a', 1, 'x'), file('b', 2, 'z')])).not.toBe(id);
    expect(hashTree([file('a', 1, 'x'), { ...file('b', 2, 'y'), kind: 'TABLE' }])).not.toBe(id);
  });
});

describe('directoryEntry', () => {
  it('sums the sizes of the entries', () => {
    const entry = directoryEntry('d', idOf('t'), [file('a', 5), file('b', 7)]);
    expect(entry).toEqual({ name: 'd', kind: 'DIRECTORY', id: idOf('t'), size: 12 });
    expect(directoryEntry('e', EMPTY_TREE_ID, []).size).toBe(0);
  });
});

describe('createMemoryTreeStore', () => {
  it('inserts if absent, counts puts and returns canonical frozen entries', async () => {
    const store = createMemoryTreeStore();
    const id = await store.put([file('b', 1), file('a', 2)]);
    expect(await store.put([file('a', 2), file('b', 1)])).toBe(id);
    expect(store.puts).toBe(2);
    expect(store.trees.size).toBe(1);
    const entries = await store.get(id);
    expect(entries.map((e) => e.name)).toEqual(['a', 'b']);
    expect(Object.isFrozen(entries)).toBe(true);
    expect(Object.isFrozen(entries[0])).toBe(true);
  });

  it('knows the empty tree without a put and refuses unknown ids', async () => {
    const store = createMemoryTreeStore();
    expect(await store.get(EMPTY_TREE_ID)).toEqual([]);
    await expect(store.get(idOf('missing'))).rejects.toThrow(/not in the store/);
  });

  it('validates what it stores', async () => {
    const store = createMemoryTreeStore();
    await expect(store.put([file('a', 1), file('a', 2, 2)])).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(store.trees.size).toBe(0);
  });
});
