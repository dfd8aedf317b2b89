/** The most values one `IN (…)` list holds: well under every dialect's parameter limit. */
export const IN_CHUNK = 500;

/** Reads rows for many ids in `IN` lists of at most `IN_CHUNK`, one query after another. */
export async function inChunks<T>(ids: readonly string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += IN_CHUNK) out.push(...(await read(ids.slice(i, i + IN_CHUNK))));
  return out;
}
