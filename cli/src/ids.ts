/**
 * Whether `stored` names the object whose id the API answers as `current`.
 * The API's ids are global ids (base64url of `<Type>:<raw id>`); ids stored
 * before that (a folder's sync state, a script's argument) are the raw ids,
 * which the API still accepts as arguments but never answers.
 */
export function sameId(stored: string, current: string): boolean {
  if (stored === current) return true;
  const text = Buffer.from(current, 'base64url').toString('utf8');
  const colon = text.indexOf(':');
  return colon > 0 && text.slice(colon + 1) === stored;
}
