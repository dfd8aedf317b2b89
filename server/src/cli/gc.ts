import 'reflect-metadata';
import { hostname } from 'node:os';
import { loadConfig, type AppConfig } from '../config';
import { openBlobStore } from '../core/storage/open-blob-store';
import { openDatabase } from '../db/database';
import { entities } from '../entities';
import { GarbageCollector } from '../modules/storage/garbage-collector';
import { DbTreeStore } from '../modules/workspaces/db-tree-store';

/**
 * `npm run gc`: one mark-and-sweep now (the worker also runs it every
 * GC_INTERVAL_MS). Content younger than GC_GRACE_MS stays. Exit code 0 when it
 * ran, 3 when another collector holds the lease.
 */
export async function runGc(config: AppConfig, out: (line: string) => void = console.log): Promise<number> {
  const db = await openDatabase(config, entities);
  const blobs = openBlobStore(config.blobStore);
  try {
    const gc = new GarbageCollector(db, new DbTreeStore(db), blobs, {
      graceMs: config.gcGraceMs,
      intervalMs: 0,
      historyRetentionDays: config.historyRetentionDays,
      holder: `gc command on ${hostname()}:${process.pid}`,
    });
    const report = await gc.collect();
    if (!report.ran) {
      out(`gc: not run: ${report.reason}`);
      return 3;
    }
    out(`gc: ${report.roots} roots hold ${report.treesMarked} trees and ${report.blobsMarked} blobs`);
    out(`gc: swept ${report.treesSwept} trees and ${report.blobsSwept} blobs (${report.bytesFreed} bytes) unreferenced since before ${report.cutoff.toISOString()}`);
    return 0;
  } finally {
    await blobs.close();
    await db.close();
  }
}

if (require.main === module) {
  runGc(loadConfig()).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(2);
    },
  );
}
