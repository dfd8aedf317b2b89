import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPubSub } from '@graphql-yoga/subscription';
import { createSchema } from '../schema';

/**
 * Writes schema.graphql from the resolvers, or with --check exits 1 when the
 * committed file differs from what the code generates.
 */
async function main(): Promise<void> {
  const target = path.resolve(__dirname, '../../../../../schema.graphql');
  const check = process.argv.includes('--check');
  const out = check ? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'schema-')), 'schema.graphql') : target;
  await createSchema(createPubSub(), { emit: out });
  if (!check) {
    console.log(`wrote ${target}`);
    return;
  }
  const fresh = fs.readFileSync(out, 'utf8');
  const committed = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (fresh !== committed) {
    console.error('schema.graphql is stale: run `npm run schema --workspace server` and commit it');
    process.exit(1);
  }
  console.log('schema.graphql is current');
}

void main();
