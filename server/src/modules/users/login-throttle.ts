import { rateLimited } from '../../core/errors';
import { consumePoints, type LimiterStore, type RateLimiterAbstract, type RateLimiterRes } from '../../core/rate-limit';
import { logger } from '../../core/logger';

/** Wrong passwords in a row for one account (from anywhere) before it is locked for a while. */
export const ACCOUNT_FAILURES = 10;
/** Wrong passwords from one address (for any accounts) per window before the address is locked. */
export const ADDRESS_FAILURES = 100;
const WINDOW_SECONDS = 15 * 60;
const LOCK_SECONDS = 15 * 60;

/**
 * Throttles password guessing per account and per client address, with
 * counters shared by every API process when Redis is configured.
 * Only failures count, and a successful login clears its account's counter.
 */
export class LoginThrottle {
  private readonly byAccount: RateLimiterAbstract;
  private readonly byAddress: RateLimiterAbstract;

  constructor(limiters: LimiterStore) {
    this.byAccount = limiters.limiter({ keyPrefix: 'login_fail_account', points: ACCOUNT_FAILURES, duration: WINDOW_SECONDS });
    this.byAddress = limiters.limiter({ keyPrefix: 'login_fail_address', points: ADDRESS_FAILURES, duration: WINDOW_SECONDS });
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

}

/** Counts one failure; the one that uses up the allowance locks the key for LOCK_SECONDS from now. */
async function consume(limiter: RateLimiterAbstract, key: string): Promise<void> {
  const res = await consumePoints(limiter, key);
  if (res.remainingPoints <= 0) await limiter.block(key, LOCK_SECONDS);
}
