import 'reflect-metadata';
import { runMain, withDatabase } from './run-main';
import type { AppConfig } from '../config';
import { createAccess } from '../modules/spaces/access';
import { describeBytes } from '../core/util/bytes';
import { AuditService } from '../modules/audit/audit.service';
import { StorageUseService } from '../modules/storage/storage-use.service';
import { DbTreeStore } from '../modules/workspaces/db-tree-store';
import { rawIdOf } from '../core/graphql/global-id';

const UNITS: Record<string, number> = { '': 1, B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 };

/** "1073741824", "1 GB", "500MB" (powers of 1,024), or "none". */
export function parseQuota(text: string): number | null {
  if (/^none$/i.test(text.trim())) return null;
  const match = /^(\d+(?:\.\d+)?)\s*([KMGT]?B?)$/i.exec(text.trim());
  if (!match) throw new Error(`'${text}' is not a size: write bytes, a size such as '2 GB' or '500MB', or 'none'`);
  return Math.round(Number(match[1]) * UNITS[match[2].toUpperCase()]);
}

/**
 * `npm run quota -- <space id> <size|none>`: sets or clears a space's quota,
 * for an operator (the space's admins can also use `setSpaceQuota`). A push
 * or upload that would take the space's current states beyond it is refused.
 */
export async function runQuota(config: AppConfig, args: readonly string[], out: (line: string) => void = console.log): Promise<number> {
  if (args.length !== 2) {
    out('usage: npm run quota -- <space id> <size|none>   e.g. 2GB, 500MB, 1073741824, none');
    return 2;
  }
  const quota = parseQuota(args[1]);
  return withDatabase(config, out, async (db) => {
    const storage = new StorageUseService(db, createAccess(db), new DbTreeStore(db), new AuditService(db), config.historyRetentionDays);
    // The id as the API answers it (a global id) or as the database holds it.
    const space = await storage.setQuota(rawIdOf(args[0], ['Space']), quota);
    out(quota === null ? `space '${space.name}' has no quota now` : `space '${space.name}' may now hold ${describeBytes(quota)} (${quota} bytes)`);
    return 0;
  });
}

if (require.main === module) runMain(runQuota);
