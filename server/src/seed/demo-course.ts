import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { User } from '../modules/users/user.entity';
import type { Actor } from '../modules/users/users.service';
import type { Services } from '../services';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../modules/users/demo-accounts';
import { enrolClass } from './class-roster';


// The package exports only its loader; the CSV files sit beside it in data/.
const vegaData = (file: string) => path.join(path.dirname(require.resolve('vega-datasets')), '..', 'data', file);

const SCRIPT = `"""Week 1: summarise Seattle's weather by month."""
import csv
from collections import defaultdict

totals = defaultdict(lambda: [0.0, 0])
with open("seattle-weather.csv") as f:
    for row in csv.DictReader(f):
        month = row["date"][:7]
        totals[month][0] += float(row["precipitation"])
        totals[month][1] += 1

for month, (rain, days) in sorted(totals.items()):
    print(f"{month}: {rain:6.1f} mm over {days} days")
`;

const EXERCISE = `# Week 2: Seattle weather

Use \`tables/seattle_weather\`.

1. Which month had the most rain over the four years?
2. How many days had more than 10 mm?
3. Plot the daily maximum temperature and save it as \`plot.png\` here.

Your answers:
`;

const NOTEBOOK = JSON.stringify(
  {
    cells: [
      { cell_type: 'markdown', metadata: {}, source: ['# Week 1: exploring stock prices\n', 'Load `tables/stocks` and plot each symbol.'] },
      {
        cell_type: 'code',
        execution_count: null,
        metadata: {},
        outputs: [],
        source: ['import pandas as pd\n', "stocks = pd.read_csv('stocks.csv', parse_dates=['date'])\n", "stocks.pivot(index='date', columns='symbol', values='price').plot()"],
      },
      { cell_type: 'markdown', metadata: {}, source: ['## Exercise\n', 'Which symbol had the largest drawdown in 2008?'] },
      { cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: ['# your answer here\n'] },
    ],
    metadata: { kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' } },
    nbformat: 4,
    nbformat_minor: 5,
  },
  null,
  1,
);

/** The demo students' groups: pairs working together, for trying group assignments. */
const DEMO_GROUPS = ['Weather', 'Weather', 'Stocks', 'Stocks', 'Penguins', 'Penguins'];

/**
 * The demo class as the roster an instructor would import: name, e-mail,
 * student number and a group column, from which a group assignment's groups
 * can be made at once.
 */
export const DEMO_ROSTER = [
  'Name,E-mail,Student number,Group',
  ...DEMO_ACCOUNTS.filter((a) => a.role === 'MEMBER').map((a, i) => `${a.name},${a.email},DA-${101 + i},${DEMO_GROUPS[i]}`),
].join('\n');

/**
 * Seeds a demo course when the database has no users: an instructor, a TA and
 * six students (their student numbers and groups from `DEMO_ROSTER`), with
 * material from real data in the MASTER workspace, pushed to every student
 * (and future students), and an assignment with a deadline.
 * With `classSize`, that many more students (without a password) join first.
 */
export async function seedDemo(services: Services, classSize = 0): Promise<boolean> {
  if ((await services.db.manager.count(User)) > 0) return false;
  const users = new Map<string, Actor>();
  for (const account of DEMO_ACCOUNTS) {
    await services.users.createUser({ email: account.email, name: account.name, password: DEMO_PASSWORD });
    const { token } = await services.users.login(account.email, DEMO_PASSWORD);
    users.set(account.email, (await services.users.authenticate(token))!);
  }
  const instructor = users.get(DEMO_ACCOUNTS[0].email)!;
  const space = await services.spaces.create(instructor, {
    name: 'Data Analysis 101',
    kind: 'COURSE',
    description: 'Introductory data analysis with Python: weather, stocks and penguins.',
  });
  const [master] = await services.workspaces.listInSpace(instructor, space.id);
  const put = (p: string, content: string | Buffer) =>
    services.objects.upload(instructor, master.id, p, Readable.from([Buffer.from(content)]), { maxBytes: 1 << 30 });
  await put('files/README.md', '# Data Analysis 101\n\nWeekly material appears in `files/`. Tables are in `tables/`.\n');
  await put('files/week1/weather_summary.py', SCRIPT);
  await put('files/week1/stocks.ipynb', NOTEBOOK);
  await put('files/week1/data/seattle-weather.csv', fs.readFileSync(vegaData('seattle-weather.csv')));
  await services.tables.importCsv(instructor, master.id, 'seattle_weather', fs.readFileSync(vegaData('seattle-weather.csv')));
  await services.tables.importCsv(instructor, master.id, 'stocks', fs.readFileSync(vegaData('stocks.csv')));
  await services.applications.save(instructor, master.id, 'jupyter', {
    image: 'quay.io/jupyter/scipy-notebook:2024-05-27',
    packages: [
      { name: 'pandas', version: '2.2.2', manager: 'pip' },
      { name: 'matplotlib', version: '3.9.0', manager: 'pip' },
    ],
    environment: { PYTHONUNBUFFERED: '1' },
    resources: { cpu: 1, memoryMiB: 2048, gpu: 0 },
    startCommand: ['start-notebook.py', '--NotebookApp.token='],
    ports: [8888],
  });
  await services.snapshots.create(instructor, master.id, 'Week 1 material', 'Ready to hand out');
  for (const account of DEMO_ACCOUNTS.slice(1)) {
    await services.spaces.addMember(instructor, space.id, account.email, account.role);
  }
  const roster = await services.rosterImport.preview(instructor, space.id, DEMO_ROSTER, 'MEMBER');
  await services.rosterImport.apply(instructor, space.id, DEMO_ROSTER, 'MEMBER', { expectedPreviewHash: roster.previewHash });
  if (classSize > 0) await enrolClass(services, instructor, space.id, classSize);
  // Week 1 goes to every student (and to students who join later) the way an instructor would send it.
  await services.distributions.push(instructor, {
    source: { workspaceId: master.id },
    paths: ['files/README.md', 'files/week1', 'tables', 'applications'],
    targets: { spaceId: space.id, roles: ['MEMBER'], includeFutureMembers: true },
    policies: { default: 'PRESERVE_EDITS' },
    message: 'Welcome! Week 1 material is in files/week1.',
  });
  await put('files/week2/exercise.md', EXERCISE);
  await services.assignments.create(instructor, {
    spaceId: space.id,
    title: 'Week 2: Seattle weather',
    instructions: 'Answer the questions in `exercise.md` and add a plot as `plot.png`.',
    source: { workspaceId: master.id },
    paths: ['files/week2'],
    deadline: new Date(Date.now() + 7 * 86_400_000),
    timeZone: 'Europe/Zurich',
    extraHandInPaths: ['files/week2/plot.png'],
    latePolicy: { mode: 'PENALTY', penaltyPercent: 10, unit: 'DAY', floorPercent: 50 },
    maxPoints: 20,
    message: 'Week 2 exercise: due in a week.',
  });
  return true;
}
