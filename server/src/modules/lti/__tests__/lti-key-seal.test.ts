import { randomBytes } from 'node:crypto';
import { isSealed, openJwk, sealJwk } from '../lti-key-seal';

const jwk = { kty: 'RSA', n: 'modulus', e: 'AQAB', d: 'private-exponent', p: 'p', q: 'q' };

describe('LTI private keys at rest', () => {
  const secret = randomBytes(32);

  it('are encrypted with the secret, no private field readable, and open again for their own key id', () => {
    const sealed = sealJwk(jwk, 'kid-1', secret);
    expect(isSealed(sealed)).toBe(true);
    expect(JSON.stringify(sealed)).not.toContain('private-exponent');
    expect(openJwk(sealed, 'kid-1', secret)).toEqual(jwk);
    // A fresh IV each time: the same key never seals to the same text.
    expect(sealJwk(jwk, 'kid-1', secret)).not.toEqual(sealed);
  });

  it('are stored as they are without a secret, and such keys still open once a secret is set', () => {
    const plain = sealJwk(jwk, 'kid-1', null);
    expect(plain).toEqual(jwk);
    expect(openJwk(plain, 'kid-1', secret)).toEqual(jwk);
  });

  it('refuse to open with another secret, under another key id, when altered, or without the secret, saying which', () => {
    const sealed = sealJwk(jwk, 'kid-1', secret);
    if (!isSealed(sealed)) throw new Error('not sealed');
    expect(() => openJwk(sealed, 'kid-1', randomBytes(32))).toThrow('LTI_KEY_SECRET does not open LTI signing key kid-1');
    expect(() => openJwk(sealed, 'kid-2', secret)).toThrow('does not open LTI signing key kid-2');
    const flipped = Buffer.from(sealed.data, 'base64url');
    flipped[0] ^= 1;
    expect(() => openJwk({ ...sealed, data: flipped.toString('base64url') }, 'kid-1', secret)).toThrow('does not open');
    expect(() => openJwk(sealed, 'kid-1', null)).toThrow('LTI signing key kid-1 is encrypted at rest: set LTI_KEY_SECRET');
  });
});
