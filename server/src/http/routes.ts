import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { csvText } from '../modules/assignments/grade-sheet';
import { seesWholeAuditTrail } from '../core/policy';
import express, { type NextFunction, type Request, type Response, Router } from 'express';
import mime from 'mime-types';
import type { BlobStore } from '../core/storage/blob-store';
import { archiveFormatOf } from '../modules/workspaces/archive-entries';
import { DomainError, badInput, httpStatusOf } from '../core/errors';
import { outageOf } from '../db/database';
import { detailsForClients, rawIdOf } from '../core/graphql/global-id';
import type { Services } from '../services';
import type { Actor } from '../modules/users/users.service';
import { COLUMN_TYPES, type ColumnType } from '../modules/tables/table-codec';
import { MAX_CSV_BYTES } from '../modules/tables/tables.service';
import { bearerOf } from '../modules/users/session-cookie';
import { logger } from '../core/logger';

export type AuthedRequest = Request & { actor: Actor | null };

/** `a/b/c` from an Express 5 named wildcard (an array of decoded segments). */
export function wildcard(req: Request): string {
  const value = (req.params as Record<string, string | string[]>).path;
  return Array.isArray(value) ? value.join('/') : (value ?? '');
}

function optionalInt(value: unknown, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw badInput(`${name} must be a whole number`);
  return n;
}

/**
 * An upload's preconditions: `If-Match: "<version>"` (or `?expectedVersion=`) refuses it when the
 * workspace changed since that version; `If-None-Match: *` refuses it when something is at the path.
 */
export function uploadPreconditions(req: Request, versionOf = 'the workspace version'): { expectedVersion?: number; ifAbsent: boolean } {
  const query = optionalInt(req.query.expectedVersion, 'expectedVersion');
  const header = req.headers['if-match'];
  const match = header === undefined ? undefined : optionalInt(header.replace(/^W\//, '').replace(/^"(.*)"$/, '$1'), `If-Match (${versionOf})`);
  if (query !== undefined && match !== undefined && query !== match) {
    throw badInput(`If-Match says version ${match} but expectedVersion says ${query}; send one of them`);
  }
  return { expectedVersion: match ?? query, ifAbsent: req.headers['if-none-match']?.trim() === '*' };
}

/** `?types=Year:INTEGER,Name:STRING` */
function parseColumnTypes(value: unknown): Record<string, ColumnType> | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  const result: Record<string, ColumnType> = {};
  for (const pair of value.split(',')) {
    const at = pair.lastIndexOf(':');
    const name = pair.slice(0, at).trim();
    const type = pair.slice(at + 1).trim().toUpperCase() as ColumnType;
    if (at < 1 || !COLUMN_TYPES.includes(type)) {
      throw badInput(`types: '${pair}' must look like Column:TYPE with TYPE one of ${COLUMN_TYPES.join(', ')}`);
    }
    result[name] = type;
  }
  return result;
}

export function attachment(res: Response, name: string, type: string): void {
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
}

/**
 * Sends a blob's stream; a failing stream (a blob that fails its integrity
 * check) cuts the connection, so the client sees a broken transfer instead of
 * a complete response with wrong bytes.
 */
export function sendBlob(res: Response, stream: NodeJS.ReadableStream): void {
  pipeline(stream, res).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') logger.error({ err: error }, 'download cut');
  });
}

/**
 * An id from a route's path: a global id as the GraphQL API answers it, or an
 * older raw id (see global-id.ts); a forged or another type's id is refused
 * with BAD_USER_INPUT, before anything is read.
 */
export function idParam(req: Request, name: string, ...types: string[]): string {
  return rawIdOf(String(req.params[name]), types);
}

/** An optional id from the query string, decoded like {@link idParam}. */
export function idQuery(req: Request, name: string, ...types: string[]): string | undefined {
  const value = req.query[name];
  return typeof value === 'string' && value ? rawIdOf(value, types) : undefined;
}

export const wrap =
  (handler: (req: AuthedRequest, res: Response) => Promise<void>) => (req: Request, res: Response, next: NextFunction) =>
    handler(req as AuthedRequest, res).catch(next);

/**
 * Streaming HTTP endpoints for bytes (never base64 in GraphQL), with the same
 * tokens and the same service-layer policy as the GraphQL API.
 */
export function httpRoutes(services: Services): Router {
  const router = Router();
  router.use('/api', (req, _res, next) => {
    services.users.authenticate(bearerOf(req.headers)).then((actor) => {
      (req as AuthedRequest).actor = actor;
      next();
    }, next);
  });

  router.put(
    '/api/workspaces/:id/files/*path',
    wrap(async (req, res) => {
      const { path, legacy } = addressedPath(req);
      if (legacy) deprecated(res, req, path);
      // A declared length over the limit was refused before this (refuseOversizedUploads).
      const limit = services.config.maxUploadBytes;
      const preconditions = uploadPreconditions(req);
      const body = uploadBody(req);
      const result = await services.objects
        .upload(req.actor, idParam(req, 'id', 'Workspace'), path, body, {
          maxBytes: limit,
          ...preconditions,
        })
        .catch(closeAfterRefusal(req, res, body));
      res.status(result.changed ? 201 : 200).json({
        version: result.workspace.version,
        path,
        changed: result.changed,
        contentHash: result.blob.id,
        size: result.blob.size,
      });
    }),
  );

  // An archive (zip, tar, gzipped tar) unpacked into a folder as one commit.
  // One registration per address, so logs and metrics name the route that answered.
  for (const route of ['/api/workspaces/:id/files', '/api/workspaces/:id/files/*path']) {
    router.post(
      route,
      wrap(async (req, res) => {
        const { path, legacy } = addressedPath(req);
        if (legacy) deprecated(res, req, path);
        const format = archiveFormatOf(req.headers['content-type']);
        const body = uploadBody(req);
        const result = await services.objects
          .unpack(req.actor, idParam(req, 'id', 'Workspace'), path, body, { maxBytes: services.config.maxUploadBytes, format, ...uploadPreconditions(req) })
          .catch(closeAfterRefusal(req, res, body));
        const { workspace, commit: _commit, ...summary } = result;
        res.status(result.changed ? 201 : 200).json({ version: workspace.version, ...summary });
      }),
    );
  }

  // One registration per address, so logs and metrics name the route that answered.
  for (const route of ['/api/workspaces/:id/files', '/api/workspaces/:id/files/*path']) {
    router.get(
      route,
      wrap(async (req, res) => {
        const { path, legacy } = addressedPath(req);
        // The old form (the area named again) moved for good; its successor is the same request without it.
        if (legacy) return res.redirect(308, successorUrl(req, path));
        const { entry } = await services.objects.openFile(req.actor, idParam(req, 'id', 'Workspace'), path, snapshotOf(req));
        await sendStoredFile(req, res, entry, services.blobs);
      }),
    );
  }

  router.delete(
    '/api/workspaces/:id/files/*path',
    wrap(async (req, res) => {
      const { path, legacy } = addressedPath(req);
      if (legacy) deprecated(res, req, path);
      const result = await services.objects.delete(req.actor, idParam(req, 'id', 'Workspace'), path, { expectedVersion: uploadPreconditions(req).expectedVersion });
      res.json({ version: result.workspace.version, path, changed: result.changed });
    }),
  );

  const zip = wrap(async (req, res) => {
    const { name, stream } = await services.objects.zipFolder(req.actor, idParam(req, 'id', 'Workspace'), wildcard(req), snapshotOf(req));
    attachment(res, name, 'application/zip');
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  });
  router.get('/api/workspaces/:id/zip', zip);
  router.get('/api/workspaces/:id/zip/*path', zip);

  router.post(
    '/api/workspaces/:id/tables/:name',
    express.raw({ type: () => true, limit: MAX_CSV_BYTES }),
    wrap(async (req, res) => {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (req.query.preview === 'true') {
        // `?preview=true`: the columns and types an import would make, stored nowhere.
        const preview = await services.tables.previewCsv(req.actor, idParam(req, 'id', 'Workspace'), req.params.name as string, body, {
          columnTypes: parseColumnTypes(req.query.types),
          delimiter: typeof req.query.delimiter === 'string' ? req.query.delimiter : undefined,
        });
        res.json(preview);
        return;
      }
      const result = await services.tables.importCsv(req.actor, idParam(req, 'id', 'Workspace'), req.params.name as string, body, {
        columnTypes: parseColumnTypes(req.query.types),
        delimiter: typeof req.query.delimiter === 'string' ? req.query.delimiter : undefined,
        expectedVersion: optionalInt(req.query.expectedVersion, 'expectedVersion'),
      });
      res.status(201).json({ version: result.workspace.version, path: result.path, columns: result.table.columns, rowCount: result.table.rows.length });
    }),
  );

  // One registration per address, so logs and metrics name the route that answered.
  for (const route of ['/api/workspaces/:id/tables/:name', '/api/workspaces/:id/tables/:name/csv']) {
    router.get(
      route,
      wrap(async (req, res) => {
        const { name, csv } = await services.tables.exportCsv(req.actor, idParam(req, 'id', 'Workspace'), `tables/${req.params.name}`, snapshotOf(req));
        attachment(res, name, 'text/csv; charset=utf-8');
        res.send(csv);
      }),
    );
  }

  router.get(
    '/api/workspaces/:id/applications/:name',
    wrap(async (req, res) => {
      const application = await services.applications.get(req.actor, idParam(req, 'id', 'Workspace'), `applications/${req.params.name}`, snapshotOf(req));
      res.setHeader('ETag', `"${application.id}"`);
      if (clientHas(req, application.id)) return void res.status(304).end();
      res.json({ path: application.path, config: application.config });
    }),
  );

  router.put(
    '/api/workspaces/:id/applications/:name',
    express.json({ limit: '1mb' }),
    wrap(async (req, res) => {
      const saved = await services.applications.save(req.actor, idParam(req, 'id', 'Workspace'), req.params.name as string, req.body, uploadPreconditions(req, 'the workspace version').expectedVersion);
      res.status(saved.changed ? 201 : 200).json({ version: saved.workspace.version, path: `applications/${req.params.name}`, changed: saved.changed });
    }),
  );

  for (const area of ['tables', 'applications'] as const) {
    router.delete(
      `/api/workspaces/:id/${area}/:name`,
      wrap(async (req, res) => {
        const path = `${area}/${req.params.name}`;
        const result = await services.objects.delete(req.actor, idParam(req, 'id', 'Workspace'), path, { expectedVersion: uploadPreconditions(req).expectedVersion });
        res.json({ version: result.workspace.version, path, changed: result.changed });
      }),
    );
  }

  router.get(
    '/api/spaces/:id/audit.csv',
    wrap(async (req, res) => {
      const spaceId = idParam(req, 'id', 'Space');
      const { role, actor } = await services.policy.space(req.actor, spaceId, 'read');
      const q = req.query as Record<string, string | undefined>;
      const date = (v?: string) => (v ? new Date(v) : null);
      attachment(res, `audit-${spaceId}.csv`, 'text/csv; charset=utf-8');
      const csv = stringify({
        header: true,
        columns: ['seq', 'createdAt', 'actorId', 'actorName', 'actorEmail', 'action', 'subjectType', 'subjectId', 'studentId', 'studentName', 'studentEmail', 'before', 'after', 'prevHash', 'hash'],
      });
      csv.pipe(res);
      // Pages through the trail so memory stays flat however long it is.
      for (let before: number | undefined; ; ) {
        const found = await services.audit.query(
          spaceId,
          { actorId: idQuery(req, 'actorId', 'User'), studentId: idQuery(req, 'studentId', 'User', 'StudentAlias'), action: q.action, from: date(q.from), to: date(q.to) },
          seesWholeAuditTrail(role) ? null : actor.user.id,
          500,
          before,
        );
        const { events: page, hiddenNames } = await services.anonymity.auditFor(role, found);
        // The people of a page in one lookup; an account deleted since shows its id only.
        const ids = new Set(page.flatMap((e) => [e.actorId, e.studentId].filter((id): id is string => !!id)));
        const people = new Map((await services.users.getByIds([...ids])).map((u) => [u.id, u]));
        for (const e of page) {
          const actorOf = e.actorId ? people.get(e.actorId) : undefined;
          const student = e.studentId ? people.get(e.studentId) : undefined;
          // A student hidden from this reader is named by their pseudonym only.
          const nameOf = (id: string | null, user?: { name: string }) => (id && hiddenNames.get(id)) ?? user?.name ?? '';
          const row = {
            ...e,
            actorName: csvText(nameOf(e.actorId, actorOf)),
            actorEmail: csvText(actorOf?.email ?? ''),
            studentName: csvText(nameOf(e.studentId, student)),
            studentEmail: csvText(student?.email ?? ''),
            createdAt: e.createdAt.toISOString(),
            before: e.before ? JSON.stringify(e.before) : '',
            after: e.after ? JSON.stringify(e.after) : '',
          };
          if (!csv.write(row)) await once(csv, 'drain');
        }
        if (page.length < 500) break;
        before = page.at(-1)!.seq;
      }
      csv.end();
    }),
  );

  // A sealed hand-in's file, and the same path as the assignment's material had it (to compare the two).
  for (const [route, open] of [
    ['/api/hand-ins/:id/files/*path', services.handIns.openFile.bind(services.handIns)],
    ['/api/hand-ins/:id/material/*path', services.handInDiffs.openMaterialFile.bind(services.handInDiffs)],
  ] as const) {
    router.get(
      route,
      wrap(async (req, res) => {
        const { entry } = await open(req.actor, idParam(req, 'id', 'HandIn'), wildcard(req));
        await sendStoredFile(req, res, entry, services.blobs);
      }),
    );
  }

  return router;
}

/** The areas of a workspace; a `/files/…` URL naming one of them again is the old form. */
const AREA_ROOTS: ReadonlySet<string> = new Set(['files', 'tables', 'applications']);

/**
 * The workspace path a `/api/workspaces/:id/files/…` URL names: a path in the
 * files area (`/files/week1/a.csv` → `files/week1/a.csv`). The old form named
 * the area again (`/files/files/week1/a.csv`); it is still understood, unless
 * `?literal` says that a top-level folder really is called `files`,
 * `tables` or `applications`.
 */
function addressedPath(req: Request): { path: string; legacy: boolean } {
  const rest = wildcard(req);
  const first = rest.split('/')[0]!;
  if (AREA_ROOTS.has(first) && req.query.literal === undefined) return { path: rest, legacy: true };
  return { path: rest ? `files/${rest}` : 'files', legacy: false };
}

const encodeSegments = (segments: readonly string[]) => segments.map(encodeURIComponent).join('/');

/** Where the short form lives for a workspace path: files under `/files/`, tables and applications under their own. */
function successorUrl(req: Request, path: string): string {
  const [area, ...rest] = path.split('/');
  const base = `/api/workspaces/${encodeURIComponent(req.params.id as string)}`;
  const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
  if (area === 'files') return `${base}/files${rest.length ? `/${encodeSegments(rest)}` : ''}${query}`;
  return `${base}/${area}/${encodeSegments(rest)}${query}`;
}

/** Marks an answer to the old URL form, naming its successor (RFC 9745 and RFC 8288). */
function deprecated(res: Response, req: Request, path: string): void {
  res.setHeader('Deprecation', '@1796083200');
  res.setHeader('Link', `<${successorUrl(req, path)}>; rel="successor-version"`);
}

/**
 * An upload's body as a pipe the store may abort on overflow (the socket
 * itself stays usable, so the 413 still reaches the client); an aborted
 * request destroys it, so the store never waits for the rest with a file open.
 */
function uploadBody(req: Request): PassThrough {
  const body = new PassThrough();
  req.pipe(body);
  req.once('error', (error) => body.destroy(error));
  req.once('close', () => {
    if (!req.complete) body.destroy(clientGone());
  });
  return body;
}

/** After a refused upload the rest of its body is not read: the connection closes once the answer is sent. */
const closeAfterRefusal = (req: Request, res: Response, body: PassThrough) => (error: unknown) => {
  req.unpipe(body);
  res.setHeader('Connection', 'close');
  throw error;
};

/**
 * Whether `If-None-Match` names the content `id` (or `*`): the client has it
 * and gets 304. Evaluated as RFC 9110 says an origin does, also when the
 * request asks caches for no-cache (as fetch does on every conditional request).
 */
function clientHas(req: Request, id: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === `"${id}"`;
  });
}

/** The media type a file's name suggests; anything unknown is plain bytes. */
export function contentTypeOf(name: string): string {
  return mime.contentType(name) || 'application/octet-stream';
}

/**
 * Sends a stored file as a download: its media type, `ETag` (the content
 * hash) answered with 304 when the client has it, and one byte range
 * (`Range`, `If-Range`) answered with 206, or 416 when it lies outside the
 * file. A hand-in can be hostile: the answer is never rendered by the API's
 * origin (attachment, nosniff, a sandboxing CSP).
 */
export async function sendStoredFile(req: Request, res: Response, entry: { id: string; name: string; size: number }, blobs: BlobStore): Promise<void> {
  attachment(res, entry.name, contentTypeOf(entry.name));
  res.setHeader('ETag', `"${entry.id}"`);
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('Cache-Control', 'private, no-cache');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  if (clientHas(req, entry.id)) return void res.status(304).end();
  const ifRange = req.headers['if-range'];
  const ranges = ifRange === undefined || ifRange === `"${entry.id}"` ? req.range(entry.size, { combine: true }) : undefined;
  if (ranges === -1) {
    res.setHeader('Content-Range', `bytes */${entry.size}`);
    res.status(416).json({ error: { code: 'BAD_USER_INPUT', message: `the range ${req.headers.range} lies outside the file's ${entry.size} bytes` } });
    return;
  }
  // A malformed header or several ranges get the whole file, as HTTP allows.
  const range = Array.isArray(ranges) && ranges.length === 1 && ranges.type === 'bytes' ? ranges[0]! : null;
  if (range) {
    res.status(206);
    res.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${entry.size}`);
  }
  res.setHeader('Content-Length', String(range ? range.end - range.start + 1 : entry.size));
  if (req.method === 'HEAD') return void res.end();
  sendBlob(res, range ? await blobs.openRange(entry.id, range.start, range.end + 1) : await blobs.openRead(entry.id));
}

function snapshotOf(req: Request): string | null {
  return idQuery(req, 'snapshot', 'Snapshot') ?? null;
}

/** The client closed the connection (or it was cut for idling) before its request body ended. */
class ClientGone extends Error {
  constructor() {
    super('the client closed the connection before the request body ended');
    this.name = 'ClientGone';
  }
}
const clientGone = () => new ClientGone();

/**
 * A request the server could not read (a body that is not JSON, a URL that
 * is not percent-encoded UTF-8): the client's mistake, so a 4xx naming it.
 */
function unreadableRequest(error: unknown, req: Request): { status: number; message: string } | null {
  const e = error as { type?: string; status?: unknown; expose?: boolean; message?: string };
  if (e?.type === 'entity.parse.failed') return { status: 400, message: `the request body is not valid JSON: ${e.message}` };
  if (error instanceof URIError || (e?.status === 400 && /decode param/i.test(e.message ?? ''))) {
    return { status: 400, message: `the URL ${req.originalUrl.split('?')[0]} is not valid percent-encoded UTF-8: a %-escape is malformed or encodes invalid UTF-8` };
  }
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500 && e.expose) return { status: e.status, message: e.message ?? 'bad request' };
  return null;
}

/** Every /api answer is JSON with a code, an unknown endpoint's too; mounted after every router. */
export function unknownEndpoint(req: Request, res: Response): void {
  res.status(404).json({ error: { code: 'NOT_FOUND', message: `there is no endpoint ${req.method} ${req.originalUrl.split('?')[0]}; the README's HTTP API section lists them` } });
}

/** Domain errors become a status and `{ error: { code, message } }`; anything else is logged and hidden. */
export function httpErrorHandler(error: unknown, req: Request, res: Response, next: NextFunction): void {
  // Nobody is left to answer; the upload has already removed what it wrote.
  if (error instanceof ClientGone || req.socket.destroyed) return;
  if (res.headersSent) return next(error);
  const e = error as { type?: string; status?: number };
  if (e?.type === 'entity.too.large') {
    res.status(413).json({ error: { code: 'BAD_USER_INPUT', message: `the body is larger than the limit of ${MAX_CSV_BYTES} bytes` } });
    return;
  }
  const unreadable = unreadableRequest(error, req);
  if (unreadable) {
    const body = req.originalUrl.startsWith('/graphql')
      ? { errors: [{ message: unreadable.message, extensions: { code: 'BAD_REQUEST' } }] }
      : { error: { code: 'BAD_REQUEST', message: unreadable.message } };
    res.status(unreadable.status).json(body);
    return;
  }
  if (error instanceof DomainError) {
    const tooLarge = error.code === 'BAD_USER_INPUT' && /larger than the limit/.test(error.message);
    res.status(tooLarge ? 413 : httpStatusOf(error.code)).json({ error: { code: error.code, message: error.message, ...detailsForClients(error.details) } });
    return;
  }
  const outage = outageOf(error);
  if (outage) {
    logger.error({ reqId: res.locals.reqId, err: error }, `${outage.code} in HTTP handler`);
    if (outage.retryAfterSeconds !== null) res.setHeader('Retry-After', String(outage.retryAfterSeconds));
    res.status(outage.status).json({ error: { code: outage.code, message: outage.message } });
    return;
  }
  logger.error({ reqId: res.locals.reqId, err: error }, 'unexpected error in HTTP handler');
  res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'internal error; it has been logged' } });
}
