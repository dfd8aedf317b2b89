import 'reflect-metadata';
import { loadConfig, type AppConfig } from '../config';
import { openDatabase } from '../db/database';
import { entities } from '../entities';
import { LtiKeysService, RETIRED_KEY_PUBLISHED_MS } from '../modules/lti/lti-keys.service';

/**
 * `npm run lti:rotate-keys`: a new signing key for LTI; the previous ones stay
 * in the published key set for a while (what they signed may still be
 * checked), and keys retired longer ago than that are removed.
 */
export async function rotateLtiKeys(config: AppConfig, out: (line: string) => void = console.log): Promise<number> {
  const db = await openDatabase(config, entities);
  try {
    const report = await new LtiKeysService(db, config.ltiKeySecret).rotate();
    out(`lti: new signing key ${report.created}`);
    const hours = Math.round(RETIRED_KEY_PUBLISHED_MS / 3_600_000);
    for (const kid of report.retired) out(`lti: retired ${kid} (still published for ${hours} hours)`);
    for (const kid of report.removed) out(`lti: removed ${kid} from the key set`);
    return 0;
  } finally {
    await db.close();
  }
}

if (require.main === module) {
  rotateLtiKeys(loadConfig()).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(2);
    },
  );
}
