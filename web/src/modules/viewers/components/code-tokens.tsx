import type { CSSProperties } from 'react';
import type { HighlightedLine } from '../highlight';

/** One line of code: its coloured tokens when highlighted, else the plain text. Always text nodes, never HTML. */
export function CodeTokens({ tokens, text }: { tokens: HighlightedLine | undefined; text: string }) {
  if (!tokens) return <>{text}</>;
  return (
    <>
      {tokens.map((token, i) => (
        <span key={i} style={token.htmlStyle as CSSProperties | undefined}>
          {token.content}
        </span>
      ))}
    </>
  );
}
