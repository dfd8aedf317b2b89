import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { currentAfter, firstPage, nextPage, pageNumber, pageSlice, previousPage } from '../cursor-pager';

describe('cursor pages', () => {
  it('walks forward and back through cursors', () => {
    let pages = firstPage();
    assert.equal(currentAfter(pages), null);
    pages = nextPage(pages, 'c20');
    pages = nextPage(pages, 'c40');
    assert.equal(pageNumber(pages), 3);
    assert.equal(currentAfter(pages), 'c40');
    pages = previousPage(pages);
    assert.equal(currentAfter(pages), 'c20');
    pages = previousPage(previousPage(pages));
    assert.equal(pageNumber(pages), 1);
    assert.equal(currentAfter(pages), null);
  });

  it('stays put without an end cursor', () => {
    const pages = firstPage();
    assert.equal(nextPage(pages, null), pages);
  });
});

describe('pageSlice', () => {
  const items = Array.from({ length: 45 }, (_, i) => i);

  it('cuts a page and counts pages', () => {
    assert.deepEqual(pageSlice(items, 3, 20), { items: [40, 41, 42, 43, 44], page: 3, pages: 3 });
  });

  it('clamps the page into range', () => {
    assert.equal(pageSlice(items, 9, 20).page, 3);
    assert.equal(pageSlice(items, 0, 20).page, 1);
    assert.deepEqual(pageSlice([], 1, 20), { items: [], page: 1, pages: 1 });
  });
});
