import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { STATE_DIR, type SyncState } from './state';

export interface LocalFile {
  hash: string;
  size: number;
  mtimeMs: number;
}

const PARALLEL_HASHES = 8;

export async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/** Every regular file under `dir` by its '/'-separated path, leaving out the state folder; links and other kinds are skipped. */
async function walk(dir: string): Promise<string[]> {
  const found: string[] = [];
  const visit = async (relative: string) => {
    const entries = await readdir(path.join(dir, relative), { withFileTypes: true });
    for (const entry of entries) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (!relative && entry.name === STATE_DIR) continue;
      if (entry.isDirectory()) await visit(child);
      else if (entry.isFile()) found.push(child);
    }
  };
  await visit('');
  return found.sort();
}

/**
 * The files of a local folder with their SHA-256 (the server's content hash).
 * A file whose size and modification time are what the state recorded keeps its
 * recorded hash instead of being read again.
 */
export async function scanLocalTree(dir: string, state: SyncState | null): Promise<Map<string, LocalFile>> {
  const paths = await walk(dir);
  const files = new Map<string, LocalFile>();
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const relative = paths[next++];
      const absolute = path.join(dir, relative);
      const info = await stat(absolute);
      const known = state?.files[relative];
      const hash = known && known.size === info.size && known.mtimeMs === info.mtimeMs ? known.hash : await hashFile(absolute);
      files.set(relative, { hash, size: info.size, mtimeMs: info.mtimeMs });
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_HASHES }, worker));
  return files;
}
