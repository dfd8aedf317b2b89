const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'];

/** A size for messages people read: "512 bytes", "1.2 GB" (powers of 1,024, one decimal below 100, so limits and uses near them differ visibly). */
export function describeBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const unit = Math.min(Math.floor(Math.log(bytes) / Math.log(1024)), UNITS.length - 1);
  const value = bytes / 1024 ** unit;
  return `${value < 100 ? value.toFixed(1).replace(/\.0$/, '') : Math.round(value)} ${UNITS[unit]}`;
}
