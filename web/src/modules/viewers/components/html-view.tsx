'use client';

import { useState } from 'react';
import { CodeView } from './code-view';

/** Keeps the drawn page from fetching anything: no tracking pixels, remote scripts or styles. */
const NOTHING_REMOTE = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`;

/**
 * An HTML file: its source, and on request the page drawn in a sandbox with
 * no scripts, forms, plugins or access to the dashboard.
 */
export function HtmlView({ text, name }: { text: string; name: string }) {
  const [rendered, setRendered] = useState(false);
  return (
    <div className="html-view">
      <div className="line-diff__toolbar">
        <button type="button" className="button button--secondary button--small" aria-pressed={rendered} onClick={() => setRendered(!rendered)}>
          Show the page (scripts off)
        </button>
      </div>
      {rendered ? (
        <iframe className="html-view__frame" sandbox="" srcDoc={NOTHING_REMOTE + text} title={`${name}, drawn without scripts`} referrerPolicy="no-referrer" />
      ) : (
        <CodeView code={text} language="html" label={name} />
      )}
    </div>
  );
}
