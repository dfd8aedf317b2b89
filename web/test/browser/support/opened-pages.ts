import type { Page } from 'playwright-core';
import { screenshot } from './browser';

/**
 * The pages a test opened. After the test each is photographed as it was
 * left (the view to look at when the test failed) as
 * `<prefix>-<test name>-<n>.png`, and closed with its context.
 */
export function openedPages(prefix: string) {
  const pages: Page[] = [];
  return {
    track(page: Page): Page {
      pages.push(page);
      return page;
    },
    async closeAll(testName: string): Promise<void> {
      const slug = testName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 48);
      for (const [index, page] of pages.entries()) {
        await screenshot(page, `${prefix}-${slug}-${index + 1}`).catch(() => undefined);
        await page.context().close();
      }
      pages.length = 0;
    },
  };
}
