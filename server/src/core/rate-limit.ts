import type Redis from 'ioredis';
import { connectRedis } from './redis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { logger } from './logger';

export { RateLimiterRes, type RateLimiterAbstract };

export interface LimiterOptions {
  /** Names the counters (and their Redis keys). */
  keyPrefix: string;
  /** What may be used up per window. */
  points: number;
  /** The window, in seconds. */
  duration: number;
}

/**
 * Makes rate limiters that count in memory, or in Redis when REDIS_URL is
 * set so every API process shares the counters; while Redis cannot be
 * reached each process counts in memory instead of failing requests.
 */
export class LimiterStore {
  private readonly redis: Redis | null;

  constructor(redisUrl: string | null) {
    if (!redisUrl) {
      this.redis = null;
      return;
    }
    // Commands wait while the client connects (at start) and fail after one reconnection attempt in an outage.
    this.redis = connectRedis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: false });
    this.redis.on('error', (err: Error) => logger.warn({ err }, 'rate limits: Redis unreachable, counting in memory'));
  }

  limiter(options: LimiterOptions): RateLimiterAbstract {
    if (!this.redis) return new RateLimiterMemory(options);
    return new RateLimiterRedis({ ...options, storeClient: this.redis, insuranceLimiter: new RateLimiterMemory(options) });
  }

  close(): void {
    this.redis?.disconnect();
  }
}

/** Consumes `points`; a refusal (nothing left) is returned like a success, with no points remaining. */
export async function consumePoints(limiter: RateLimiterAbstract, key: string, points = 1): Promise<RateLimiterRes> {
  return limiter.consume(key, points).catch((rejection: unknown) => {
    if (rejection instanceof RateLimiterRes) return rejection;
    throw rejection;
  });
}
