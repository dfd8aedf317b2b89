import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { OUTPUT_DIR } from './stack';

export const CHROMIUM = '/usr/bin/chromium';
export const DEMO_PASSWORD = 'stagecoach-demo';
export const demoEmail = (first: string) => `${first}@demo.stagecoach.test`;

const SCREENSHOTS = path.join(OUTPUT_DIR, 'screenshots');

/** Headless Chromium from the system; every context it opens starts with an empty profile. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface PageOptions {
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
}

/** A page in a context of its own: one person, with their own cookies. */
export async function openPage(browser: Browser, baseURL: string, options: PageOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
  });
  context.setDefaultTimeout(20_000);
  return context.newPage();
}

/** Signs in through the form, as a person would, and waits for the list of spaces. */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your spaces' }).waitFor();
}

export async function openCourse(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Data Analysis 101' }).click();
  await page.getByRole('heading', { level: 1, name: 'Data Analysis 101' }).waitFor();
}

/** Saves what the page shows as test-output/screenshots/<name>.png: the whole page, or with `fullPage: false` the viewport. */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // What the page draws after the last scroll or change: parts drawn only near the screen (content-visibility) come a frame later.
  await page.evaluate(() => new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn))));
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}

/**
 * Marks the loaded document; `assertNotReloaded` then proves that what
 * appeared since came over the live connection, not from loading the page again.
 */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __stillLoaded?: boolean }).__stillLoaded = true;
  });
}

export async function assertNotReloaded(page: Page): Promise<void> {
  const marked = await page.evaluate(() => (window as unknown as { __stillLoaded?: boolean }).__stillLoaded === true);
  if (!marked) throw new Error('the page was loaded again; the change should have arrived live');
}

/** Runs axe on the page as it is and fails on serious or critical violations, naming each. */
export async function assertAccessible(page: Page, name: string): Promise<void> {
  await screenshot(page, `a11y-${name}`);
  const { violations } = await new AxeBuilder({ page }).analyze();
  const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (severe.length === 0) return;
  const lines = severe.map(
    (v) => `  ${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    at ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`).join('\n')}`,
  );
  throw new Error(`${name}: ${severe.length} serious or critical accessibility violations\n${lines.join('\n')}`);
}
