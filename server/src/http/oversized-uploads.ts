import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { uploadTooLarge } from '../core/upload-limit';

/** The endpoints whose bodies are files (or archives of files) held to MAX_UPLOAD_BYTES. */
const UPLOADS = [/^\/api\/workspaces\/[^/]+\/files(\/|$|\?)/, /^\/api\/assignments\/[^/]+\/feedback\/[^/]+\/files\//];

/** The length an upload declares when it is over `limit`, else undefined. */
export function oversizedUpload(req: IncomingMessage, limit: number): number | undefined {
  if ((req.method !== 'PUT' && req.method !== 'POST') || !UPLOADS.some((path) => path.test(req.url ?? ''))) return undefined;
  const declared = Number(req.headers['content-length'] ?? NaN);
  return declared > limit ? declared : undefined;
}

/**
 * Refuses an upload whose declared length is over the limit as soon as its
 * headers arrive, before authentication and before any of the body is read,
 * so the client learns at once instead of after sending gigabytes. The
 * connection is closed after the answer: the rest of the body is never read.
 */
export function refuseOversizedUploads(limit: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const declared = oversizedUpload(req, limit);
    if (declared === undefined) return next();
    const error = uploadTooLarge(limit, declared);
    res.setHeader('Connection', 'close');
    res.status(413).json({ error: { code: error.code, message: error.message, ...error.details } });
  };
}
