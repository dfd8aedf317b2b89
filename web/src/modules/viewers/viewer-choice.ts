/**
 * Which viewer shows a file, decided from its name and size alone (the API
 * serves every file as bytes), so the choice is made before anything is read.
 */

/** Text, source code, Markdown, notebooks and tables above this are offered for download only. */
export const TEXT_LIMIT = 2 * 1024 * 1024;
/** Images and PDFs above this are offered for download only. */
export const MEDIA_LIMIT = 20 * 1024 * 1024;
/** Notebooks above this are offered for download only: most of a large notebook is its images' base64, not text to lay out. */
export const NOTEBOOK_LIMIT = MEDIA_LIMIT;

export type ImageType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'image/svg+xml';

export type ViewerChoice =
  | { kind: 'code'; language: string | null }
  | { kind: 'markdown' }
  | { kind: 'notebook' }
  | { kind: 'table'; delimiter: ',' | '\t' }
  | { kind: 'html' }
  | { kind: 'image'; type: ImageType }
  /** A name that says nothing: shown as text when its bytes turn out to be text. */
  | { kind: 'unknown' }
  | { kind: 'pdf' }
  | { kind: 'binary' }
  | { kind: 'too-large'; limit: number };

/** Highlighting grammar by extension (shiki's language ids); `null` is plain text with line numbers. */
const LANGUAGES: Record<string, string | null> = {
  py: 'python',
  pyw: 'python',
  r: 'r',
  jl: 'julia',
  m: 'matlab',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'jsx',
  ts: 'typescript',
  tsx: 'tsx',
  json: 'json',
  sql: 'sql',
  sh: 'shellscript',
  bash: 'shellscript',
  yml: 'yaml',
  yaml: 'yaml',
  toml: 'toml',
  ini: 'ini',
  cfg: 'ini',
  css: 'css',
  tex: 'latex',
  java: 'java',
  c: 'c',
  h: 'c',
  cpp: 'cpp',
  cc: 'cpp',
  hpp: 'cpp',
  go: 'go',
  rs: 'rust',
  xml: 'xml',
  txt: null,
  log: null,
  out: null,
};

/** Files known by their whole name. */
const NAMED: Record<string, string | null> = {
  makefile: 'make',
  dockerfile: 'docker',
  'requirements.txt': null,
  license: null,
  readme: null,
};

const IMAGES: Record<string, ImageType> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
};

const BINARY = new Set(['zip', 'gz', 'tgz', 'tar', '7z', 'rar', 'exe', 'dll', 'so', 'bin', 'pyc', 'pkl', 'pickle', 'npy', 'npz', 'h5', 'hdf5', 'parquet', 'feather', 'sqlite', 'db', 'docx', 'xlsx', 'pptx', 'doc', 'xls', 'ppt', 'odt', 'ods', 'mp3', 'mp4', 'wav', 'mov', 'avi', 'bmp', 'tif', 'tiff', 'ico', 'woff', 'woff2', 'ttf', 'class', 'jar', 'o']);

/** The extension in lower case, without the dot ('' for none or a leading-dot name such as `.gitignore`). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** The highlighting grammar for a file name, `null` when it has none. */
export function languageOf(name: string): string | null {
  const lower = name.toLowerCase();
  if (lower in NAMED) return NAMED[lower];
  const ext = extensionOf(name);
  if (ext === 'md' || ext === 'markdown' || ext === 'rmd') return 'markdown';
  if (ext === 'html' || ext === 'htm') return 'html';
  if (ext === 'svg') return 'xml';
  return LANGUAGES[ext] ?? null;
}

/** The viewer for a file of this name and size in bytes. */
export function chooseViewer(name: string, size: number): ViewerChoice {
  const choice = byName(name);
  const limit = choice.kind === 'image' || choice.kind === 'pdf' ? MEDIA_LIMIT : choice.kind === 'notebook' ? NOTEBOOK_LIMIT : choice.kind === 'binary' ? Infinity : TEXT_LIMIT;
  return size > limit ? { kind: 'too-large', limit } : choice;
}

function byName(name: string): ViewerChoice {
  const lower = name.toLowerCase();
  if (lower in NAMED) return { kind: 'code', language: NAMED[lower] };
  const ext = extensionOf(name);
  if (ext === 'ipynb') return { kind: 'notebook' };
  if (ext === 'md' || ext === 'markdown') return { kind: 'markdown' };
  if (ext === 'csv') return { kind: 'table', delimiter: ',' };
  if (ext === 'tsv' || ext === 'tab') return { kind: 'table', delimiter: '\t' };
  if (ext === 'html' || ext === 'htm') return { kind: 'html' };
  if (ext === 'pdf') return { kind: 'pdf' };
  if (ext in IMAGES) return { kind: 'image', type: IMAGES[ext] };
  if (ext in LANGUAGES || ext === 'rmd') return { kind: 'code', language: languageOf(name) };
  if (BINARY.has(ext)) return { kind: 'binary' };
  return { kind: 'unknown' };
}

/**
 * Text as a person would read it, or `null` for bytes that are not text:
 * a NUL in the first 8 KiB or bytes that are not UTF-8.
 */
export function decodeText(bytes: Uint8Array): string | null {
  if (bytes.subarray(0, 8192).includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
