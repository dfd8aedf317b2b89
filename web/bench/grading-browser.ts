/**
 * The browser half of the grading benchmark (`npm run bench -- grading`):
 * the server's benchmark seeds a course in-process and starts this script
 * with the API's address, a grader's session and what it seeded
 * (GRADING_BENCH_SETUP, JSON); this script starts the built dashboard
 * against that API, drives Chromium through the grading page and writes the
 * raw timings (milliseconds, from the page's own clock) to GRADING_BENCH_OUT.
 * The server's side summarises and prints them.
 */
import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot } from '../test/browser/support/browser';
import { startWeb } from '../test/browser/support/stack';
import type { DiffRun, GradingBenchResult, GradingBenchSetup, NotebookCase, NotebookRun, WalkCase, WalkResult } from '../../server/src/bench/grading-types';

/** What the page records about itself; installed before every measured step. */
interface Probe {
  /** When the watched elements were first all on the page (a React commit), and the frame after it. */
  shownAt?: number;
  paintedAt?: number;
  /** The same for a later milestone, when one is watched. */
  laterPaintedAt?: number;
  /** Long tasks (over 50 ms) since the probe was armed: start and duration. */
  longTasks: { start: number; duration: number }[];
  /** Per key press: from the event's time stamp to the frame after its handlers. */
  inputs: number[];
  /** The time stamp of the last Alt+N / click that started a step. */
  startedAt?: number;
}

type ProbeWindow = Window & { __probe: Probe };

/** An element the page must show: found by `selector`, with exactly `text` or containing `contains` when given. */
interface Shown {
  selector: string;
  text?: string;
  contains?: string;
}

/**
 * Arms the page: a long-task observer, input latencies, and a watch for the
 * moment every one of `shown` is on the page (and, when given, every one of `later`).
 */
async function arm(page: Page, shown: Shown[], later: Shown[] = []): Promise<void> {
  await page.evaluate(
    ({ shown, later }) => {
      const w = window as unknown as ProbeWindow;
      const probe: Probe = { longTasks: [], inputs: [] };
      w.__probe = probe;
      const afterFrame = (then: () => void) => requestAnimationFrame(() => setTimeout(then, 0));
      const found = (all: Shown[]) =>
        all.every(({ selector, text, contains }) =>
          [...document.querySelectorAll(selector)].some((element) => {
            const content = element.textContent?.trim() ?? '';
            return (text === undefined || content === text) && (contains === undefined || content.includes(contains));
          }),
        );
      let laterShown = later.length === 0;
      if (laterShown) probe.laterPaintedAt = 0;
      const watch = new MutationObserver(() => {
        if (probe.shownAt === undefined && found(shown)) {
          probe.shownAt = performance.now();
          afterFrame(() => (probe.paintedAt = performance.now()));
        }
        if (!laterShown && found(later)) {
          laterShown = true;
          afterFrame(() => (probe.laterPaintedAt = performance.now()));
        }
        if (probe.shownAt !== undefined && laterShown) watch.disconnect();
      });
      watch.observe(document.body, { childList: true, subtree: true, characterData: true });
      new PerformanceObserver((list) => {
        if (w.__probe !== probe) return;
        for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask' });
      document.addEventListener(
        'keydown',
        (event) => {
          if (w.__probe !== probe) return;
          if (event.altKey) probe.startedAt = event.timeStamp;
          else afterFrame(() => probe.inputs.push(performance.now() - event.timeStamp));
        },
        { capture: true },
      );
      document.addEventListener('click', (event) => (probe.startedAt ??= event.timeStamp), { capture: true, once: true });
    },
    { shown, later },
  );
}

async function probe(page: Page): Promise<Probe> {
  return page.evaluate(() => (window as unknown as ProbeWindow).__probe);
}

async function painted(page: Page, timeout = 60_000): Promise<Probe> {
  await page.waitForFunction(
    () => {
      const p = (window as unknown as ProbeWindow).__probe;
      return p.paintedAt !== undefined && p.laterPaintedAt !== undefined;
    },
    null,
    { timeout, polling: 50 },
  );
  return probe(page);
}

const longest = (p: Probe, from: number) => Math.max(0, ...p.longTasks.filter((t) => t.start + t.duration > from).map((t) => t.duration));

async function newPage(browser: Browser, webUrl: string, setup: GradingBenchSetup): Promise<Page> {
  const context = await browser.newContext({ baseURL: webUrl, viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(60_000);
  await context.addCookies([{ name: setup.session.name, value: setup.session.value, url: webUrl }]);
  return context.newPage();
}

async function openStudent(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url);
  try {
    await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  } catch (error) {
    await screenshot(page, 'bench-grading-failed');
    throw error;
  }
}

/** Opens a notebook from the hand-in's file list: from the response's last byte to its last cell in the page. */
async function measureNotebook(browser: Browser, webUrl: string, setup: GradingBenchSetup, notebook: NotebookCase, run: number): Promise<NotebookRun> {
  const page = await newPage(browser, webUrl, setup);
  try {
    await openStudent(page, setup.handIn.url, setup.handIn.studentName);
    const files = page.locator('section[aria-labelledby="hand-in-files-heading"]');
    for (const folder of notebook.folders) await files.getByRole('button', { name: folder, exact: true }).click();
    const button = files.getByRole('button', { name: notebook.fileName, exact: true });
    await button.waitFor();
    await arm(page, [{ selector: `.notebook article[aria-label^="Cell ${notebook.cells},"]` }]);
    await button.click();
    const p = await painted(page);
    const arrived = await page.evaluate((name) => {
      const entry = performance
        .getEntriesByType('resource')
        .filter((e) => decodeURIComponent(e.name).includes(name))
        .at(-1) as PerformanceResourceTiming | undefined;
      return entry ? { responseEnd: entry.responseEnd, bytes: entry.decodedBodySize } : null;
    }, notebook.fileName);
    if (!arrived) throw new Error(`no resource timing for ${notebook.fileName}`);
    const cells = await page.locator('.notebook article.nb-cell').count();
    if (cells !== notebook.cells) throw new Error(`${notebook.fileName}: ${cells} cells shown, ${notebook.cells} expected`);
    const images = await page.locator('.notebook img.nb-output--image').count();
    // Highlighting follows the first render; how long until every code cell is coloured.
    await page.waitForFunction(() => document.querySelectorAll('.notebook .code-view[data-highlighted="false"]').length === 0, null, { polling: 50 });
    const highlightedAt = await page.evaluate(() => performance.now());
    if (run === 0) {
      // The viewport at the notebook's start and at its last cell: the whole page would be tens of thousands of pixels tall.
      await page.getByRole('region', { name: `${notebook.fileName}, opened` }).scrollIntoViewIfNeeded();
      await screenshot(page, `bench-grading-${notebook.fileName}-start`, { fullPage: false });
      await page.locator(`.notebook article[aria-label^="Cell ${notebook.cells},"]`).scrollIntoViewIfNeeded();
      await screenshot(page, `bench-grading-${notebook.fileName}-end`, { fullPage: false });
    }
    const after = await probe(page);
    return {
      bytes: arrived.bytes,
      shownMs: p.shownAt! - arrived.responseEnd,
      paintedMs: p.paintedAt! - arrived.responseEnd,
      highlightedMs: highlightedAt - arrived.responseEnd,
      longestTaskMs: longest(after, arrived.responseEnd),
      images,
    };
  } finally {
    await page.context().close();
  }
}

/**
 * Opens the changes of the long file, then pages down through them at once
 * (while highlighting may still run) and back up: the first render, every
 * long task after it, and each key press from its event to the next frame.
 */
async function measureDiff(browser: Browser, webUrl: string, setup: GradingBenchSetup, run: number): Promise<DiffRun> {
  const page = await newPage(browser, webUrl, setup);
  try {
    await openStudent(page, setup.handIn.url, setup.handIn.studentName);
    const changes = page.locator('section[aria-labelledby="changes-heading"]');
    const summary = changes.locator('summary', { hasText: setup.diff.path });
    await summary.waitFor();
    const region = `.diff__body[aria-label="Line changes in ${setup.diff.path}"]`;
    await arm(page, [{ selector: `${region} tr.diff__line:last-child` }]);
    await summary.click();
    const p = await painted(page);
    const rows = await page.locator(`${region} tr.diff__line`).count();
    const presses = async (key: string) => {
      for (let i = 0; i < setup.diff.maxPresses; i++) {
        await page.keyboard.press(key);
        const end = await page.evaluate(
          (down) => (down ? window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2 : window.scrollY <= 0),
          key === 'PageDown',
        );
        if (end) return i + 1;
      }
      return setup.diff.maxPresses;
    };
    const down = await presses('PageDown');
    await page.waitForFunction((selector) => document.querySelector(selector)?.getAttribute('data-highlighted') === 'true', region, { polling: 50 });
    const highlightedAt = await page.evaluate(() => performance.now());
    const up = await presses('PageUp');
    if (run === 0) {
      await page.locator(`${region} tr.diff__hunk`).nth(1).scrollIntoViewIfNeeded();
      await screenshot(page, 'bench-grading-diff', { fullPage: false });
    }
    const after = await probe(page);
    return {
      rows,
      firstRenderMs: p.paintedAt! - after.startedAt!,
      highlightedMs: highlightedAt - after.startedAt!,
      longestTaskMs: longest(after, p.paintedAt!),
      inputMs: after.inputs,
      presses: down + up,
    };
  } finally {
    await page.context().close();
  }
}

/** Alt+N from the first student of `walk.names` to the last, in one page: key press to the next student's hand-in on screen. */
async function measureWalk(browser: Browser, webUrl: string, setup: GradingBenchSetup, walk: WalkCase): Promise<WalkResult> {
  const movesMs: number[] = [];
  const changesMs: number[] = [];
  for (let pass = 0; pass < walk.passes; pass++) {
    const page = await newPage(browser, webUrl, setup);
    try {
      await openStudent(page, walk.url, walk.names[0]);
      for (const name of walk.names.slice(1)) {
        await page.locator('a[aria-keyshortcuts="Alt+N"]').waitFor();
        // Shown: the student's name as the heading, their hand-in listed with its files; later, its changes against the material.
        await arm(
          page,
          [
            { selector: 'h1', text: name },
            { selector: 'section[aria-labelledby="hand-ins-heading"] fieldset', contains: 'Number 1,' },
            { selector: 'section[aria-labelledby="hand-in-files-heading"] tbody tr', contains: 'files' },
          ],
          [{ selector: 'section[aria-labelledby="changes-heading"] p', contains: ' changed, ' }],
        );
        await page.keyboard.press('Alt+KeyN');
        const p = await painted(page, 30_000);
        movesMs.push(p.paintedAt! - p.startedAt!);
        changesMs.push(p.laterPaintedAt! - p.startedAt!);
      }
      if (pass === 0) await screenshot(page, `bench-grading-walk-${walk.students}`, { fullPage: false });
    } finally {
      await page.context().close();
    }
  }
  return { students: walk.students, movesMs, changesMs };
}

async function main(): Promise<void> {
  const setup = JSON.parse(process.env.GRADING_BENCH_SETUP ?? '') as GradingBenchSetup;
  const out = process.env.GRADING_BENCH_OUT;
  if (!out) throw new Error('GRADING_BENCH_OUT names the file for the results');
  const web = await startWeb(setup.apiUrl);
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const b = browser;
    const result: GradingBenchResult = { notebooks: [], diff: [], walks: [] };
    // One unmeasured visit, so the first run does not pay for the server's and the dashboard's first compile of each route.
    const warm = await newPage(b, web.webUrl, setup);
    await openStudent(warm, setup.handIn.url, setup.handIn.studentName);
    await warm.context().close();
    for (const notebook of setup.notebooks) {
      const runs: NotebookRun[] = [];
      for (let run = 0; run < setup.runs; run++) runs.push(await measureNotebook(b, web.webUrl, setup, notebook, run));
      result.notebooks.push({ fileName: notebook.fileName, cells: notebook.cells, runs });
    }
    for (let run = 0; run < setup.runs; run++) result.diff.push(await measureDiff(b, web.webUrl, setup, run));
    for (const walk of setup.walks) result.walks.push(await measureWalk(b, web.webUrl, setup, walk));
    writeFileSync(out, JSON.stringify(result));
  } finally {
    await browser?.close();
    await web.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
