import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  areaOf,
  baseName,
  breadcrumbs,
  browserHref,
  downloadUrl,
  joinPath,
  nameProblem,
  numberedName,
  normalisePath,
  parentOf,
  zipUrl,
} from '../workspace-paths';

describe('workspace paths', () => {
  it('normalises, joins and splits', () => {
    assert.equal(normalisePath(' /files//week 1/ '), 'files/week 1');
    assert.equal(joinPath('files/week1', 'data.csv'), 'files/week1/data.csv');
    assert.equal(joinPath('', 'files'), 'files');
    assert.equal(parentOf('files/week1/data.csv'), 'files/week1');
    assert.equal(parentOf('files'), '');
    assert.equal(baseName('files/week1/data.csv'), 'data.csv');
    assert.equal(baseName(''), '');
  });

  it('knows the area of a path', () => {
    assert.equal(areaOf('files/a'), 'files');
    assert.equal(areaOf('tables/stocks'), 'tables');
    assert.equal(areaOf('applications'), 'applications');
    assert.equal(areaOf(''), null);
    assert.equal(areaOf('other/x'), null);
  });

  it('makes a crumb per folder', () => {
    assert.deepEqual(breadcrumbs('files/week1/data'), [
      { label: 'files', path: 'files' },
      { label: 'week1', path: 'files/week1' },
      { label: 'data', path: 'files/week1/data' },
    ]);
    assert.deepEqual(breadcrumbs(''), []);
  });

  it('encodes each segment in URLs', () => {
    assert.equal(downloadUrl('w1', 'files/a b/r#1.csv'), '/api/workspaces/w1/files/a%20b/r%231.csv');
    assert.equal(downloadUrl('w1', 'files/x', 's9'), '/api/workspaces/w1/files/x?snapshot=s9');
    assert.equal(downloadUrl('w1', 'files/tables/t.csv'), '/api/workspaces/w1/files/tables/t.csv?literal=');
    assert.equal(zipUrl('w1', ''), '/api/workspaces/w1/zip');
    assert.equal(zipUrl('w1', 'files/week1', 's9'), '/api/workspaces/w1/zip/files/week1?snapshot=s9');
    assert.equal(browserHref('w1', 'files/a b', 's9'), '/workspaces/w1?path=files%2Fa+b&snapshot=s9');
    assert.equal(browserHref('w1'), '/workspaces/w1');
  });

  it('explains unusable names', () => {
    assert.equal(nameProblem('report.csv'), null);
    assert.equal(nameProblem(''), 'Enter a name.');
    assert.equal(nameProblem('a/b'), 'A name cannot contain "/".');
    assert.equal(nameProblem('..'), 'A name cannot be "." or "..".');
    assert.equal(nameProblem(' x'), 'A name cannot start or end with a space.');
  });

  it('numbers a name before its extension to keep both', () => {
    assert.equal(numberedName('report.csv', 2), 'report (2).csv');
    assert.equal(numberedName('archive.tar.gz', 3), 'archive.tar (3).gz');
    assert.equal(numberedName('README', 2), 'README (2)');
    assert.equal(numberedName('.env', 2), '.env (2)');
  });
});
