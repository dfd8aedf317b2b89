import fc from 'fast-check';
import { DomainError } from '../errors';
import { encodeCursor, pageRequest, slicePage, type Page, type PageArgs } from '../pagination';

const names = (n: number) => Array.from({ length: n }, (_, i) => `row${String(i).padStart(3, '0')}`);
const keyOf = (name: string) => [name];

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
}

describe('pageRequest', () => {
  it('refuses first with last', () => {
    expect(codeOf(() => pageRequest('Space', { first: 2, last: 2 }, 1))).toBe('BAD_USER_INPUT');
  });

  it('refuses a cursor of another connection and names both', () => {
    const other = encodeCursor('Member', ['x', 'y']);
    expect(() => pageRequest('Space', { after: other }, 2)).toThrow(/belongs to the Member connection, not Space/);
    expect(codeOf(() => pageRequest('Space', { before: other }, 2))).toBe('BAD_USER_INPUT');
  });

  it('refuses a forged cursor and sizes out of range', () => {
    expect(codeOf(() => pageRequest('Space', { after: 'not-a-cursor' }, 2))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => pageRequest('Space', { after: encodeCursor('Space', ['only one']) }, 2))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => pageRequest('Space', { last: 0 }, 1))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => pageRequest('Space', { first: 101 }, 1))).toBe('BAD_USER_INPUT');
  });
});

describe('slicePage', () => {
  function walk(rows: string[], size: number, backward: boolean): { seen: string[]; pages: Page<string>[] } {
    const pages: Page<string>[] = [];
    let cursor: string | null = null;
    for (;;) {
      const args: PageArgs = backward ? { last: size, before: cursor } : { first: size, after: cursor };
      const page: Page<string> = slicePage(rows, pageRequest('Row', args, 1), keyOf);
      pages.push(page);
      if (!(backward ? page.hasPreviousPage : page.hasNextPage)) break;
      cursor = backward ? page.cursors[0] : page.cursors.at(-1)!;
    }
    const ordered = backward ? [...pages].reverse() : pages;
    return { seen: ordered.flatMap((p) => p.nodes), pages };
  }

  it('pages forwards and backwards over every row exactly once, in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 15 }), fc.boolean(), (n, size, backward) => {
        const rows = names(n);
        const { seen, pages } = walk(rows, size, backward);
        expect(seen).toEqual(rows);
        expect(pages.every((p) => p.totalCount === n)).toBe(true);
      }),
    );
  });

  it('says what lies either side of a page', () => {
    const rows = names(10);
    const first = slicePage(rows, pageRequest('Row', { first: 4 }, 1), keyOf);
    expect([first.hasPreviousPage, first.hasNextPage]).toEqual([false, true]);
    const last = slicePage(rows, pageRequest('Row', { last: 4 }, 1), keyOf);
    expect(last.nodes).toEqual(rows.slice(6));
    expect([last.hasPreviousPage, last.hasNextPage]).toEqual([true, false]);
    const between = slicePage(rows, pageRequest('Row', { after: first.cursors.at(-1), before: last.cursors[0] }, 1), keyOf);
    expect(between.nodes).toEqual(rows.slice(4, 6));
  });

  it('refuses a cursor naming no row of the list', () => {
    expect(codeOf(() => slicePage(names(3), pageRequest('Row', { after: encodeCursor('Row', ['gone']) }, 1), keyOf))).toBe('BAD_USER_INPUT');
  });
});
