import { randomUUID } from 'node:crypto';
import { IsNull, LessThan, Not } from 'typeorm';
import type { Database } from '../../db/database';
import { jose, type JoseJwk } from './jose';
import { LtiKey } from './lti-key.entity';
import { openJwk, sealJwk } from './lti-key-seal';

/**
 * How long a retired key stays published. What this tool signs (client
 * assertions, deep linking responses) lives five minutes, and platforms
 * cache a tool's key set for hours; two days covers both.
 */
export const RETIRED_KEY_PUBLISHED_MS = 2 * 86_400_000;

/** How long a JWT this tool signs is valid. */
export const SIGNED_JWT_TTL_SECONDS = 300;

export interface RotationReport {
  created: string;
  retired: string[];
  removed: string[];
}

/**
 * This instance's own signing keys (RS256). The first is made on first use;
 * `rotate` (the `lti:rotate-keys` command) makes a new one and retires the
 * others, which stay in the published key set until what they signed has
 * expired everywhere, then are removed.
 */
export class LtiKeysService {
  /** `secret`: the 32-byte `LTI_KEY_SECRET` private keys are encrypted with at rest, or null to store them as they are. */
  constructor(
    private readonly db: Database,
    private readonly secret: Buffer | null = null,
  ) {}

  /** The public key set platforms verify this tool's signatures with. */
  async jwks(now = new Date()): Promise<{ keys: JoseJwk[] }> {
    await this.signingKey();
    const keys = await this.db.manager.find(LtiKey, { order: { createdAt: 'DESC' } });
    const published = keys.filter((key) => key.retiredAt === null || now.getTime() - key.retiredAt.getTime() < RETIRED_KEY_PUBLISHED_MS);
    return { keys: published.map((key) => ({ ...key.publicJwk, kid: key.id, alg: 'RS256', use: 'sig' })) };
  }

  /** Signs `payload` as this tool (the newest live key, named by `kid`). */
  async sign(payload: Record<string, unknown>, options: { issuer: string; audience: string; subject?: string; ttlSeconds?: number }): Promise<string> {
    const { SignJWT, importJWK } = await jose();
    const key = await this.signingKey();
    const privateKey = await importJWK(openJwk(key.privateJwk, key.id, this.secret), 'RS256');
    const jwt = new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid: key.id, typ: 'JWT' })
      .setIssuer(options.issuer)
      .setAudience(options.audience)
      .setIssuedAt()
      .setExpirationTime(`${options.ttlSeconds ?? SIGNED_JWT_TTL_SECONDS}s`)
      .setJti(randomUUID());
    if (options.subject) jwt.setSubject(options.subject);
    return jwt.sign(privateKey);
  }

  /** The claims of a JWT this tool signed itself (any published key), or null when it is not one, is for another audience or has expired. */
  async verifyOwn(token: string, audience: string): Promise<Record<string, unknown> | null> {
    const { createLocalJWKSet, jwtVerify } = await jose();
    try {
      const { payload } = await jwtVerify(token, createLocalJWKSet(await this.jwks()), { audience, algorithms: ['RS256'] });
      return payload;
    } catch {
      return null;
    }
  }

  /** Makes a new signing key and retires the others; removes keys retired long enough ago. */
  async rotate(now = new Date()): Promise<RotationReport> {
    const fresh = await this.generate(now);
    return this.db.transaction(async (manager) => {
      const live = await manager.find(LtiKey, { where: { retiredAt: IsNull(), id: Not(fresh.id) } });
      if (live.length) await manager.update(LtiKey, { retiredAt: IsNull(), id: Not(fresh.id) }, { retiredAt: now });
      const expired = await manager.find(LtiKey, { where: { retiredAt: LessThan(new Date(now.getTime() - RETIRED_KEY_PUBLISHED_MS)) } });
      if (expired.length) await manager.delete(LtiKey, expired.map((key) => key.id));
      await manager.insert(LtiKey, fresh);
      return { created: fresh.id, retired: live.map((key) => key.id), removed: expired.map((key) => key.id) };
    });
  }

  /** The newest live key; the first one is made here. */
  private async signingKey(): Promise<LtiKey> {
    const current = await this.db.manager.findOne(LtiKey, { where: { retiredAt: IsNull() }, order: { createdAt: 'DESC', id: 'DESC' } });
    if (current) return current;
    const fresh = await this.generate(new Date());
    await this.db.manager.insert(LtiKey, fresh);
    return fresh;
  }

  private async generate(now: Date): Promise<LtiKey> {
    const { exportJWK, generateKeyPair } = await jose();
    const { publicKey, privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
    const id = randomUUID();
    return Object.assign(new LtiKey(), {
      id,
      publicJwk: await exportJWK(publicKey),
      privateJwk: sealJwk(await exportJWK(privateKey), id, this.secret),
      createdAt: now,
      retiredAt: null,
    });
  }
}
