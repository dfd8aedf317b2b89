/**
 * Three projects: unit tests beside the code, and the integration suite in
 * test/ run once on SQLite and once on MariaDB/MySQL. Entity column types are
 * fixed at import per dialect, hence a project (module registry) per dialect.
 */
/** Packages published as ES modules only that the server imports. */
const ESM_ONLY = ['openid-client', 'oauth4webapi', 'jose'];

const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    },
  ],
  // openid-client and its dependencies ship as ES modules only. The built server loads them with a
  // real dynamic import (server/src/modules/sso/openid-client.ts); Jest's module registry needs them
  // compiled to CommonJS instead.
  [`/node_modules/(${ESM_ONLY.join('|')})/.+\\.js$`]: ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
};
// Every project fails a test during which a promise rejection went unhandled.
const base = {
  testEnvironment: 'node',
  transform,
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  setupFiles: ['reflect-metadata'],
  setupFilesAfterEnv: ['<rootDir>/test/support/no-unhandled-rejections.ts'],
};

/** @type {import('jest').Config} */
module.exports = {
  globalSetup: '<rootDir>/test/global-setup.ts',
  testTimeout: 60000,
  maxWorkers: 2,
  projects: [
    { ...base, displayName: 'unit', roots: ['<rootDir>/src'], testMatch: ['**/*.test.ts'] },
    {
      ...base,
      displayName: 'sqlite',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      // Fan-out across processes needs a shared MySQL-compatible database; the multi-host test runs once, in the mysql project.
      testPathIgnorePatterns: ['/fan-out\\.test\\.ts$', '/multi-host\\.test\\.ts$'],
      setupFiles: ['reflect-metadata', '<rootDir>/test/support/dialect-sqlite.ts'],
    },
    {
      ...base,
      displayName: 'mysql',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      setupFiles: ['reflect-metadata', '<rootDir>/test/support/dialect-mysql.ts'],
    },
  ],
};
