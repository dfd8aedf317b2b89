import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { PageFallback } from '../page-fallback';

const WORDING = { NOT_FOUND: 'This workspace does not exist, or you cannot see it.' };

const render = (error: CombinedError | undefined, answered: boolean) =>
  renderToStaticMarkup(createElement(PageFallback, { title: 'Workspace', error, answered, wording: WORDING, onRetry: () => undefined, loadingText: 'Loading the workspace…' }));

const notFound = () =>
  new CombinedError({ graphQLErrors: [new GraphQLError("workspace 'x' not found", { path: ['workspace'], extensions: { code: 'NOT_FOUND' } })] });

describe('PageFallback', () => {
  it('says it is loading until the query has answered', () => {
    const html = render(undefined, false);
    assert.match(html, /Loading the workspace…/);
    assert.doesNotMatch(html, /role="alert"/);
  });

  it("shows the page's not-found words for a lookup answered null with NOT_FOUND, without offering to try again", () => {
    const html = render(notFound(), true);
    assert.match(html, /<h1>Workspace<\/h1>/);
    assert.match(html, /role="alert"[^>]*><p>This workspace does not exist, or you cannot see it\.<\/p>/);
    assert.doesNotMatch(html, /Try again|Loading/);
    assert.doesNotMatch(html, /not found/, "the server's own words are not shown for NOT_FOUND");
  });

  it('shows an answer without the object as not found even when no error came with it, never as loading', () => {
    const html = render(undefined, true);
    assert.match(html, /This workspace does not exist, or you cannot see it\./);
    assert.doesNotMatch(html, /Loading/);
  });

  it('offers to try again when the server could not be reached', () => {
    const html = render(new CombinedError({ networkError: new Error('offline') }), false);
    assert.match(html, /cannot be reached/);
    assert.match(html, /Try again/);
  });
});
