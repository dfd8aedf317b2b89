import { PassThrough } from 'node:stream';
import { type Response, Router } from 'express';
import type { Services } from '../services';
import type { Download } from '../modules/assignments/grade-export.service';
import { attachment, idParam, sendBlob, uploadPreconditions, wildcard, wrap, type AuthedRequest } from './routes';
import { bearerOf } from '../modules/users/session-cookie';

/**
 * Streaming endpoints for grading: feedback files (staff upload and read any
 * student's; a student reads their own once returned), the grade sheet as
 * CSV, Excel and Canvas's gradebook CSV, and all hand-ins as one zip. The services decide access.
 */
export function assignmentRoutes(services: Services): Router {
  const router = Router();
  // Mounted after the general routes the caller is known already; on its own it authenticates itself.
  router.use('/api/assignments', (req, _res, next) => {
    if ('actor' in req) return next();
    services.users.authenticate(bearerOf(req.headers)).then((actor) => {
      (req as AuthedRequest).actor = actor;
      next();
    }, next);
  });

  const feedbackFile = '/api/assignments/:assignmentId/feedback/:studentId/files/*path';

  router.put(
    feedbackFile,
    wrap(async (req, res) => {
      const limit = services.config.maxUploadBytes;
      const preconditions = uploadPreconditions(req, "the feedback's version");
      // As for workspace uploads: the store may abort its source on overflow, so it gets a pipe and the 413 still reaches the client.
      const body = new PassThrough();
      req.pipe(body);
      const result = await services.feedback
        .uploadFeedbackFile(req.actor, idParam(req, 'assignmentId', 'Assignment'), idParam(req, 'studentId', 'User', 'StudentAlias'), wildcard(req), body, { maxBytes: limit, ...preconditions })
        .catch((error: unknown) => {
          req.unpipe(body);
          res.setHeader('Connection', 'close');
          throw error;
        });
      res.status(result.changed ? 201 : 200).json({ path: result.path, hash: result.entry.id, size: result.entry.size, changed: result.changed, version: result.version });
    }),
  );

  router.get(
    feedbackFile,
    wrap(async (req, res) => {
      const { entry, stream } = await services.feedback.openFeedbackFile(req.actor, idParam(req, 'assignmentId', 'Assignment'), idParam(req, 'studentId', 'User', 'StudentAlias'), wildcard(req));
      attachment(res, entry.name, 'application/octet-stream');
      res.setHeader('Content-Length', String(entry.size));
      res.setHeader('ETag', `"${entry.id}"`);
      sendBlob(res, stream);
    }),
  );

  router.get('/api/assignments/:id/grades.csv', wrap(async (req, res) => send(res, await services.gradeExports.gradesCsv(req.actor, idParam(req, 'id', 'Assignment')))));
  router.get('/api/assignments/:id/grades.xlsx', wrap(async (req, res) => send(res, await services.gradeExports.gradesXlsx(req.actor, idParam(req, 'id', 'Assignment')))));
  router.get('/api/assignments/:id/grades-canvas.csv', wrap(async (req, res) => send(res, await services.gradeExports.canvasCsv(req.actor, idParam(req, 'id', 'Assignment')))));
  router.get('/api/assignments/:id/hand-ins.zip', wrap(async (req, res) => send(res, await services.gradeExports.handInsZip(req.actor, idParam(req, 'id', 'Assignment')))));

  return router;
}

/** A download built while it is sent: a failure mid-way can only cut the connection. */
function send(res: Response, download: Download): void {
  attachment(res, download.name, download.type);
  download.stream.on('error', () => res.destroy());
  // A client that goes away stops the work behind the download (and frees the blob it was reading).
  res.on('close', () => {
    if (!res.writableFinished) download.stream.destroy();
  });
  download.stream.pipe(res);
}
