'use client';

import { useEffect, useState } from 'react';

export type FileBytes = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'loaded'; bytes: Uint8Array };

/** The bytes at a download address of the API, read once per address. */
export function useFileBytes(url: string): FileBytes {
  const [result, setResult] = useState<{ url: string; bytes: FileBytes } | null>(null);
  useEffect(() => {
    let cancelled = false;
    fetch(url, { credentials: 'same-origin' })
      .then(async (response): Promise<FileBytes> => {
        if (!response.ok) {
          const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
          return { state: 'failed', message: body?.error?.message ?? `the file could not be read (HTTP ${response.status})` };
        }
        return { state: 'loaded', bytes: new Uint8Array(await response.arrayBuffer()) };
      })
      .catch((): FileBytes => ({ state: 'failed', message: 'the file could not be read: the connection failed' }))
      .then((bytes) => {
        if (!cancelled) setResult({ url, bytes });
      });
    return () => {
      cancelled = true;
    };
  }, [url]);
  return result?.url === url ? result.bytes : { state: 'loading' };
}
