'use client';

import { useId, useState } from 'react';

/** A read-only value (an invitation link) with a button that copies it. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-field">
        <input id={id} readOnly value={value} onFocus={(e) => e.target.select()} />
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(value).then(() => setCopied(true));
          }}
        >
          Copy
        </button>
      </div>
      <span role="status" className="muted">
        {copied ? 'Copied to the clipboard.' : ''}
      </span>
    </div>
  );
}
