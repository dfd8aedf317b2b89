import 'reflect-metadata';
import { loadConfig, type AppConfig } from '../config';
import { openBlobStore } from '../core/storage/open-blob-store';
import { openDatabase } from '../db/database';
import { entities } from '../entities';
import { fsck } from '../modules/storage/fsck';

/**
 * `npm run fsck`: checks every blob's hash and that everything the heads,
 * snapshots, hand-ins, feedback, bundles, pushes and deliveries reference is
 * present. Prints a report; the exit code is 0 for a sound store, 1 when
 * anything is damaged or missing.
 */
export async function runFsck(config: AppConfig, out: (line: string) => void = console.log): Promise<number> {
  const db = await openDatabase(config, entities);
  const blobs = openBlobStore(config.blobStore);
  try {
    const report = await fsck(db, blobs, (line) => out(`fsck: ${line}`), config.historyRetentionDays);
    out(`fsck: ${report.blobsChecked} blobs hashed (${report.bytesChecked} bytes); ${report.roots} roots reach ${report.treesReached} trees and ${report.blobsReferenced} blobs`);
    for (const problem of report.problems) out(`fsck: PROBLEM ${problem}`);
    out(report.problems.length === 0 ? 'fsck: no problems found' : `fsck: ${report.problems.length} problem(s) found`);
    return report.problems.length === 0 ? 0 : 1;
  } finally {
    await blobs.close();
    await db.close();
  }
}

if (require.main === module) {
  runFsck(loadConfig()).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(2);
    },
  );
}
