import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configToForm, controlIdFor, formToConfig, issuesByControl, readIssues } from '../application-form';

const config = {
  image: 'quay.io/jupyter/scipy-notebook:2024-05-27',
  packages: [{ name: 'pandas', version: '2.2.2', manager: 'pip' }],
  environment: { PYTHONUNBUFFERED: '1' },
  resources: { cpu: 1, memoryMiB: 2048, gpu: 0 },
  startCommand: ['start-notebook.py', '--NotebookApp.token='],
  ports: [8888],
};

describe('application form', () => {
  it('round-trips a configuration', () => {
    assert.deepEqual(formToConfig(configToForm(config)), config);
  });

  it('drops blank rows and lines, and parses numbers', () => {
    const form = configToForm(config);
    form.packages.push({ name: '', version: '', manager: 'pip' });
    form.environment.push({ name: ' ', value: 'x' });
    form.startCommand = '\nstart.sh\n\n';
    form.ports = '8888, 9000 ';
    form.cpu = ' 0.5 ';
    const out = formToConfig(form);
    assert.equal((out.packages as unknown[]).length, 1);
    assert.deepEqual(out.environment, { PYTHONUNBUFFERED: '1' });
    assert.deepEqual(out.startCommand, ['start.sh']);
    assert.deepEqual(out.ports, [8888, 9000]);
    assert.deepEqual(out.resources, { cpu: 0.5, memoryMiB: 2048, gpu: 0 });
  });

  it('sends text that is not a number as text, for the server to name', () => {
    const form = configToForm(config);
    form.memoryMiB = 'lots';
    assert.equal((formToConfig(form).resources as Record<string, unknown>).memoryMiB, 'lots');
  });

  it('fills defaults for a sparse configuration', () => {
    const form = configToForm({ image: 'x' });
    assert.deepEqual(form.packages, []);
    assert.equal(form.gpu, '0');
    assert.equal(form.startCommand, '');
  });
});

describe('field paths to controls', () => {
  it('maps server field paths onto inputs', () => {
    assert.equal(controlIdFor('image'), 'app-image');
    assert.equal(controlIdFor('resources.memoryMiB'), 'app-memoryMiB');
    assert.equal(controlIdFor('packages[1].version'), 'app-packages-1-version');
    assert.equal(controlIdFor('packages[0]'), 'app-packages-0-name');
    assert.equal(controlIdFor('environment.MY_VAR'), 'app-env-MY_VAR');
    assert.equal(controlIdFor('startCommand[0]'), 'app-startCommand');
    assert.equal(controlIdFor('ports[2]'), 'app-ports');
    assert.equal(controlIdFor('colour'), 'app-colour');
    assert.equal(controlIdFor(''), 'app-image');
  });

  it('reads issues from extensions and groups them by control', () => {
    const issues = readIssues(
      [
        { field: 'resources.memoryMiB', message: 'must be at least 256' },
        { field: 'ports[0]', message: 'must be at most 65535' },
        { field: 'ports[1]', message: 'duplicates' },
      ],
      'resources.memoryMiB',
      'x',
    );
    const grouped = issuesByControl(issues);
    assert.equal(grouped.get('app-memoryMiB')?.[0].message, 'must be at least 256');
    assert.equal(grouped.get('app-ports')?.length, 2);
    assert.deepEqual(readIssues(undefined, 'image', 'is required'), [{ field: 'image', message: 'is required' }]);
    assert.deepEqual(readIssues(undefined, undefined, 'x'), []);
  });
});
