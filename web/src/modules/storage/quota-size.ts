const UNITS: Record<string, number> = { '': 1, B: 1, BYTE: 1, BYTES: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 };

/**
 * A quota typed by a person: bytes, or a size such as "2 GB" or "500MB"
 * (powers of 1,024, as sizes are shown). Either the whole number of bytes,
 * or what is wrong with the text.
 */
export function parseQuotaSize(text: string): { bytes: number } | { problem: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { problem: 'Enter a size such as 2 GB or 500 MB, or remove the quota.' };
  const match = /^(\d+(?:[.,]\d+)?)\s*([a-z]*)$/i.exec(trimmed);
  if (!match) {
    return /^-/.test(trimmed)
      ? { problem: `A quota cannot be negative ('${trimmed}').` }
      : { problem: `'${trimmed}' is not a size: write a number and a unit, such as 2 GB or 500 MB.` };
  }
  const unit = UNITS[match[2].toUpperCase()];
  if (unit === undefined) return { problem: `'${match[2]}' is not a unit: use bytes, KB, MB, GB or TB.` };
  const bytes = Math.round(Number(match[1].replace(',', '.')) * unit);
  if (!Number.isSafeInteger(bytes)) return { problem: `${trimmed} is more than can be stored.` };
  return { bytes };
}
