import { encodePathForUrl } from '../workspaces/workspace-paths';

/** A file of a sealed hand-in. */
export const handInFileUrl = (handInId: string, path: string): string =>
  `/api/hand-ins/${encodeURIComponent(handInId)}/files/${encodePathForUrl(path)}`;

/** A file of a hand-in as the assignment's material had it, to compare with the handed-in one. */
export const handInMaterialUrl = (handInId: string, path: string): string =>
  `/api/hand-ins/${encodeURIComponent(handInId)}/material/${encodePathForUrl(path)}`;

/** A feedback file of a student (PUT to upload, GET to download). */
export const feedbackFileUrl = (assignmentId: string, studentId: string, path: string): string =>
  `/api/assignments/${encodeURIComponent(assignmentId)}/feedback/${encodeURIComponent(studentId)}/files/${encodePathForUrl(path)}`;

export const gradesExportUrl = (assignmentId: string, format: 'csv' | 'xlsx'): string =>
  `/api/assignments/${encodeURIComponent(assignmentId)}/grades.${format}`;

/** The grades in the layout of Canvas's gradebook import. */
export const canvasGradebookUrl = (assignmentId: string): string => `/api/assignments/${encodeURIComponent(assignmentId)}/grades-canvas.csv`;

export const handInsZipUrl = (assignmentId: string): string => `/api/assignments/${encodeURIComponent(assignmentId)}/hand-ins.zip`;

export const studentGradingHref = (assignmentId: string, studentId: string): string =>
  `/assignments/${encodeURIComponent(assignmentId)}/students/${encodeURIComponent(studentId)}`;
