/**
 * A Jupyter notebook (nbformat 4) read into what the viewer shows: cells with
 * their source and outputs. Nothing here renders; rich outputs stay strings
 * for the viewer to show safely.
 */

export type CellType = 'code' | 'markdown' | 'raw';

export type NotebookOutput =
  | { kind: 'stream'; name: string; text: string }
  | { kind: 'error'; name: string; value: string; traceback: string }
  /** execute_result or display_data: MIME type to content (base64 for binary images). */
  | { kind: 'data'; data: Record<string, string> };

export interface NotebookCell {
  /** nbformat 4.5 cell id, when the notebook has them. */
  id: string | null;
  type: CellType;
  source: string;
  executionCount: number | null;
  outputs: NotebookOutput[];
}

export interface Notebook {
  /** The kernel's language, for highlighting code cells. */
  language: string;
  cells: NotebookCell[];
}

/** A notebook that cannot be read, with what was wrong. */
export class NotebookError extends Error {}

/** nbformat stores multi-line strings as a string or as a list of lines. */
function joined(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.filter((part) => typeof part === 'string').join('');
  return '';
}

// Tracebacks carry terminal colour codes.
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;
export const stripAnsi = (text: string): string => text.replace(ANSI, '');

function outputOf(raw: Record<string, unknown>): NotebookOutput | null {
  switch (raw.output_type) {
    case 'stream':
      return { kind: 'stream', name: typeof raw.name === 'string' ? raw.name : 'stdout', text: stripAnsi(joined(raw.text)) };
    case 'error':
      return {
        kind: 'error',
        name: String(raw.ename ?? 'Error'),
        value: String(raw.evalue ?? ''),
        traceback: stripAnsi(Array.isArray(raw.traceback) ? raw.traceback.map(String).join('\n') : ''),
      };
    case 'execute_result':
    case 'display_data': {
      const data: Record<string, string> = {};
      if (raw.data && typeof raw.data === 'object') {
        for (const [type, value] of Object.entries(raw.data as Record<string, unknown>)) {
          data[type] = typeof value === 'string' || Array.isArray(value) ? joined(value) : JSON.stringify(value);
        }
      }
      return { kind: 'data', data };
    }
    default:
      return null;
  }
}

/** Reads a notebook's JSON; throws {@link NotebookError} naming what is wrong. */
export function parseNotebook(text: string): Notebook {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new NotebookError(`not a notebook: the file is not JSON (${(error as Error).message})`);
  }
  const nb = json as { cells?: unknown; nbformat?: unknown; metadata?: { kernelspec?: { language?: unknown }; language_info?: { name?: unknown } } };
  if (!nb || typeof nb !== 'object' || !Array.isArray(nb.cells)) throw new NotebookError('not a notebook: it has no list of cells');
  if (typeof nb.nbformat === 'number' && nb.nbformat < 4) throw new NotebookError(`notebook format ${nb.nbformat} is too old to show; format 4 is needed`);
  const language = nb.metadata?.language_info?.name ?? nb.metadata?.kernelspec?.language;
  const cells = nb.cells.map((raw: Record<string, unknown>): NotebookCell => {
    const type: CellType = raw.cell_type === 'markdown' || raw.cell_type === 'raw' ? raw.cell_type : 'code';
    return {
      id: typeof raw.id === 'string' ? raw.id : null,
      type,
      source: joined(raw.source),
      executionCount: typeof raw.execution_count === 'number' ? raw.execution_count : null,
      outputs: Array.isArray(raw.outputs) ? raw.outputs.flatMap((o) => (o && typeof o === 'object' ? [outputOf(o)].filter((x) => x !== null) : [])) : [],
    };
  });
  return { language: typeof language === 'string' ? language.toLowerCase() : 'python', cells };
}

/** Image MIME types shown as pictures, richest first; each only ever through an <img>. */
export const IMAGE_OUTPUTS = ['image/png', 'image/jpeg', 'image/gif', 'image/svg+xml'] as const;

/**
 * An output as text, for comparing two versions of a cell: streams, plain
 * text results and errors as they read; an image by its type and size.
 */
export function outputText(output: NotebookOutput): string {
  switch (output.kind) {
    case 'stream':
      return output.text;
    case 'error':
      return `${output.name}: ${output.value}\n`;
    case 'data': {
      const image = IMAGE_OUTPUTS.find((type) => type in output.data);
      if (image) return `[${image}, ${output.data[image].length} characters]\n`;
      const text = output.data['text/plain'] ?? output.data['text/markdown'] ?? (output.data['text/html'] ? '[text/html]' : '');
      return text.endsWith('\n') || !text ? text : `${text}\n`;
    }
  }
}
