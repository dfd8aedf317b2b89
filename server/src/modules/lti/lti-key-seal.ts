import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { JoseJwk } from './jose';

/** A private key as stored when `LTI_KEY_SECRET` is set: AES-256-GCM over its JWK, bound to its key id. */
export interface SealedJwk {
  sealed: 'A256GCM';
  iv: string;
  tag: string;
  data: string;
}

export const isSealed = (stored: JoseJwk | SealedJwk): stored is SealedJwk => (stored as SealedJwk).sealed === 'A256GCM';

/**
 * Encrypts a private JWK for storage with the configured secret (32 bytes),
 * with the key id as associated data so a sealed key copied onto another row
 * does not open. Without a secret the JWK is stored as it is.
 */
export function sealJwk(jwk: JoseJwk, kid: string, secret: Buffer | null): JoseJwk | SealedJwk {
  if (!secret) return jwk;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secret, iv);
  cipher.setAAD(Buffer.from(kid));
  const data = Buffer.concat([cipher.update(JSON.stringify(jwk), 'utf8'), cipher.final()]);
  return { sealed: 'A256GCM', iv: iv.toString('base64url'), tag: cipher.getAuthTag().toString('base64url'), data: data.toString('base64url') };
}

/** The private JWK of a stored key; throws naming what is wrong when a sealed key cannot be opened. */
export function openJwk(stored: JoseJwk | SealedJwk, kid: string, secret: Buffer | null): JoseJwk {
  if (!isSealed(stored)) return stored;
  if (!secret) throw new Error(`LTI signing key ${kid} is encrypted at rest: set LTI_KEY_SECRET to the secret it was encrypted with`);
  try {
    const decipher = createDecipheriv('aes-256-gcm', secret, Buffer.from(stored.iv, 'base64url'));
    decipher.setAAD(Buffer.from(kid));
    decipher.setAuthTag(Buffer.from(stored.tag, 'base64url'));
    const text = Buffer.concat([decipher.update(Buffer.from(stored.data, 'base64url')), decipher.final()]).toString('utf8');
    return JSON.parse(text) as JoseJwk;
  } catch {
    throw new Error(`LTI_KEY_SECRET does not open LTI signing key ${kid} (it was encrypted with another secret, or the stored key was altered)`);
  }
}
