import { badInput } from '../../core/errors';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** The longest address stored (RFC 5321's path limit is 256; the column holds 320). */
export const MAX_EMAIL_LENGTH = 320;

/**
 * The one form an e-mail address is stored and looked up in: trimmed,
 * Unicode NFC and lower-cased as a whole, so `Ana@Uni.EDU`, `ana@uni.edu`
 * and a decomposed `ä` spelling of the same address name one account.
 * Returns null for text that is not an address.
 */
export function emailKey(email: string): string | null {
  const value = email.trim().normalize('NFC').toLowerCase();
  return EMAIL.test(value) && value.length <= MAX_EMAIL_LENGTH ? value : null;
}

/** `emailKey`, refusing text that is not an address with a message naming it. */
export function normaliseEmail(email: string): string {
  const value = emailKey(email);
  if (value === null) throw badInput(`'${email}' is not an e-mail address`);
  return value;
}

/** Whether two addresses name the same person (both taken through `emailKey`; text that is no address compares as typed). */
export function sameEmail(a: string, b: string): boolean {
  return (emailKey(a) ?? a) === (emailKey(b) ?? b);
}
