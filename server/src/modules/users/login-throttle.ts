import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { rateLimited } from '../../core/errors';
import { logger } from '../../core/logger';

/** Wrong passwords in a row for one account (from anywhere) before it is locked for a while. */
export const ACCOUNT_FAILURES = 10;
/** Wrong passwords from one address (for any accounts) per window before the address is locked. */
export const ADDRESS_FAILURES = 100;
const WINDOW_SECONDS = 15 * 60;
const LOCK_SECONDS = 15 * 60;

/**
 * Throttles password guessing per account and per client address. Counters
 * live in memory, or in Redis when REDIS_URL is set so every API process
 * shares them; while Redis cannot be reached each process counts in memory.
 * Only failures count, and a successful login clears its account's counter.
 */
export class LoginThrottle {
  private readonly byAccount: RateLimiterAbstract;
  private readonly byAddress: RateLimiterAbstract;
  private readonly redis: Redis | null;

  constructor(redisUrl: string | null) {
    const account = { keyPrefix: 'login_fail_account', points: ACCOUNT_FAILURES, duration: WINDOW_SECONDS };
    const address = { keyPrefix: 'login_fail_address', points: ADDRESS_FAILURES, duration: WINDOW_SECONDS };
    if (!redisUrl) {
      this.redis = null;
      this.byAccount = new RateLimiterMemory(account);
      this.byAddress = new RateLimiterMemory(address);
      return;
    }
    // Commands wait while the client connects (at start) and fail after one reconnection attempt in an outage.
    this.redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: false });
    this.redis.on('error', (err: Error) => logger.warn({ err }, 'login throttle: Redis unreachable, counting in memory'));
    this.byAccount = new RateLimiterRedis({ ...account, storeClient: this.redis, insuranceLimiter: new RateLimiterMemory(account) });
    this.byAddress = new RateLimiterRedis({ ...address, storeClient: this.redis, insuranceLimiter: new RateLimiterMemory(address) });
  }

  /** Refuses with RATE_LIMITED (and the seconds to wait) while the account or the address is locked. */
  async check(email: string, address: string | null): Promise<void> {
    const [account, from] = await Promise.all([this.byAccount.get(email), address ? this.byAddress.get(address) : null]);
    const waits = [account, from]
      .filter((res): res is RateLimiterRes => res !== null && res.remainingPoints <= 0 && res.msBeforeNext > 0)
      .map((res) => res.msBeforeNext);
    if (waits.length === 0) return;
    const retryAfter = Math.ceil(Math.max(...waits) / 1000);
    logger.warn({ event: 'login_throttled', email, address, retryAfter }, 'login refused: too many wrong passwords');
    throw rateLimited(`too many wrong passwords; try again in ${retryAfter} seconds`, retryAfter);
  }

  async failed(email: string, address: string | null): Promise<void> {
    logger.info({ event: 'login_failed', email, address }, 'wrong e-mail address or password');
    await Promise.all([consume(this.byAccount, email), address ? consume(this.byAddress, address) : null]);
  }

  async succeeded(email: string): Promise<void> {
    await this.byAccount.delete(email);
  }

  close(): void {
    this.redis?.disconnect();
  }
}

/** Counts one failure; the one that uses up the allowance locks the key for LOCK_SECONDS from now. */
async function consume(limiter: RateLimiterAbstract, key: string): Promise<void> {
  const res = await limiter.consume(key).catch((rejection: unknown) => {
    if (rejection instanceof RateLimiterRes) return rejection;
    throw rejection;
  });
  if (res.remainingPoints <= 0) await limiter.block(key, LOCK_SECONDS);
}
