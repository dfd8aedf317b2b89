import { createHash, randomBytes } from 'node:crypto';

/** A bearer secret with a recognisable prefix, e.g. `sc_pat_…` for personal tokens. */
export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function sha256Hex(value: string | Buffer): string {
  return createHash('sha256').update(value).digest('hex');
}
