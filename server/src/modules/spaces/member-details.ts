import { badInput } from '../../core/errors';
import { refuseFormatCharacters } from '../../core/labels';
import { MAX_SECTION, MAX_STUDENT_NUMBER } from './membership.entity';

export interface MemberDetails {
  studentNumber: string | null;
  section: string | null;
}

const LIMITS = { studentNumber: { label: 'student number', max: MAX_STUDENT_NUMBER }, section: { label: 'section', max: MAX_SECTION } };

/** One detail as stored: trimmed, empty as null; refused (naming it) when too long or holding invisible format characters. */
export function memberDetail(field: keyof MemberDetails, value: string | null | undefined): string | null {
  const text = value?.trim().normalize('NFC') ?? '';
  if (!text) return null;
  const { label, max } = LIMITS[field];
  if (text.length > max) throw badInput(`${label} '${text.slice(0, 20)}…' is longer than ${max} characters`);
  refuseFormatCharacters(text, label);
  return text;
}

/** The details given (undefined: left as they are), each checked by `memberDetail`. */
export function checkMemberDetails(details: { studentNumber?: string | null; section?: string | null }): Partial<MemberDetails> {
  const checked: Partial<MemberDetails> = {};
  for (const field of ['studentNumber', 'section'] as const) {
    if (details[field] !== undefined) checked[field] = memberDetail(field, details[field]);
  }
  return checked;
}

/** A bulk change's user ids: at least one, no repeats, at most `max`. */
export function memberIds(userIds: readonly string[], max: number): string[] {
  const ids = [...new Set(userIds)];
  if (!ids.length) throw badInput('choose at least one member');
  if (ids.length > max) throw badInput(`at most ${max} members can be changed at once; ${ids.length} were chosen`);
  return ids;
}
