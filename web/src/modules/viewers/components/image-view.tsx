'use client';

import { useEffect, useState } from 'react';
import type { ImageType } from '../viewer-choice';
import { useFileBytes } from './use-file-bytes';

/**
 * An image of a hand-in or workspace, through an <img> from its bytes (the
 * API sends every file as a download), so an SVG is a picture whose scripts never run.
 */
export function ImageView({ url, name, type }: { url: string; name: string; type: ImageType }) {
  const file = useFileBytes(url);
  const [source, setSource] = useState<string | null>(null);
  const bytes = file.state === 'loaded' ? file.bytes : null;
  useEffect(() => {
    if (!bytes) return;
    const address = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
    setSource(address);
    return () => URL.revokeObjectURL(address);
  }, [bytes, type]);
  if (file.state === 'failed') return <p className="error-text">{name}: {file.message}.</p>;
  if (!source) return <p className="muted">Loading {name}…</p>;
  return <img className="image-view" src={source} alt={name} />;
}
