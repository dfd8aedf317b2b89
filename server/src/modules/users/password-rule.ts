import { badInput } from '../../core/errors';

/**
 * The one password rule, enforced here and stated to people by the same text
 * (the dashboard shows `PASSWORD_RULE.description` from the API).
 */
export const PASSWORD_RULE = {
  minLength: 10,
  maxLength: 1024,
  minDistinct: 5,
  description: 'at least 10 characters, at least 5 of them different, and not your e-mail address',
} as const;

/** Refuses a password that breaks the rule, saying which part. */
export function checkPassword(password: string, email?: string | null): void {
  if (password.length < PASSWORD_RULE.minLength) throw badInput(`password must be at least ${PASSWORD_RULE.minLength} characters long`);
  if (password.length > PASSWORD_RULE.maxLength) throw badInput(`password must be at most ${PASSWORD_RULE.maxLength} characters long`);
  if (new Set(password).size < PASSWORD_RULE.minDistinct) {
    throw badInput(`password must contain at least ${PASSWORD_RULE.minDistinct} different characters`);
  }
  if (email && password.trim().toLowerCase().includes(email.trim().toLowerCase())) throw badInput('password must not contain your e-mail address');
}
