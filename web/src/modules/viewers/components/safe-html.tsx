'use client';

import DOMPurify from 'dompurify';
import { useMemo } from 'react';

/**
 * Tags and attributes a notebook's HTML output may not bring along on top of
 * DOMPurify's own removals (scripts, event handlers, `javascript:` addresses):
 * nothing that restyles or overlays the page, embeds another document or posts a form.
 */
const FORBID_TAGS = ['style', 'link', 'meta', 'base', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select'];
const FORBID_ATTR = ['style', 'srcset', 'action', 'formaction'];

/** HTML from a hand-in (a notebook's rich output) with everything that could run or escape its box removed. */
export function SafeHtml({ html, label }: { html: string; label: string }) {
  const clean = useMemo(
    () => (DOMPurify.isSupported ? DOMPurify.sanitize(html, { FORBID_TAGS, FORBID_ATTR, ALLOW_DATA_ATTR: false }) : null),
    [html],
  );
  if (clean === null) return <pre className="nb-output">{html}</pre>;
  return <div className="nb-output nb-output--html" role="group" aria-label={label} dangerouslySetInnerHTML={{ __html: clean }} />;
}
