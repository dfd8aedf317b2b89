'use client';

import DOMPurify, { type DOMPurify as Purifier } from 'dompurify';
import { useMemo } from 'react';

/**
 * Tags and attributes a notebook's HTML output may not bring along on top of
 * DOMPurify's own removals (scripts, event handlers, `javascript:` addresses):
 * nothing that restyles or overlays the page, embeds another document or posts a form.
 */
const FORBID_TAGS = ['style', 'link', 'meta', 'base', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select'];
const FORBID_ATTR = ['style', 'srcset', 'action', 'formaction'];

let purifier: Purifier | null = null;

/**
 * A sanitiser of its own (hooks on the shared one would apply to every user):
 * pictures only from the notebook itself (data addresses), so opening a hand-in
 * does not tell a remote server who looked; links open apart from the dashboard.
 */
function purify(): Purifier {
  if (purifier) return purifier;
  purifier = DOMPurify(window);
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.hasAttribute('src') && !/^data:image\//i.test(node.getAttribute('src') ?? '')) node.removeAttribute('src');
    if (node.tagName === 'A' && node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  return purifier;
}

/** HTML from a hand-in (a notebook's rich output) with everything that could run or escape its box removed. */
export function SafeHtml({ html, label }: { html: string; label: string }) {
  const clean = useMemo(
    () => (typeof window !== 'undefined' && DOMPurify.isSupported ? purify().sanitize(html, { FORBID_TAGS, FORBID_ATTR, ALLOW_DATA_ATTR: false }) : null),
    [html],
  );
  if (clean === null) return <pre className="nb-output">{html}</pre>;
  return <div className="nb-output nb-output--html" role="group" aria-label={label} dangerouslySetInnerHTML={{ __html: clean }} />;
}
