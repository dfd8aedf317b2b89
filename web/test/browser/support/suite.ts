import { after, afterEach, before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { demoEmail, launchChromium, openPage, screenshot, signIn, type PageOptions } from './browser';
import { startStack, type Stack, type StackOptions } from './stack';

export interface BrowserSuite {
  /** The running API and dashboard (set once the suite's `before` ran). */
  readonly stack: Stack;
  /** A page in a context of its own, photographed and closed after the test. */
  newPage(options?: PageOptions): Promise<Page>;
  /** A new page signed in as the demo account `first@demo.stagecoach.test`. */
  pageFor(first: string, options?: PageOptions): Promise<Page>;
}

/**
 * Call inside `describe`: starts the stack and Chromium before the tests and
 * stops them after. Every page a test opened (and each further tab of its context) is photographed as it was left
 * (`<prefix>-<test>-<n>.png`, the view to look at when the test failed) and
 * closed with its context.
 */
export function browserSuite(prefix = 'end', stackOptions: StackOptions = {}): BrowserSuite {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  const opened: Page[] = [];

  before(async () => {
    stack = await startStack(stackOptions);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  afterEach(async (t) => {
    const slug = t.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 48);
    // Every tab of each context a test opened (a test may open a second tab in the same context).
    const pages = opened.flatMap((page) => page.context().pages());
    for (const [index, page] of pages.entries()) await screenshot(page, `${prefix}-${slug}-${index + 1}`).catch(() => undefined);
    for (const page of opened) await page.context().close();
    opened.length = 0;
  });

  const started = () => {
    if (!stack || !browser) throw new Error('the browser suite has not started: call browserSuite() inside describe');
    return { stack, browser };
  };

  const suite: BrowserSuite = {
    get stack() {
      return started().stack;
    },
    async newPage(options) {
      const { stack: s, browser: b } = started();
      const page = await openPage(b, s.webUrl, options);
      opened.push(page);
      return page;
    },
    async pageFor(first, options) {
      const page = await suite.newPage(options);
      await signIn(page, demoEmail(first));
      return page;
    },
  };
  return suite;
}
