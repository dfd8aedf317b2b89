import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { apiSession, demoCourseWorkspaces, released } from './support/api-client';
import { assertAccessible, demoEmail, screenshot } from './support/browser';
import { browserSuite } from './support/suite';

const STUDENT = 'Amara Okafor';
const FOLDER = 'files/viewers-lab';
/** A 24×16 blue picture. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAABgAAAAQCAIAAACDRijCAAAAGklEQVR4nGOQizpBFcQwatCoQaMGjRpEGQIARargEK2+3lIAAAAASUVORK5CYII=';
/** Every payload below would set this, or the title, if it ran. */
const PWN = "window.__pwned = (window.__pwned || 0) + 1; document.title = 'pwned'";

type Cell = Record<string, unknown>;

const notebook = (cells: Cell[]) => JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { language: 'python', name: 'python3' } }, cells });
const markdownCell = (source: string): Cell => ({ cell_type: 'markdown', metadata: {}, source });
const codeCell = (source: string, outputs: Cell[] = [], count: number | null = null): Cell => ({ cell_type: 'code', metadata: {}, execution_count: count, source, outputs });
const stream = (text: string): Cell => ({ output_type: 'stream', name: 'stdout', text });
const display = (data: Record<string, string>): Cell => ({ output_type: 'display_data', metadata: {}, data });

const MATERIAL_PY = 'import math\n\n\ndef area(r):\n    return math.pi * r * r\n\n\nprint(area(2))\n';
const HANDED_IN_PY = 'import math\n\n\ndef area(radius):\n    """The area of a circle."""\n    return math.pi * radius ** 2\n\n\nprint(area(2))\n';

const MATERIAL_NB = notebook([
  markdownCell('# Lab 4\n\nFill in the cells below.'),
  codeCell('total = 40\nprint(total + 1)', [stream('41\n')], 1),
  codeCell('# your plot here', [], null),
]);
const HANDED_IN_NB = notebook([
  markdownCell('# Lab 4\n\nFill in the cells below.'),
  codeCell('total = 41\nprint(total + 1)', [stream('42\n')], 1),
  codeCell('import matplotlib.pyplot as plt\nplt.imshow(data)', [display({ 'image/png': PNG, 'text/plain': '<Figure size 640x480>' })], 2),
  markdownCell('## Findings\n\nThe **blue** square is the answer.'),
]);

const HOSTILE_NB = notebook([
  markdownCell('Outputs that try to run code.'),
  codeCell('show_table()', [
    display({
      'text/html': `<table><tr><th>city</th></tr><tr><td>Seattle</td></tr></table><script>${PWN}</script><img src="x" onerror="${PWN}"><img src="https://tracker.example/pixel.png" alt="pixel"><a href="javascript:${PWN}">js link</a><a href="https://example.org/source">source</a>`,
      'text/plain': 'table',
    }),
  ], 1),
  codeCell('show_svg()', [display({ 'image/svg+xml': `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" onload="${PWN}"><script>${PWN}</script><rect width="40" height="20" fill="green"/></svg>` })], 2),
]);
const EVIL_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="60" height="30" onload="${PWN}"><script>${PWN}</script><rect width="60" height="30" fill="orange"/></svg>`;
const PAGE_HTML = `<!doctype html><html><body><h1>My page</h1><script>document.body.insertAdjacentHTML('beforeend', '<p>SCRIPT RAN</p>'); ${PWN}</script><img src="x" onerror="${PWN}"></body></html>`;
const LINKS_MD = `# Sources\n\nSee [the docs](https://example.org/docs), [click me](javascript:${encodeURIComponent(PWN)}) and [data link](data:text/html,<script>alert(1)</script>).\n\n<img src="x" onerror="${PWN}">\n`;
const figure = (colour: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="80" height="40"><rect width="80" height="40" fill="${colour}"/></svg>`;
const CSV = `station,month,rain_mm\n${Array.from({ length: 120 }, (_, i) => `S${String(i + 1).padStart(3, '0')},${(i % 12) + 1},${(i * 7) % 50}`).join('\n')}\n`;

/** A one-page PDF saying "Hello from the PDF", with a correct cross-reference table. */
function pdf(): string {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    (() => {
      const stream = 'BT /F1 24 Tf 20 70 Td (Hello from the PDF) Tj ET';
      return `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
    })(),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  return `${body}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
}

describe('grading with inline viewers: every kind of hand-in file shown, changes rendered, nothing in a hand-in runs', () => {
  const suite = browserSuite('viewers-end');
  let assignmentId: string;
  let amaraId: string;
  let masterId: string;

  before(async () => {
    const { apiUrl } = suite.stack;
    const instructor = await apiSession(apiUrl, demoEmail('instructor'));
    const { master, personal } = await demoCourseWorkspaces(apiUrl, demoEmail('instructor'));
    const { spaces } = await instructor.request<{ spaces: { nodes: { id: string; name: string }[] } }>('{ spaces(first: 10) { nodes { id name } } }');
    const spaceId = spaces.nodes.find((s) => s.name === 'Data Analysis 101')!.id;
    await instructor.upload(master, `${FOLDER}/analysis.py`, MATERIAL_PY);
    await instructor.upload(master, `${FOLDER}/lab.ipynb`, MATERIAL_NB);
    await instructor.upload(master, `${FOLDER}/figure.svg`, figure('blue'));
    await instructor.upload(master, `${FOLDER}/notes.txt`, 'Read me first.\n');
    const { createAssignment } = await instructor.request<{ createAssignment: { id: string } }>(
      'mutation($i: CreateAssignmentInput!) { createAssignment(input: $i) { id } }',
      { i: { spaceId, title: 'Lab 4: viewers', source: { workspaceId: master }, paths: [FOLDER], deadline: new Date(Date.now() + 3_600_000).toISOString() } },
    );
    assignmentId = createAssignment.id;
    masterId = master;
    await released(instructor, assignmentId);

    const amara = await apiSession(apiUrl, demoEmail('amara'));
    amaraId = (await amara.request<{ me: { id: string } }>('{ me { id } }')).me.id;
    const own = personal.get(demoEmail('amara'))!;
    const files: Record<string, string> = {
      'analysis.py': HANDED_IN_PY,
      'lab.ipynb': HANDED_IN_NB,
      'rain.csv': CSV,
      'links.md': LINKS_MD,
      'report.pdf': pdf(),
      'hostile.ipynb': HOSTILE_NB,
      'evil.svg': EVIL_SVG,
      'page.html': PAGE_HTML,
      'figure.svg': figure('red'),
    };
    for (const [name, content] of Object.entries(files)) await amara.upload(own, `${FOLDER}/${name}`, content);
    await amara.request('mutation($w: ID!, $p: String!) { deletePath(workspaceId: $w, path: $p) { version } }', { w: own, p: `${FOLDER}/notes.txt` });
    await amara.request('mutation($a: ID!) { handInAssignment(assignmentId: $a) { handIn { id } } }', { a: assignmentId });
  });

  /** The TA's grading page for Amara, watched for anything a hand-in might run. */
  const openGrading = async (): Promise<{ page: Page; dialogs: string[] }> => {
    const page = await suite.pageFor('ta');
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`/assignments/${assignmentId}/students/${amaraId}`);
    await page.getByRole('heading', { level: 1, name: STUDENT }).waitFor();
    return { page, dialogs };
  };

  const assertNothingRan = async (page: Page, dialogs: string[]) => {
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined, 'no payload ran');
    assert.notEqual(await page.title(), 'pwned');
    assert.deepEqual(dialogs, []);
  };

  const openHandInFile = async (page: Page, name: string): Promise<Locator> => {
    const files = page.getByRole('region', { name: 'Files' }).or(page.locator('section[aria-labelledby="hand-in-files-heading"]'));
    if (!(await files.getByRole('button', { name, exact: true }).count())) {
      await files.getByRole('button', { name: 'files', exact: true }).click();
      await files.getByRole('button', { name: 'viewers-lab', exact: true }).click();
    }
    await files.getByRole('button', { name, exact: true }).click();
    const panel = page.getByRole('region', { name: `${name}, opened` });
    await panel.waitFor();
    return panel;
  };

  it('shows code highlighted with line numbers, a notebook with its image, a paged grid, a PDF page and Markdown', { timeout: 180_000 }, async () => {
    const { page, dialogs } = await openGrading();

    const code = await openHandInFile(page, 'analysis.py');
    await code.locator('.code-view[data-highlighted="true"]').waitFor();
    assert.deepEqual(await code.locator('.code-view__number').allInnerTexts(), ['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    assert.equal(await code.locator('.code-view__line').nth(3).innerText(), 'def area(radius):');
    const colours = await code.locator('.code-view__line span').evaluateAll((spans) => new Set(spans.map((s) => getComputedStyle(s).color)).size);
    assert.ok(colours >= 3, `the code is coloured (${colours} colours)`);
    await screenshot(page, 'viewers-code');

    const nb = await openHandInFile(page, 'lab.ipynb');
    await nb.getByRole('article', { name: 'Cell 1, text' }).getByRole('heading', { name: 'Lab 4' }).waitFor();
    const plotCell = nb.getByRole('article', { name: 'Cell 3, code' });
    await plotCell.getByText('In [2]:').waitFor();
    const image = plotCell.getByRole('img', { name: 'Image output of cell 3' });
    await image.waitFor();
    assert.equal(await image.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth)), 24, 'the PNG output is drawn');
    assert.equal((await nb.getByRole('article', { name: 'Cell 2, code' }).locator('pre.nb-output').innerText()).trim(), '42');
    await nb.getByRole('article', { name: 'Cell 4, text' }).locator('strong', { hasText: 'blue' }).waitFor();
    await nb.locator('.code-view[data-highlighted="true"]').first().waitFor();
    await screenshot(page, 'viewers-notebook');
    await assertAccessible(page, 'viewers-notebook');

    const grid = await openHandInFile(page, 'rain.csv');
    await grid.getByText('Rows 1–50 of 120, 3 columns.').waitFor();
    assert.deepEqual(await grid.locator('thead th').allInnerTexts(), ['Row', 'station', 'month', 'rain_mm']);
    assert.equal(await grid.locator('tbody tr').count(), 50);
    await grid.getByRole('navigation', { name: 'Pages of rain.csv' }).getByText('Page 1 of 3').waitFor();
    await grid.getByRole('button', { name: 'Next' }).click();
    await grid.getByText('Rows 51–100 of 120, 3 columns.').waitFor();
    assert.equal(await grid.locator('tbody tr').first().locator('td').nth(1).innerText(), 'S051');
    await screenshot(page, 'viewers-csv');

    const report = await openHandInFile(page, 'report.pdf');
    const canvas = report.getByRole('img', { name: 'Page 1 of 1 of report.pdf' });
    await report.locator('canvas[data-drawn-page="1"]').waitFor();
    // Dark pixels on the white page: the text was drawn.
    const inked = await canvas.evaluate((c: HTMLCanvasElement) => {
      const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 100 && data[i + 1] < 100 && data[i + 2] < 100) dark += 1;
      return dark;
    });
    assert.ok(inked > 50, `the PDF page shows its text (${inked} dark pixels)`);
    await screenshot(page, 'viewers-pdf');

    const links = await openHandInFile(page, 'links.md');
    await links.getByRole('heading', { name: 'Sources' }).waitFor();
    assert.equal(await links.getByRole('link', { name: 'the docs' }).getAttribute('href'), 'https://example.org/docs');
    // Unsafe addresses are dropped: the words stay, as plain text.
    await links.getByText('click me').waitFor();
    assert.equal(await links.getByRole('link', { name: 'click me' }).count(), 0);
    assert.equal(await links.getByRole('link', { name: 'data link' }).count(), 0);
    assert.equal(await links.locator('img').count(), 0, 'HTML in Markdown is not drawn');
    await links.getByText('click me').click();
    await assertNothingRan(page, dialogs);
    await screenshot(page, 'viewers-markdown');
  });

  it('shows a changed file as a highlighted diff, side by side on request, and a notebook cell by cell; a new file in full', { timeout: 120_000 }, async () => {
    const { page } = await openGrading();
    const changes = page.locator('section[aria-labelledby="changes-heading"]');
    await changes.getByText('6 new, 3 changed, 1 deleted.').waitFor();

    await changes.locator('summary', { hasText: `${FOLDER}/analysis.py` }).click();
    const diff = changes.getByRole('region', { name: `Line changes in ${FOLDER}/analysis.py` });
    await diff.and(page.locator('[data-highlighted="true"]')).waitFor();
    const changed = (kind: string) => diff.locator(`.diff__line--${kind} .diff__code`).allInnerTexts();
    assert.deepEqual(await changed('removed'), ['def area(r):', '    return math.pi * r * r']);
    assert.deepEqual(await changed('added'), ['def area(radius):', '    """The area of a circle."""', '    return math.pi * radius ** 2']);
    const toggle = changes.getByRole('button', { name: 'Side by side' });
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    // The first removed line sits beside the line that replaced it.
    const row = diff.locator('tr', { has: page.locator('.diff__text--removed') }).first();
    assert.deepEqual(await row.locator('.diff__code').allInnerTexts(), ['def area(r):', 'def area(radius):']);
    await screenshot(page, 'viewers-diff-split');

    await changes.locator('summary', { hasText: `${FOLDER}/lab.ipynb` }).click();
    const cells = changes.getByRole('group', { name: 'Cell changes in lab.ipynb' });
    await cells.getByText('Cell by cell: 1 new, 2 changed, 0 deleted, 1 unchanged.').waitFor();
    await cells.getByText('Cell 1 unchanged').waitFor();
    const cell2 = cells.getByRole('region', { name: 'Cell 2, code, changed' });
    const sourceDiff = cell2.getByRole('region', { name: 'Source changes in cell 2 of lab.ipynb' });
    assert.deepEqual(await sourceDiff.locator('.diff__line--added .diff__code').allInnerTexts(), ['total = 41']);
    const outputDiff = cell2.getByRole('region', { name: 'Output changes in cell 2 of lab.ipynb' });
    assert.deepEqual(await outputDiff.locator('.diff__line--removed .diff__code, .diff__line--added .diff__code').allInnerTexts(), ['41', '42']);
    // The placeholder code cell became the plot: one changed cell, its new image among the outputs; the findings are a new cell.
    const cell3 = cells.getByRole('region', { name: 'Cell 3, code, changed' });
    assert.deepEqual(await cell3.getByRole('region', { name: 'Output changes in cell 3 of lab.ipynb' }).locator('.diff__line--added .diff__code').allInnerTexts(), [
      `[image/png, ${PNG.length} characters]`,
    ]);
    await cell3.getByText('The cell as handed in').click();
    const plot = cell3.getByRole('img', { name: 'Image output of cell 3' });
    await plot.waitFor();
    assert.equal(await plot.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth)), 24);
    await cells.getByRole('region', { name: 'Cell 4, text, new' }).getByRole('heading', { name: 'Findings' }).waitFor();
    await screenshot(page, 'viewers-notebook-diff');

    await changes.locator('summary', { hasText: `${FOLDER}/rain.csv` }).click();
    await changes.getByText('Rows 1–50 of 120, 3 columns.').waitFor();

    // A changed picture beside the material's; a deleted file as the material had it.
    await changes.locator('summary', { hasText: `${FOLDER}/figure.svg` }).click();
    const pair = changes.locator('.change-pair');
    for (const side of ['The material', 'Handed in']) {
      const picture = pair.locator('figure', { hasText: side }).getByRole('img', { name: 'figure.svg' });
      assert.equal(await picture.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth)), 80);
    }
    await changes.locator('summary', { hasText: `${FOLDER}/notes.txt` }).click();
    await changes.getByRole('region', { name: 'notes.txt' }).getByText('Read me first.').waitFor();
    await screenshot(page, 'viewers-changed-picture-deleted-file');
    await assertAccessible(page, 'viewers-changes');
    await page.emulateMedia({ colorScheme: 'dark' });
    await assertAccessible(page, 'viewers-changes-dark');
  });

  it('runs nothing a hand-in brings: notebook HTML and SVG outputs, an SVG file, an HTML page', { timeout: 120_000 }, async () => {
    const { page, dialogs } = await openGrading();

    const hostile = await openHandInFile(page, 'hostile.ipynb');
    const html = hostile.getByRole('group', { name: 'HTML output of cell 2' });
    await html.getByRole('cell', { name: 'Seattle' }).waitFor();
    assert.equal(await html.locator('script').count(), 0);
    assert.equal(await html.locator('[onerror], [onload]').count(), 0);
    assert.equal(await html.getByRole('link', { name: 'js link' }).count(), 0, 'the javascript: address is gone');
    assert.equal(await html.locator('img[src]').count(), 0, 'no picture is fetched from elsewhere');
    const source = html.getByRole('link', { name: 'source' });
    assert.deepEqual([await source.getAttribute('href'), await source.getAttribute('target'), await source.getAttribute('rel')], [
      'https://example.org/source',
      '_blank',
      'noopener noreferrer',
    ]);
    const svgOutput = hostile.getByRole('img', { name: 'Image output of cell 3' });
    await svgOutput.waitFor();
    assert.equal(await svgOutput.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth)), 40, 'the SVG output is drawn as a picture');
    await assertNothingRan(page, dialogs);
    await screenshot(page, 'viewers-hostile-notebook');

    const svg = await openHandInFile(page, 'evil.svg');
    const picture = svg.getByRole('img', { name: 'evil.svg' });
    await picture.waitFor();
    assert.equal(await picture.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth)), 60);
    assert.equal(await page.locator('svg script').count(), 0, 'the SVG never became part of the page');
    await assertNothingRan(page, dialogs);

    const pageFile = await openHandInFile(page, 'page.html');
    await pageFile.locator('.code-view[data-highlighted="true"]').waitFor();
    await pageFile.getByText('<h1>My page</h1>', { exact: false }).first().waitFor();
    await pageFile.getByRole('button', { name: 'Show the page (scripts off)' }).click();
    const frame = pageFile.frameLocator('iframe[title="page.html, drawn without scripts"]');
    await frame.getByRole('heading', { name: 'My page' }).waitFor();
    assert.equal(await frame.getByText('SCRIPT RAN').count(), 0, 'the page’s script did not run in its sandbox');
    assert.equal(await pageFile.locator('iframe').getAttribute('sandbox'), '');
    await assertNothingRan(page, dialogs);
    await screenshot(page, 'viewers-hostile-html');
  });

  it('opens feedback files and the course material in the same viewers', { timeout: 120_000 }, async () => {
    const { page } = await openGrading();
    const feedback = page.locator('section[aria-labelledby="feedback-files-heading"]');
    await feedback.getByLabel('Feedback file to upload').setInputFiles({ name: 'marked.py', mimeType: 'text/x-python', buffer: Buffer.from('# Good: clear names\ndef area(radius):\n    return 3.14 * radius ** 2\n') });
    await feedback.getByText('marked.py: done').waitFor();
    await feedback.getByRole('button', { name: 'marked.py', exact: true }).click();
    const panel = feedback.getByRole('region', { name: 'marked.py, opened' });
    await panel.locator('.code-view[data-highlighted="true"]').waitFor();
    assert.deepEqual(await panel.locator('.code-view__line').allInnerTexts(), ['# Good: clear names', 'def area(radius):', '    return 3.14 * radius ** 2']);
    await screenshot(page, 'viewers-feedback-file');

    const instructor = await suite.pageFor('instructor');
    await instructor.goto(`/workspaces/${masterId}?path=${encodeURIComponent(`${FOLDER}/lab.ipynb`)}`);
    await instructor.getByRole('heading', { level: 2, name: 'lab.ipynb' }).waitFor();
    const material = instructor.locator('.file-preview');
    await material.getByRole('article', { name: 'Cell 2, code' }).locator('.code-view[data-highlighted="true"]').waitFor();
    assert.equal((await material.getByRole('article', { name: 'Cell 2, code' }).locator('pre.nb-output').innerText()).trim(), '41');
    await screenshot(instructor, 'viewers-material-notebook');
  });
});
