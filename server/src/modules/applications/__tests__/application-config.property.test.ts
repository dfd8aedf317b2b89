import fc from 'fast-check';
import {
  PACKAGE_MANAGERS,
  decodeApplication,
  encodeApplication,
  validateApplication,
  type ApplicationConfig,
} from '../application-config';

const component = fc.stringMatching(/^[a-z0-9]{1,6}(?:[._-][a-z0-9]{1,6}){0,2}$/);
const image = fc
  .record({
    registry: fc.option(fc.constantFrom('ghcr.io', 'registry.example.org', 'localhost:5000'), { nil: undefined }),
    path: fc.array(component, { minLength: 1, maxLength: 3 }),
    tag: fc.option(fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,20}$/), { nil: undefined }),
    digest: fc.option(fc.stringMatching(/^[a-f0-9]{64}$/), { nil: undefined }),
  })
  .map(
    ({ registry, path, tag, digest }) =>
      `${registry ? `${registry}/` : ''}${path.join('/')}${tag ? `:${tag}` : ''}${digest ? `@sha256:${digest}` : ''}`,
  );

const pipKey = (name: string) => name.toLowerCase().replace(/[-_.]+/g, '-');
const packages = fc.uniqueArray(
  fc.record({
    name: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,15}$/),
    version: fc.stringMatching(/^[0-9A-Za-z.+:~!=<>-]{1,12}$/),
    manager: fc.constantFrom(...PACKAGE_MANAGERS),
  }),
  { maxLength: 8, selector: (p) => `${p.manager}/${p.manager === 'pip' ? pipKey(p.name) : p.name}` },
);

const noNul = (s: string) => !s.includes('\0');
const configArb: fc.Arbitrary<ApplicationConfig> = fc.record({
  image,
  packages,
  environment: fc.dictionary(
    fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,12}$/).filter((k) => k !== '__proto__'),
    fc.string({ unit: 'binary', maxLength: 20 }).filter(noNul),
    { maxKeys: 6 },
  ),
  resources: fc.record({
    cpu: fc.integer({ min: 1, max: 256 }).map((quarters) => quarters / 4),
    memoryMiB: fc.integer({ min: 256, max: 262144 }),
    gpu: fc.integer({ min: 0, max: 8 }),
  }),
  startCommand: fc.array(fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }).filter(noNul), { minLength: 1, maxLength: 4 }),
  ports: fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { maxLength: 5 }),
});

/** A deterministic shuffle driven by `seed` (mulberry32), so fast-check can shrink and replay it. */
function shuffler(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
}

/** The same configuration with object keys, packages and ports in another order. */
function reordered(config: ApplicationConfig, seed: number): unknown {
  const shuffle = shuffler(seed);
  const rebuild = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rebuild);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(shuffle(Object.entries(value)).map(([k, v]) => [k, rebuild(v)]));
  };
  const copy = rebuild(config) as ApplicationConfig;
  return { ...copy, packages: shuffle(copy.packages), ports: shuffle(copy.ports) };
}

describe('application configurations (property)', () => {
  it('every generated configuration is valid and round-trips through its encoding', () => {
    fc.assert(
      fc.property(configArb, (config) => {
        const valid = validateApplication(config);
        expect(new Set(valid.packages)).toEqual(new Set(config.packages));
        expect(valid.ports).toEqual([...config.ports].sort((a, b) => a - b));
        const decoded = decodeApplication(encodeApplication(config));
        expect(decoded).toEqual(valid);
        expect(validateApplication(decoded)).toEqual(decoded);
      }),
      { numRuns: 300 },
    );
  });

  it('the encoding does not depend on key, package or port order', () => {
    fc.assert(
      fc.property(configArb, fc.integer(), (config, seed) => {
        const other = reordered(config, seed) as ApplicationConfig;
        expect(encodeApplication(other).equals(encodeApplication(config))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a different value gives a different encoding', () => {
    fc.assert(
      fc.property(configArb, fc.integer({ min: 256, max: 262144 }), (config, memoryMiB) => {
        fc.pre(memoryMiB !== config.resources.memoryMiB);
        const changed = { ...config, resources: { ...config.resources, memoryMiB } };
        expect(encodeApplication(changed).equals(encodeApplication(config))).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});
