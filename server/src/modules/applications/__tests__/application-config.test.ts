import {
  decodeApplication,
  encodeApplication,
  validateApplication,
  type ApplicationConfig,
} from '../application-config';
import { domainErrorOf } from './domain-error';

const minimal = () => ({
  image: 'jupyter/scipy-notebook:2024-05-01',
  resources: { cpu: 2, memoryMiB: 4096 },
  startCommand: ['start-notebook.sh'],
});

/** `minimal()` with `patch` applied; `undefined` in the patch removes a field. */
const withFields = (patch: Record<string, unknown>): unknown =>
  Object.fromEntries(Object.entries({ ...minimal(), ...patch }).filter(([, v]) => v !== undefined));

const messageOf = (input: unknown) => domainErrorOf(() => validateApplication(input)).message;

describe('validateApplication', () => {
  it('fills in the defaults', () => {
    expect(validateApplication(minimal())).toEqual({
      image: 'jupyter/scipy-notebook:2024-05-01',
      packages: [],
      environment: {},
      resources: { cpu: 2, memoryMiB: 4096, gpu: 0 },
      startCommand: ['start-notebook.sh'],
      ports: [],
    });
  });

  it('does not share default lists between results', () => {
    const first = validateApplication(minimal());
    first.packages.push({ name: 'x', version: '1', manager: 'pip' });
    expect(validateApplication(minimal()).packages).toEqual([]);
  });

  it('sorts packages by manager then name, and ports ascending; keeps the command order', () => {
    const config = validateApplication(
      withFields({
        packages: [
          { name: 'pandas', version: '2.2.2', manager: 'pip' },
          { name: 'ggplot2', version: '3.5.1', manager: 'cran' },
          { name: 'numpy', version: '1.26.4', manager: 'pip' },
          { name: 'git', version: '1:2.43.0-1', manager: 'apt' },
        ],
        ports: [8888, 22, 8080],
        startCommand: ['jupyter', 'lab', '--no-browser'],
      }),
    );
    expect(config.packages.map((p) => `${p.manager}:${p.name}`)).toEqual(['apt:git', 'cran:ggplot2', 'pip:numpy', 'pip:pandas']);
    expect(config.ports).toEqual([22, 8080, 8888]);
    expect(config.startCommand).toEqual(['jupyter', 'lab', '--no-browser']);
  });

  it('refuses a non-object', () => {
    expect(messageOf(null)).toBe('the configuration must be an object, not null');
    expect(messageOf([])).toBe('the configuration must be an object, not a list');
  });

  describe('image', () => {
    it.each([
      'jupyter/scipy-notebook:2024-05-01',
      'ubuntu',
      'registry.example.org/team/rstudio@sha256:' + 'a'.repeat(64),
      'localhost:5000/lab/env:v1.2',
      'ghcr.io/org/sub/image_name:latest@sha256:' + '0123456789abcdef'.repeat(4),
    ])('accepts %s', (image) => {
      expect(validateApplication(withFields({ image })).image).toBe(image);
    });

    it.each([
      ['Jupyter/Notebook:1', 'upper case in the path'],
      ['jupyter/notebook:', 'an empty tag'],
      ['jupyter/notebook@sha256:abc', 'a short digest'],
      ['jupyter notebook', 'a space'],
      ['-image', 'a leading dash'],
      ['a'.repeat(256), 'a name longer than 255'],
    ])('refuses %j (%s), naming the field', (image) => {
      expect(messageOf(withFields({ image }))).toMatch(/^image: is not a valid image reference \(e\.g\. /);
    });

    it('is required', () => {
      expect(messageOf(withFields({ image: undefined }))).toBe('image: is required');
      expect(messageOf(withFields({ image: '' }))).toBe('image: is required');
      expect(messageOf(withFields({ image: 7 }))).toBe('image: must be a string, not a number');
    });
  });

  describe('packages', () => {
    const pkgs = (...list: unknown[]) => withFields({ packages: list });

    it('names the index and field of a missing version', () => {
      const error = domainErrorOf(() =>
        validateApplication(
          pkgs(
            { name: 'numpy', version: '1.26.4', manager: 'pip' },
            { name: 'pandas', version: '2.2.2', manager: 'pip' },
            { name: 'scipy', manager: 'pip' },
          ),
        ),
      );
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.message).toBe('packages[2].version: is required');
      expect(error.details).toEqual({
        field: 'packages[2].version',
        issues: [{ field: 'packages[2].version', message: 'is required' }],
      });
    });

    it('refuses versions and names with whitespace, and empty ones', () => {
      expect(messageOf(pkgs({ name: 'numpy', version: '1.26 .4', manager: 'pip' }))).toBe(
        'packages[0].version: must be a version without spaces',
      );
      expect(messageOf(pkgs({ name: 'numpy', version: '', manager: 'pip' }))).toBe('packages[0].version: is required');
      expect(messageOf(pkgs({ name: 'sci py', version: '1', manager: 'pip' }))).toBe(
        'packages[0].name: must be a package name without spaces',
      );
    });

    it('refuses an unknown manager, listing the known ones', () => {
      expect(messageOf(pkgs({ name: 'lodash', version: '4.17.21', manager: 'yarn' }))).toBe(
        'packages[0].manager: must be one of pip, conda, cran, apt, npm',
      );
    });

    it('refuses a duplicate package, naming it', () => {
      const error = domainErrorOf(() =>
        validateApplication(
          pkgs(
            { name: 'numpy', version: '1.26.4', manager: 'pip' },
            { name: 'numpy', version: '1.26.4', manager: 'conda' },
            { name: 'numpy', version: '2.0.0', manager: 'pip' },
          ),
        ),
      );
      expect(error.message).toBe("packages[2]: duplicates pip package 'numpy' (packages[0])");
      expect(error.details?.field).toBe('packages[2]');
    });

    it('treats pip names that differ only in case or -_. as duplicates', () => {
      expect(
        messageOf(pkgs({ name: 'Scikit_Learn', version: '1', manager: 'pip' }, { name: 'scikit-learn', version: '1', manager: 'pip' })),
      ).toBe("packages[1]: duplicates pip package 'scikit-learn' (packages[0])");
      expect(
        validateApplication(pkgs({ name: 'Matrix', version: '1', manager: 'cran' }, { name: 'matrix', version: '1', manager: 'cran' }))
          .packages,
      ).toHaveLength(2);
    });

    it('refuses unknown fields in a package, listing the known ones', () => {
      expect(messageOf(pkgs({ name: 'numpy', version: '1', manager: 'pip', channel: 'x' }))).toBe(
        'packages[0].channel: is not a known field (known fields: name, version, manager)',
      );
    });
  });

  describe('environment', () => {
    it('accepts variable names', () => {
      const environment = { PYTHONPATH: '/work/src', _x1: '', LANG: 'C.UTF-8' };
      expect(validateApplication(withFields({ environment })).environment).toEqual(environment);
    });

    it('refuses an invalid name, naming it', () => {
      expect(messageOf(withFields({ environment: { 'MY-VAR': 'x' } }))).toBe(
        'environment["MY-VAR"]: is not a valid variable name (letters, digits and _, not starting with a digit)',
      );
      expect(messageOf(withFields({ environment: { '1X': 'x' } }))).toMatch(/^environment\["1X"\]: is not a valid variable name/);
    });

    it('refuses __proto__ rather than dropping it', () => {
      expect(messageOf(withFields({ environment: JSON.parse('{"__proto__":"x","A":"1"}') }))).toBe(
        'environment.__proto__: is a reserved name and cannot be a variable',
      );
    });

    it('refuses non-string values and NUL characters', () => {
      expect(messageOf(withFields({ environment: { PORT: 8080 } }))).toBe('environment.PORT: must be a string, not a number');
      expect(messageOf(withFields({ environment: { A: 'x\0y' } }))).toBe('environment.A: must not contain a NUL character');
    });
  });

  describe('resources', () => {
    const res = (resources: Record<string, unknown>) => withFields({ resources: { cpu: 2, memoryMiB: 4096, ...resources } });

    it.each([
      [{ cpu: 0.1 }, 'resources.cpu: must be at least 0.25'],
      [{ cpu: 64.25 }, 'resources.cpu: must be at most 64'],
      [{ cpu: 1.3 }, 'resources.cpu: must be a multiple of 0.25'],
      [{ cpu: '2' }, 'resources.cpu: must be a number, not a string'],
      [{ memoryMiB: 255 }, 'resources.memoryMiB: must be at least 256'],
      [{ memoryMiB: 262145 }, 'resources.memoryMiB: must be at most 262144'],
      [{ memoryMiB: 512.5 }, 'resources.memoryMiB: must be a whole number of MiB'],
      [{ memoryMiB: undefined }, 'resources.memoryMiB: is required'],
      [{ gpu: 9 }, 'resources.gpu: must be at most 8'],
      [{ gpu: -1 }, 'resources.gpu: must be at least 0'],
      [{ gpu: 0.5 }, 'resources.gpu: must be a whole number'],
      [{ memoryMb: 512 }, 'resources.memoryMb: is not a known field (known fields: cpu, memoryMiB, gpu)'],
    ])('%j: %s', (patch, message) => {
      expect(messageOf(res(patch))).toBe(message);
    });

    it('accepts the bounds', () => {
      expect(validateApplication(res({ cpu: 0.25, memoryMiB: 256, gpu: 8 })).resources).toEqual({ cpu: 0.25, memoryMiB: 256, gpu: 8 });
      expect(validateApplication(res({ cpu: 64, memoryMiB: 262144 })).resources).toEqual({ cpu: 64, memoryMiB: 262144, gpu: 0 });
    });

    it('is required', () => {
      expect(messageOf(withFields({ resources: undefined }))).toBe('resources: is required');
    });
  });

  describe('startCommand', () => {
    it('must name a program', () => {
      expect(messageOf(withFields({ startCommand: [] }))).toBe('startCommand: must name the program to run');
      expect(messageOf(withFields({ startCommand: undefined }))).toBe('startCommand: is required');
      expect(messageOf(withFields({ startCommand: 'jupyter lab' }))).toBe('startCommand: must be a list, not a string');
    });

    it('refuses an empty argument, naming its index', () => {
      expect(messageOf(withFields({ startCommand: ['jupyter', ''] }))).toBe('startCommand[1]: must not be empty');
    });
  });

  describe('ports', () => {
    it.each([
      [[0], 'ports[0]: must be at least 1'],
      [[80, 65536], 'ports[1]: must be at most 65535'],
      [[80.5], 'ports[0]: must be a whole number'],
      [[8888, 8080, 8888], 'ports[2]: duplicates port 8888 (ports[0])'],
    ])('%j: %s', (ports, message) => {
      expect(messageOf(withFields({ ports }))).toBe(message);
    });
  });

  it('refuses unknown top-level fields, naming each', () => {
    const error = domainErrorOf(() => validateApplication(withFields({ cmd: 'x', memory: 1 })));
    expect(error.message).toMatch(/^cmd: is not a known field \(known fields: image, packages, environment, resources, startCommand, ports\); memory: is not a known field/);
    expect((error.details?.issues as unknown[]).length).toBe(2);
  });

  it('reports every problem at once, the first one as details.field', () => {
    const error = domainErrorOf(() =>
      validateApplication({ image: 'x y', resources: { cpu: 0, memoryMiB: 100 }, startCommand: [] }),
    );
    expect(error.message).toBe(
      'image: is not a valid image reference ' +
        "(e.g. 'jupyter/scipy-notebook:2024-05-01' or 'registry.example.org/team/rstudio@sha256:<64 hex digits>'); " +
        'resources.cpu: must be at least 0.25; resources.memoryMiB: must be at least 256; startCommand: must name the program to run',
    );
    expect(error.details).toMatchObject({ field: 'image' });
    expect((error.details?.issues as { field: string }[]).map((i) => i.field)).toEqual([
      'image',
      'resources.cpu',
      'resources.memoryMiB',
      'startCommand',
    ]);
  });
});

describe('encodeApplication / decodeApplication', () => {
  const config: ApplicationConfig = {
    startCommand: ['R', '--vanilla'],
    resources: { memoryMiB: 2048, gpu: 0, cpu: 1.5 },
    ports: [8787],
    packages: [
      { version: '3.5.1', name: 'ggplot2', manager: 'cran' },
      { manager: 'apt', name: 'libxml2-dev', version: '2.9.14' },
    ],
    image: 'rocker/rstudio:4.4.1',
    environment: { TZ: 'UTC', LANG: 'en_US.UTF-8' },
  };

  it('writes canonical JSON: keys sorted at every depth, packages by manager then name', () => {
    expect(encodeApplication(config).toString('utf8')).toBe(
      '{"environment":{"LANG":"en_US.UTF-8","TZ":"UTC"},"image":"rocker/rstudio:4.4.1",' +
        '"packages":[{"manager":"apt","name":"libxml2-dev","version":"2.9.14"},{"manager":"cran","name":"ggplot2","version":"3.5.1"}],' +
        '"ports":[8787],"resources":{"cpu":1.5,"gpu":0,"memoryMiB":2048},"startCommand":["R","--vanilla"]}',
    );
  });

  it('round-trips to the validated configuration', () => {
    expect(decodeApplication(encodeApplication(config))).toEqual(validateApplication(config));
  });

  it('refuses to encode an invalid configuration', () => {
    const invalid = { ...config, resources: { ...config.resources, memoryMiB: 1 } };
    expect(domainErrorOf(() => encodeApplication(invalid)).message).toBe('resources.memoryMiB: must be at least 256');
  });

  it('refuses bytes that are not JSON, or not a valid configuration', () => {
    expect(domainErrorOf(() => decodeApplication(Buffer.from('{"image":'))).message).toBe(
      'the application object is corrupt: it is not UTF-8 JSON',
    );
    expect(domainErrorOf(() => decodeApplication(Buffer.from('{}'))).message).toMatch(/^image: is required; resources: is required/);
  });
});
