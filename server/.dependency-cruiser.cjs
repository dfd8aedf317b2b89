/**
 * The server's layers, checked by `npm run check`:
 *
 *   composition root (main.ts, app.ts, schema.ts, services.ts, entities.ts,
 *   http/, cli/, seed/, bench/)
 *     → feature modules (modules/*, in the order below)
 *       → core/ (access policy, storage engine, GraphQL plumbing) → db/ → config.ts
 *
 * Imports point down only, no file imports itself through others, and the
 * feature modules form a stack: a module imports only modules below it.
 */
const MODULES_BOTTOM_UP = [
  'mail',
  'users',
  'workspaces',
  'spaces',
  'sso',
  'audit',
  'notifications',
  'webhooks',
  'stage',
  'tables',
  'applications',
  'distributions',
  'onboarding',
  'assignments',
  'storage',
  'lti',
];
const ROOT = '^src/(main|app|schema|services|entities)\\.ts$|^src/(http|cli|seed|bench)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Files that import each other in a loop.', from: {}, to: { circular: true } },
    {
      name: 'platform-imports-no-feature',
      severity: 'error',
      comment: 'core/, db/ and config.ts never import a feature module or the composition root.',
      from: { path: '^src/(core|db)/|^src/config\\.ts$' },
      to: { path: `^src/modules/|${ROOT}` },
    },
    {
      name: 'modules-import-no-root',
      severity: 'error',
      comment: 'Feature modules never import the composition root (HTTP, wiring, commands, seed, benchmarks).',
      from: { path: '^src/modules/' },
      to: { path: ROOT },
    },
    ...MODULES_BOTTOM_UP.map((name, i) => ({
      name: `module-order-${name}`,
      severity: 'error',
      comment: `modules/${name} imports only modules below it: ${MODULES_BOTTOM_UP.slice(0, i).join(', ') || 'none'}.`,
      from: { path: `^src/modules/${name}/` },
      to: { path: `^src/modules/(${MODULES_BOTTOM_UP.slice(i + 1).join('|') || '$^'})/` },
    })),
    {
      name: 'modules-listed',
      severity: 'error',
      comment: 'Every feature module has its place in MODULES_BOTTOM_UP (.dependency-cruiser.cjs).',
      from: { path: '^src/' },
      to: { path: '^src/modules/', pathNot: `^src/modules/(${MODULES_BOTTOM_UP.join('|')})/` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^src/',
    exclude: { path: '(__tests__/|\\.test\\.ts$)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
