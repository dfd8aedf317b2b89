import { useMemo, type ComponentPropsWithoutRef } from 'react';
import Markdown, { defaultUrlTransform, type Components } from 'react-markdown';

type Level = 1 | 2 | 3 | 4 | 5 | 6;

/** A refused address is dropped rather than left empty, so a `javascript:` link is plain text, not a link back to this page. */
const safeUrl = (url: string): string | undefined => defaultUrlTransform(url) || undefined;

/** Markdown's # … ###### as headings below the page's own, from `top` down. */
function headingComponents(top: Level): Components {
  const at = (depth: number) => {
    const Tag = `h${Math.min(6, top + depth - 1)}` as 'h1';
    return function Heading({ node: _node, ...props }: ComponentPropsWithoutRef<'h1'> & { node?: unknown }) {
      return <Tag {...props} />;
    };
  };
  return { h1: at(1), h2: at(2), h3: at(3), h4: at(4), h5: at(5), h6: at(6) };
}

interface MarkdownTextProps {
  children: string;
  /** The heading level Markdown's top heading (#) becomes, below the headings around it. */
  headingLevel?: Level;
  className?: string;
}

/**
 * Text written in Markdown (assignment instructions) shown formatted. It is
 * built as React elements, never inserted as HTML: HTML written in the text is
 * dropped, and links and images keep only safe addresses (http, https, mailto,
 * relative), so a `javascript:` or `data:` link is left as plain text.
 */
export function MarkdownText({ children, headingLevel = 3, className = 'markdown' }: MarkdownTextProps) {
  const components = useMemo(() => headingComponents(headingLevel), [headingLevel]);
  return (
    <div className={className}>
      <Markdown skipHtml components={components} urlTransform={safeUrl}>
        {children}
      </Markdown>
    </div>
  );
}
