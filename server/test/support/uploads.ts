import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

/**
 * An upload driven byte by byte over a raw HTTP request, so a test can pace
 * it, stall it or cut it, and see what the server does.
 */
export interface RawUpload {
  /** Writes `bytes` of the body; resolves once the socket accepted them. */
  send(bytes: Buffer): Promise<void>;
  /** Ends the body. */
  finish(): void;
  /** Cuts the connection mid-body, as a closed laptop would. */
  abort(): void;
  /** The server's answer, or the error the connection ended with. */
  readonly response: Promise<{ status: number; body: string } | { error: string }>;
}

export function startRawUpload(baseUrl: string, workspaceId: string, filePath: string, token: string, totalBytes: number): RawUpload {
  const url = new URL(`${baseUrl}/api/workspaces/${workspaceId}/files/${filePath}`);
  const request = http.request(url, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', 'content-length': String(totalBytes) },
  });
  const response = new Promise<{ status: number; body: string } | { error: string }>((resolve) => {
    request.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', (error) => resolve({ error: error.message }));
    });
    request.on('error', (error) => resolve({ error: error.message }));
  });
  request.flushHeaders();
  return {
    send: (bytes) =>
      new Promise<void>((resolve, reject) => {
        if (request.destroyed) return reject(new Error('the upload connection is closed'));
        request.write(bytes, (error) => (error ? reject(error) : resolve()));
      }),
    finish: () => request.end(),
    abort: () => request.destroy(),
    response,
  };
}

/** The temporary files of blob writes under a data folder (`blobs/tmp/*.part`). */
export function partFiles(dataDir: string): string[] {
  const dir = path.join(dataDir, 'blobs', 'tmp');
  try {
    return fs.readdirSync(dir).filter((name) => name.endsWith('.part'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** File descriptors process `pid` holds open on files under `dataDir/blobs/tmp`. */
export function openTempFiles(pid: number | 'self', dataDir: string): string[] {
  const tmp = path.join(fs.realpathSync(dataDir), 'blobs', 'tmp') + path.sep;
  const fdDir = `/proc/${pid}/fd`;
  const targets: string[] = [];
  for (const fd of fs.readdirSync(fdDir)) {
    try {
      const target = fs.readlinkSync(path.join(fdDir, fd));
      if (target.startsWith(tmp)) targets.push(target);
    } catch {
      // closed between listing and reading
    }
  }
  return targets;
}
