import type Redis from 'ioredis';
import type { RedisOptions } from 'ioredis';

/**
 * A Redis client for `url`. ioredis is loaded on the first call, so a process
 * without REDIS_URL (the embedded default) never spends its start-up on it.
 */
export function connectRedis(url: string, options: RedisOptions): Redis {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Redis: Client } = require('ioredis') as typeof import('ioredis');
  return new Client(url, options);
}
