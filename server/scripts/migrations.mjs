#!/usr/bin/env node
// Generates a migration from the difference between the entities and the
// migrated schema, per dialect, or checks that there is none.
//   node scripts/migrations.mjs generate PascalName   (writes migrations/<dialect>/<ts>-PascalName.ts)
//   node scripts/migrations.mjs check                 (exit 1 when the entities drift from the migrations)
// Needs a build (dist/) and, for MySQL, TEST_MYSQL_URL or MariaDB at 127.0.0.1:3306.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const require = createRequire(import.meta.url);
const [command, name] = process.argv.slice(2);
const mysqlUrl = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';

if (process.env.MIGRATIONS_CHILD) {
  await child(process.env.MIGRATIONS_CHILD);
} else {
  if (!['generate', 'check'].includes(command) || (command === 'generate' && !/^[A-Z][A-Za-z0-9]+$/.test(name ?? ''))) {
    console.error('usage: migrations.mjs generate PascalName | check');
    process.exit(2);
  }
  let failed = false;
  for (const dialect of ['sqlite', 'mysql']) {
    const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), command, name ?? ''], {
      stdio: 'inherit',
      env: { ...process.env, MIGRATIONS_CHILD: dialect, STAGECOACH_DIALECT: dialect },
    });
    if (result.status !== 0) failed = true;
  }
  process.exit(failed ? 1 : 0);
}

async function child(dialect) {
  require('reflect-metadata');
  const { createDataSource } = require(path.join(here, '../dist/server/src/db/database.js'));
  const { entities } = require(path.join(here, '../dist/server/src/entities.js'));
  let databaseUrl = null;
  let cleanup = async () => {};
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecoach-migrations-'));
  if (dialect === 'mysql') {
    const mysql = require('mysql2/promise');
    const dbName = `stagecoach_gen_${process.pid}`;
    let admin;
    try {
      admin = await mysql.createConnection({ uri: mysqlUrl });
    } catch (error) {
      const message = `MySQL drift check needs MariaDB at ${mysqlUrl}: ${error.message}`;
      if (process.env.CI === 'true') throw new Error(message);
      console.log(`${message}; skipped.`);
      return;
    }
    await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
    const url = new URL(mysqlUrl);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
    cleanup = async () => {
      await admin.query(`DROP DATABASE \`${dbName}\``);
      await admin.end();
    };
  }
  const dataSource = await createDataSource({ dialect, databaseUrl, dataDir }, entities);
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    const sql = await dataSource.driver.createSchemaBuilder().log();
    const up = sql.upQueries.map((q) => q.query);
    const down = sql.downQueries.map((q) => q.query).reverse();
    if (command === 'check') {
      if (up.length) {
        console.error(`${dialect}: the entities differ from the migrations; run 'npm run migration:generate -- Name'. Pending:\n  ${up.join(';\n  ')}`);
        process.exitCode = 1;
      } else {
        console.log(`${dialect}: migrations match the entities`);
      }
      return;
    }
    if (!up.length) {
      console.log(`${dialect}: nothing to generate`);
      return;
    }
    const stamp = Date.now();
    const className = `${name}${stamp}`;
    const q = (s) => '`' + s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
    const file = path.join(root, 'migrations', dialect, `${stamp}-${name}.ts`);
    fs.writeFileSync(
      file,
      `import { MigrationInterface, QueryRunner } from 'typeorm';\n\n` +
        `export class ${className} implements MigrationInterface {\n` +
        `  name = '${className}';\n\n` +
        `  async up(queryRunner: QueryRunner): Promise<void> {\n${up.map((s) => `    await queryRunner.query(${q(s)});\n`).join('')}  }\n\n` +
        `  async down(queryRunner: QueryRunner): Promise<void> {\n${down.map((s) => `    await queryRunner.query(${q(s)});\n`).join('')}  }\n}\n`,
    );
    const index = path.join(root, 'migrations', dialect, 'index.ts');
    const files = fs.readdirSync(path.dirname(file)).filter((f) => /^\d+-\w+\.ts$/.test(f)).sort();
    const exportName = `${dialect}Migrations`;
    const imports = files.map((f) => {
      const [ts, pascal] = f.replace(/\.ts$/, '').split('-');
      return { f, cls: `${pascal}${ts}` };
    });
    fs.writeFileSync(
      index,
      imports.map(({ f, cls }) => `import { ${cls} } from './${f.replace(/\.ts$/, '')}';\n`).join('') +
        `\n/** Applied in this order; each file is reviewed code. */\n// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type\nexport const ${exportName}: Function[] = [${imports.map((i) => i.cls).join(', ')}];\n`,
    );
    console.log(`${dialect}: wrote ${path.relative(root, file)}`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await cleanup();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
