import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MarkdownText } from '../markdown-text';

const render = (text: string, headingLevel?: 1 | 2 | 3 | 4 | 5 | 6) =>
  renderToStaticMarkup(createElement(MarkdownText, { headingLevel, children: text }));

describe('MarkdownText', () => {
  it('formats Markdown: emphasis, code, lists and links', () => {
    const html = render('Answer the questions in `exercise.md` and **add a plot**.\n\n- one\n- two\n\nSee [the data](https://vega.github.io/vega-datasets/).');
    assert.match(html, /<code>exercise\.md<\/code>/);
    assert.match(html, /<strong>add a plot<\/strong>/);
    assert.match(html, /<ul>\s*<li>one<\/li>\s*<li>two<\/li>\s*<\/ul>/);
    assert.match(html, /<a href="https:\/\/vega\.github\.io\/vega-datasets\/">the data<\/a>/);
  });

  it('never passes HTML written in the text through', () => {
    const html = render('Hello <script>alert(1)</script><img src=x onerror="alert(2)"> <b>bold</b>\n\n<div onclick="alert(3)">block</div>');
    assert.doesNotMatch(html, /<script|<img|onerror|onclick|<b>|<div onclick/i);
  });

  it('keeps no unsafe link addresses', () => {
    const html = render('[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) ![x](javascript:alert(2))');
    assert.doesNotMatch(html, /javascript:|data:text/i);
    assert.match(html, />click<\/a>/);
  });

  it('puts headings below the page’s own', () => {
    assert.match(render('# Task\n\n## Part 1'), /<h3>Task<\/h3>\s*<h4>Part 1<\/h4>/);
    assert.match(render('# Task\n\n###### Deep', 5), /<h5>Task<\/h5>\s*<h6>Deep<\/h6>/);
  });
});
