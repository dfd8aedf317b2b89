import { badInput } from './errors';
import { describeCodePoint, forbiddenFormatCharacter } from './storage/format-characters';

/**
 * Refuses a display name (of a person, space, workspace, bundle, token)
 * holding an invisible format character, which could make it read as
 * another name, naming the character.
 */
export function refuseFormatCharacters(value: string, what: string): void {
  const format = forbiddenFormatCharacter(value);
  if (format !== null) throw badInput(`${what} contains ${describeCodePoint(format)}: invisible format characters can disguise a name`);
}

/** A trimmed display name of 1 to 200 characters without invisible format characters. */
export function checkLabel(value: string, what: string): string {
  const label = value.trim();
  if (!label || label.length > 200) throw badInput(`${what} must be 1 to 200 characters long`);
  refuseFormatCharacters(label, what);
  return label;
}
