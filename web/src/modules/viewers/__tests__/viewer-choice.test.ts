import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseViewer, decodeText, languageOf, MEDIA_LIMIT, NOTEBOOK_LIMIT, TEXT_LIMIT } from '../viewer-choice';

describe('chooseViewer', () => {
  it('highlights source code by its extension, whatever its case', () => {
    assert.deepEqual(chooseViewer('analysis.py', 10), { kind: 'code', language: 'python' });
    assert.deepEqual(chooseViewer('MAIN.R', 10), { kind: 'code', language: 'r' });
    assert.deepEqual(chooseViewer('Makefile', 10), { kind: 'code', language: 'make' });
    assert.deepEqual(chooseViewer('notes.txt', 10), { kind: 'code', language: null });
  });

  it('renders notebooks, Markdown, tables, HTML, images and PDFs with their own viewers', () => {
    assert.deepEqual(chooseViewer('lab.ipynb', 10), { kind: 'notebook' });
    assert.deepEqual(chooseViewer('README.md', 10), { kind: 'markdown' });
    assert.deepEqual(chooseViewer('data.csv', 10), { kind: 'table', delimiter: ',' });
    assert.deepEqual(chooseViewer('data.tsv', 10), { kind: 'table', delimiter: '\t' });
    assert.deepEqual(chooseViewer('page.html', 10), { kind: 'html' });
    assert.deepEqual(chooseViewer('plot.PNG', 10), { kind: 'image', type: 'image/png' });
    assert.deepEqual(chooseViewer('photo.jpg', 10), { kind: 'image', type: 'image/jpeg' });
    assert.deepEqual(chooseViewer('figure.svg', 10), { kind: 'image', type: 'image/svg+xml' });
    assert.deepEqual(chooseViewer('report.pdf', 10), { kind: 'pdf' });
  });

  it('offers known binary formats for download and looks into names that say nothing', () => {
    assert.deepEqual(chooseViewer('model.pkl', 10), { kind: 'binary' });
    assert.deepEqual(chooseViewer('archive.zip', 10 * MEDIA_LIMIT), { kind: 'binary' });
    assert.deepEqual(chooseViewer('output', 10), { kind: 'unknown' });
    assert.deepEqual(chooseViewer('.gitignore', 10), { kind: 'unknown' });
  });

  it('says a file is too large past 2 MB for text and 20 MB for images, PDFs and notebooks', () => {
    assert.deepEqual(chooseViewer('analysis.py', TEXT_LIMIT), { kind: 'code', language: 'python' });
    assert.deepEqual(chooseViewer('analysis.py', TEXT_LIMIT + 1), { kind: 'too-large', limit: TEXT_LIMIT });
    // A notebook's images are base64 inside it: it may be as large as an image.
    assert.deepEqual(chooseViewer('lab.ipynb', 5 * 1000 * 1000), { kind: 'notebook' });
    assert.deepEqual(chooseViewer('lab.ipynb', NOTEBOOK_LIMIT + 1), { kind: 'too-large', limit: NOTEBOOK_LIMIT });
    assert.deepEqual(chooseViewer('output', TEXT_LIMIT + 1), { kind: 'too-large', limit: TEXT_LIMIT });
    assert.deepEqual(chooseViewer('report.pdf', TEXT_LIMIT + 1), { kind: 'pdf' });
    assert.deepEqual(chooseViewer('report.pdf', MEDIA_LIMIT + 1), { kind: 'too-large', limit: MEDIA_LIMIT });
    assert.deepEqual(chooseViewer('plot.png', MEDIA_LIMIT + 1), { kind: 'too-large', limit: MEDIA_LIMIT });
  });
});

describe('languageOf', () => {
  it('gives diffs of Markdown, HTML and SVG their grammar', () => {
    assert.equal(languageOf('a.md'), 'markdown');
    assert.equal(languageOf('a.html'), 'html');
    assert.equal(languageOf('a.svg'), 'xml');
    assert.equal(languageOf('a.unknown'), null);
  });
});

describe('decodeText', () => {
  it('reads UTF-8 text and refuses bytes with a NUL or that are not UTF-8', () => {
    assert.equal(decodeText(new TextEncoder().encode('grüße\n')), 'grüße\n');
    assert.equal(decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1])), null);
    assert.equal(decodeText(new Uint8Array([0xff, 0xfe, 0x41])), null);
  });
});
