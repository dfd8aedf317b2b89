import { MarkdownText } from '../../ui/components/markdown-text';
import { IMAGE_OUTPUTS, type NotebookOutput } from '../notebook';
import { SafeHtml } from './safe-html';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * An image output as a data address for an <img>, where an SVG's scripts
 * never run; `null` when the base64 is damaged.
 */
export function imageSource(type: (typeof IMAGE_OUTPUTS)[number], content: string): string | null {
  if (type === 'image/svg+xml') return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(content)}`;
  const base64 = content.replace(/\s+/g, '');
  return BASE64.test(base64) ? `data:${type};base64,${base64}` : null;
}

/** One output of a code cell, the richest form it carries that can be shown safely. */
export function NotebookOutputView({ output, cellLabel }: { output: NotebookOutput; cellLabel: string }) {
  switch (output.kind) {
    case 'stream':
      return <pre className={`nb-output nb-output--${output.name === 'stderr' ? 'stderr' : 'stream'}`}>{output.text}</pre>;
    case 'error':
      return (
        <pre className="nb-output nb-output--error">
          {output.name}: {output.value}
          {output.traceback ? `\n${output.traceback}` : ''}
        </pre>
      );
    case 'data': {
      const image = IMAGE_OUTPUTS.find((type) => type in output.data);
      if (image) {
        const src = imageSource(image, output.data[image]);
        return src ? (
          <img className="nb-output nb-output--image" src={src} alt={`Image output of ${cellLabel}`} />
        ) : (
          <p className="hint">An image output of this cell could not be read.</p>
        );
      }
      if ('text/html' in output.data) return <SafeHtml html={output.data['text/html']} label={`HTML output of ${cellLabel}`} />;
      if ('text/markdown' in output.data) return <MarkdownText className="markdown nb-output">{output.data['text/markdown']}</MarkdownText>;
      const text = output.data['text/plain'] ?? output.data['application/json'];
      return text !== undefined ? <pre className="nb-output">{text}</pre> : <p className="hint">An output of type {Object.keys(output.data).join(', ') || 'none'} that cannot be shown here.</p>;
    }
  }
}
