import { startApp, type RunningApp } from '../app';
import type { AppConfig } from '../config';
import { createEventBus } from '../core/pubsub';
import { createServices, type Services } from '../services';
import type { Actor } from '../modules/users/users.service';
import { collectGarbage, round, summarize, timed, type Summary } from './stats';

export interface ListingResult {
  path: string;
  entries: number;
  pageSize: number;
  /** First call on a fresh service graph (empty tree cache) over the already open database. */
  coldFreshServices: Summary;
  /** First call in a freshly started app (new process state: database connection, caches). */
  coldAfterRestartMs: number;
  warm: Summary;
  /** The whole GraphQL request over HTTP, warm. */
  graphqlWarm: Summary;
  /** `{ __typename }` over HTTP: what any GraphQL request costs before a resolver runs. */
  graphqlTrivial: Summary;
  /** The first GraphQL request after a fresh start of the app. */
  graphqlColdAfterRestartMs: number;
  graphqlResponseBytes: number;
}

export interface ListingTarget {
  actor: Actor;
  token: string;
  workspaceId: string;
  folder: string;
  entries: number;
}

const PAGE = 100;
/** Calls before a warm series, so it measures warm caches and optimised code rather than the first few calls. */
const WARM_UP = 5;

const ENTRIES_QUERY = `query BenchEntries($id: ID!, $path: String!, $first: Int!) {
  workspace(id: $id) { entries(path: $path, first: $first) { totalCount nodes { name size } } }
}`;

/**
 * Times one page of a folder with many entries: through the service cold and
 * warm, and as the GraphQL request a client makes. Restarts the app twice to
 * measure first calls; returns the app left running.
 */
export async function benchListing(
  app: RunningApp,
  config: AppConfig,
  target: ListingTarget,
  runs: number,
): Promise<{ result: ListingResult; app: RunningApp }> {
  const args = { workspaceId: target.workspaceId, path: target.folder, first: PAGE };
  const list = async (services: Services) => {
    const page = await services.workspaces.listFolder(target.actor, args);
    if (page.totalCount !== target.entries || page.nodes.length !== PAGE) {
      throw new Error(`listing returned ${page.nodes.length} of ${page.totalCount} entries, expected ${PAGE} of ${target.entries}`);
    }
  };

  const cold: number[] = [];
  for (let i = 0; i < runs; i++) {
    const bus = createEventBus(null);
    const fresh = createServices(config, app.db, bus.pubSub);
    collectGarbage();
    cold.push((await timed(() => list(fresh))).ms);
    await bus.close();
  }

  for (let i = 0; i < WARM_UP; i++) await list(app.services);
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) warm.push((await timed(() => list(app.services))).ms);

  let graphqlResponseBytes = 0;
  const graphql = async (running: RunningApp) => {
    graphqlResponseBytes = await requestEntries(running.url, target);
  };
  for (let i = 0; i < WARM_UP; i++) await graphql(app);
  const graphqlWarm: number[] = [];
  for (let i = 0; i < runs; i++) graphqlWarm.push((await timed(() => graphql(app))).ms);
  for (let i = 0; i < WARM_UP; i++) await requestTypename(app.url);
  const graphqlTrivial: number[] = [];
  for (let i = 0; i < runs; i++) graphqlTrivial.push((await timed(() => requestTypename(app.url))).ms);

  await app.stop();
  app = await startApp(config);
  const coldAfterRestartMs = (await timed(() => list(app.services))).ms;
  await app.stop();
  app = await startApp(config);
  const graphqlColdAfterRestartMs = (await timed(() => graphql(app))).ms;

  return {
    app,
    result: {
      path: target.folder,
      entries: target.entries,
      pageSize: PAGE,
      coldFreshServices: summarize(cold),
      coldAfterRestartMs: round(coldAfterRestartMs),
      warm: summarize(warm),
      graphqlWarm: summarize(graphqlWarm),
      graphqlTrivial: summarize(graphqlTrivial),
      graphqlColdAfterRestartMs: round(graphqlColdAfterRestartMs),
      graphqlResponseBytes,
    },
  };
}

/** POSTs the entries query and checks the answer; returns the response size in bytes. */
async function requestEntries(url: string, target: ListingTarget): Promise<number> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${target.token}` },
    body: JSON.stringify({ query: ENTRIES_QUERY, variables: { id: target.workspaceId, path: target.folder, first: PAGE } }),
  });
  const text = await response.text();
  const body = JSON.parse(text) as {
    data?: { workspace: { entries: { totalCount: number; nodes: unknown[] } } };
    errors?: { message: string }[];
  };
  const entries = body.data?.workspace.entries;
  if (!response.ok || body.errors || entries?.totalCount !== target.entries || entries.nodes.length !== PAGE) {
    throw new Error(`GraphQL entries request failed (HTTP ${response.status}): ${text.slice(0, 300)}`);
  }
  return Buffer.byteLength(text);
}

async function requestTypename(url: string): Promise<void> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  const text = await response.text();
  if (!response.ok || !text.includes('"Query"')) throw new Error(`GraphQL { __typename } failed (HTTP ${response.status}): ${text.slice(0, 300)}`);
}
