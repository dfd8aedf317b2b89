'use client';

import { useEffect, useRef } from 'react';
import { formatBytes } from '../../../core/format/bytes';
import { FileViewer } from './file-viewer';

export interface OpenedFile {
  name: string;
  /** Its path, to tell files of the same name apart. */
  path: string;
  size: number;
  url: string;
}

/** A file opened from a list: its name, size, download and close, and the file shown; focus moves to it when opened. */
export function FilePanel({ file, onClose, headingLevel = 3 }: { file: OpenedFile; onClose: () => void; headingLevel?: 2 | 3 }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [file.path]);
  const Heading = `h${headingLevel}` as 'h3';
  return (
    <section className="file-panel" aria-label={`${file.name}, opened`}>
      <div className="file-panel__header">
        <Heading ref={heading} tabIndex={-1} className="file-panel__title">
          {file.path}
        </Heading>
        <span className="muted small">{formatBytes(file.size)}</span>
        <a className="button button--secondary button--small" href={file.url} download={file.name}>
          Download
        </a>
        <button type="button" className="button button--ghost button--small" onClick={onClose}>
          Close<span className="visually-hidden"> {file.name}</span>
        </button>
      </div>
      <FileViewer key={file.url} name={file.name} size={file.size} url={file.url} />
    </section>
  );
}
