'use client';

import dynamic from 'next/dynamic';
import { formatBytes } from '../../../core/format/bytes';
import { chooseViewer, decodeText, type ViewerChoice } from '../viewer-choice';
import { CodeView } from './code-view';
import { HtmlView } from './html-view';
import { ImageView } from './image-view';
import { useFileBytes } from './use-file-bytes';

// The viewers with large libraries (Markdown, sanitiser, CSV parser, pdf.js) load when a file needs them, not with the page.
const loading = () => <p className="muted">Loading the viewer…</p>;
const MarkdownText = dynamic(() => import('../../ui/components/markdown-text').then((m) => m.MarkdownText), { ssr: false, loading });
const NotebookView = dynamic(() => import('./notebook-view').then((m) => m.NotebookView), { ssr: false, loading });
const TableView = dynamic(() => import('./table-view').then((m) => m.TableView), { ssr: false, loading });
const PdfView = dynamic(() => import('./pdf-view').then((m) => m.PdfView), { ssr: false, loading });

interface FileViewerProps {
  name: string;
  size: number;
  /** Where the API serves the file's bytes. */
  url: string;
}

/** A file that is not shown: why, its size, and the download. */
function NotShown({ children, url, name }: { children: string; url: string; name: string }) {
  return (
    <div className="file-viewer__unshown">
      <p>{children}</p>
      <a className="button button--secondary" href={url} download={name}>
        Download {name}
      </a>
    </div>
  );
}

type TextChoice = Exclude<ViewerChoice, { kind: 'image' | 'pdf' | 'binary' | 'too-large' }>;

/** A file read as text, then shown by the viewer its name chose; bytes that are not text are offered for download. */
function TextFileView({ choice, name, size, url }: FileViewerProps & { choice: TextChoice }) {
  const file = useFileBytes(url);
  if (file.state === 'loading') return <p className="muted">Loading {name}…</p>;
  if (file.state === 'failed') return <p className="error-text">{name}: {file.message}.</p>;
  const text = decodeText(file.bytes);
  if (text === null) {
    return (
      <NotShown url={url} name={name}>
        {`${name} is not text and cannot be shown here (${formatBytes(size)}).`}
      </NotShown>
    );
  }
  switch (choice.kind) {
    case 'markdown':
      return <MarkdownText className="markdown file-viewer__markdown">{text}</MarkdownText>;
    case 'notebook':
      return <NotebookView text={text} name={name} />;
    case 'table':
      return <TableView text={text} delimiter={choice.delimiter} name={name} />;
    case 'html':
      return <HtmlView text={text} name={name} />;
    case 'code':
      return <CodeView code={text} language={choice.language} label={name} />;
    case 'unknown':
      return <CodeView code={text} language={null} label={name} />;
  }
}

/**
 * A file shown where it is listed: code highlighted with line numbers,
 * Markdown and notebooks rendered, tables as a paged grid, images and PDFs
 * drawn. Nothing in a file runs: HTML and SVG are only ever sanitised, drawn
 * in a sandbox without scripts or shown through an <img>.
 */
export function FileViewer({ name, size, url }: FileViewerProps) {
  const choice = chooseViewer(name, size);
  return (
    <div className={`file-viewer file-viewer--${choice.kind}`}>
      {choice.kind === 'too-large' ? (
        <NotShown url={url} name={name}>
          {`${name} is too large to show here (${formatBytes(size)}; files up to ${formatBytes(choice.limit)} are shown).`}
        </NotShown>
      ) : choice.kind === 'binary' ? (
        <NotShown url={url} name={name}>
          {`${name} cannot be shown here (${formatBytes(size)}).`}
        </NotShown>
      ) : choice.kind === 'image' ? (
        <ImageView url={url} name={name} type={choice.type} />
      ) : choice.kind === 'pdf' ? (
        <PdfView url={url} name={name} />
      ) : (
        <TextFileView choice={choice} name={name} size={size} url={url} />
      )}
    </div>
  );
}
