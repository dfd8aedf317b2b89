'use client';

import { useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { Pager } from '../../ui/components/pager';
import { useFileBytes } from './use-file-bytes';

type PdfJs = typeof import('pdfjs-dist');
let pdfjs: Promise<PdfJs> | null = null;

/** pdf.js, loaded the first time a PDF is opened, with its worker built into the dashboard's own files. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist').then((lib) => {
    lib.GlobalWorkerOptions.workerPort = new Worker(new URL('pdfjs-dist/build/pdf.worker.min.mjs', import.meta.url), { type: 'module' });
    return lib;
  });
  return pdfjs;
}

/** A PDF drawn page by page with pdf.js (no scripts, no forms: only what the pages show). */
export function PdfView({ url, name }: { url: string; name: string }) {
  const file = useFileBytes(url);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [drawn, setDrawn] = useState(0);
  const canvas = useRef<HTMLCanvasElement>(null);
  const bytes = file.state === 'loaded' ? file.bytes : null;

  useEffect(() => {
    if (!bytes) return;
    let cancelled = false;
    let destroy: (() => Promise<void>) | null = null;
    loadPdfJs()
      .then((lib) => {
        // pdf.js takes the buffer over; give it a copy so the bytes stay readable.
        const task = lib.getDocument({ data: bytes.slice(), enableXfa: false });
        destroy = () => task.destroy();
        return task.promise;
      })
      .then((loaded) => {
        if (cancelled) return;
        setDoc(loaded);
        setPage(1);
      })
      .catch((error: Error) => {
        if (!cancelled) setFailure(`${name} cannot be shown: ${error.message}`);
      });
    return () => {
      cancelled = true;
      void destroy?.();
    };
  }, [bytes, name]);

  useEffect(() => {
    const target = canvas.current;
    if (!doc || !target) return;
    let task: { cancel(): void; promise: Promise<void> } | null = null;
    let cancelled = false;
    void doc.getPage(page).then((p) => {
      if (cancelled) return;
      const width = target.parentElement?.clientWidth || 800;
      const scale = Math.min(2, width / p.getViewport({ scale: 1 }).width);
      const ratio = window.devicePixelRatio || 1;
      const viewport = p.getViewport({ scale: scale * ratio });
      target.width = Math.floor(viewport.width);
      target.height = Math.floor(viewport.height);
      target.style.width = `${Math.floor(viewport.width / ratio)}px`;
      task = p.render({ canvas: target, viewport });
      task.promise.then(
        () => !cancelled && setDrawn(page),
        () => undefined,
      );
    });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, page]);

  if (file.state === 'failed') return <p className="error-text">{name}: {file.message}.</p>;
  if (failure) return <p className="error-text">{failure}.</p>;
  return (
    <div className="pdf-view">
      {!doc ? <p className="muted">Loading {name}…</p> : null}
      <div className="pdf-view__page">
        <canvas ref={canvas} role="img" aria-label={doc ? `Page ${page} of ${doc.numPages} of ${name}` : name} data-drawn-page={drawn || undefined} />
      </div>
      {doc ? (
        <Pager
          label={`Pages of ${name}`}
          page={page}
          pages={doc.numPages}
          hasPrevious={page > 1}
          hasNext={page < doc.numPages}
          onPrevious={() => setPage(page - 1)}
          onNext={() => setPage(page + 1)}
        />
      ) : null}
    </div>
  );
}
