import { badInput, type DomainError } from './errors';

const UNITS: [bytes: number, unit: string][] = [
  [1024 ** 3, 'GB'],
  [1024 ** 2, 'MB'],
  [1024, 'KB'],
];

/** A size as people read it: `5 GB`, `2.5 MB`, `700 bytes` (binary multiples, at most one decimal). */
export function formatSize(bytes: number): string {
  for (const [size, unit] of UNITS) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  }
  return `${bytes} bytes`;
}

/**
 * The refusal of an upload over the limit: names the limit and what to do.
 * `size` is the declared length, when the client sent one.
 */
export function uploadTooLarge(limitBytes: number, size?: number): DomainError {
  const what = size !== undefined ? `this upload is ${formatSize(size)}, ` : 'this upload is ';
  return badInput(
    `${what}larger than the limit of ${formatSize(limitBytes)} per file: split or compress it, ` +
      `or ask the administrator of this Stagecoach server to raise MAX_UPLOAD_BYTES`,
    { limitBytes },
  );
}
