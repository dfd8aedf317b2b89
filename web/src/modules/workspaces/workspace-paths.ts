/**
 * Paths inside a workspace state: `files/...`, `tables/<name>`,
 * `applications/<name>`; '' is the root holding the three areas.
 */

export type Area = 'files' | 'tables' | 'applications';
export const AREAS: readonly Area[] = ['files', 'tables', 'applications'];

export function segmentsOf(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
}

/** Removes empty segments and surrounding slashes: ' /files//a/ ' → 'files/a'. */
export function normalisePath(path: string): string {
  return segmentsOf(path.trim()).join('/');
}

export function joinPath(parent: string, name: string): string {
  return normalisePath(parent ? `${parent}/${name}` : name);
}

/** The folder holding `path`; '' for an area or the root. */
export function parentOf(path: string): string {
  return segmentsOf(path).slice(0, -1).join('/');
}

export function baseName(path: string): string {
  const segments = segmentsOf(path);
  return segments[segments.length - 1] ?? '';
}

/** The area a path lies in, or null for the root or a path outside the three areas. */
export function areaOf(path: string): Area | null {
  const first = segmentsOf(path)[0];
  return (AREAS as readonly string[]).includes(first ?? '') ? (first as Area) : null;
}

export interface Crumb {
  label: string;
  path: string;
}

/** One crumb per folder from the root down to `path`, each with the path it opens. */
export function breadcrumbs(path: string): Crumb[] {
  const segments = segmentsOf(path);
  return segments.map((label, index) => ({ label, path: segments.slice(0, index + 1).join('/') }));
}

/** A path for a URL: each segment percent-encoded, the slashes kept. */
export function encodePathForUrl(path: string): string {
  return segmentsOf(path).map(encodeURIComponent).join('/');
}

/** `name` with a number before its extension, for keeping both: `report.csv` → `report (2).csv`, `.env` → `.env (2)`. */
export function numberedName(name: string, n: number): string {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return `${name} (${n})`;
  return `${name.slice(0, dot)} (${n})${name.slice(dot)}`;
}

/** Why `name` cannot name an entry, or null when it can. The server judges again; this saves a round trip. */
export function nameProblem(name: string): string | null {
  if (!name.trim()) return 'Enter a name.';
  if (name.includes('/')) return 'A name cannot contain "/".';
  if (name === '.' || name === '..') return 'A name cannot be "." or "..".';
  if (name !== name.trim()) return 'A name cannot start or end with a space.';
  return null;
}

/**
 * The file API's address of a path in the files area (downloads and uploads):
 * `files/a b/r.csv` is `/api/workspaces/<id>/files/a%20b/r.csv`, the area not
 * named twice. A top-level folder that is itself called like an area is
 * marked `literal`, so the API does not read it as the old address form.
 */
export function downloadUrl(workspaceId: string, path: string, snapshotId?: string | null): string {
  const rest = path.replace(/^files(\/|$)/, '');
  const params = new URLSearchParams();
  if (snapshotId) params.set('snapshot', snapshotId);
  if ((AREAS as readonly string[]).includes(rest.split('/')[0]!)) params.set('literal', '');
  const query = params.size > 0 ? `?${params.toString()}` : '';
  return `/api/workspaces/${encodeURIComponent(workspaceId)}/files${rest ? `/${encodePathForUrl(rest)}` : ''}${query}`;
}

export function zipUrl(workspaceId: string, path: string, snapshotId?: string | null): string {
  const query = snapshotId ? `?snapshot=${encodeURIComponent(snapshotId)}` : '';
  const tail = encodePathForUrl(path);
  return `/api/workspaces/${encodeURIComponent(workspaceId)}/zip${tail ? `/${tail}` : ''}${query}`;
}

/** The browser's address for a folder or object of a workspace, optionally in a snapshot. */
export function browserHref(workspaceId: string, path = '', snapshotId?: string | null): string {
  const params = new URLSearchParams();
  if (path) params.set('path', path);
  if (snapshotId) params.set('snapshot', snapshotId);
  const query = params.toString();
  return `/workspaces/${encodeURIComponent(workspaceId)}${query ? `?${query}` : ''}`;
}
