import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Dialect } from '../config';
import type { Services } from '../services';
import type { PushInput } from '../modules/distributions/distributions.service';
import { WEBHOOK_EVENT_TYPES } from '../modules/webhooks/webhook-events';
import { verifyWebhook } from '../modules/webhooks/webhook-signature';
import type { Actor } from '../modules/users/users.service';
import { addMembers, createBenchUser, createCourseSpace, databaseVersion, fillFolder, insertStudents, withBenchApp } from './fixture';
import { countStatements, totalStatements, type StatementCounts } from './query-counter';
import { printGoals, printTable, writeResult } from './report';
import { collectGarbage, median, round } from './stats';

/** Students of the course; the space's DISTRIBUTED workspace is one target more. */
const STUDENTS = 1000;
/** Rounds over the four cases, alternating their order so drift hits each alike (BENCH_ROUNDS overrides it). */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** What one subscribed endpoint may add to a push that emits an event per target. */
const OVERHEAD_GOAL = 0.25;
/** Each event's delivery row is one INSERT (batched where several events are written together). */
const STATEMENTS_PER_EVENT_GOAL = 1;

type Case = { conflicts: boolean; endpoint: boolean };
const CASES: readonly Case[] = [
  { conflicts: false, endpoint: false },
  { conflicts: false, endpoint: true },
  { conflicts: true, endpoint: false },
  { conflicts: true, endpoint: true },
];

const caseName = (c: Case) => `${c.conflicts ? 'every target conflicts (FAIL)' : 'every target succeeds'}, ${c.endpoint ? '1 endpoint' : '0 endpoints'}`;

interface PushRun {
  ms: number;
  statements: number;
  counts: StatementCounts;
  deliveriesWritten: number;
}

/** A local receiver that checks every signature and answers 200 at once. */
class CountingReceiver {
  received = 0;
  badSignatures = 0;
  secret = '';
  private readonly server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      this.received++;
      if (!verifyWebhook(this.secret, req.headers, Buffer.concat(chunks).toString('utf8'))) this.badSignatures++;
      res.writeHead(200).end('ok');
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

async function pendingDeliveries(services: Services): Promise<number> {
  const rows = (await services.db.manager.query("SELECT COUNT(*) AS n FROM webhook_delivery WHERE status = 'PENDING'")) as { n: number | string }[];
  return Number(rows[0].n);
}

/** One push to the course and the worker until it is done, with deliveries held back so only their writing is measured. */
async function measurePush(services: Services, actor: Actor, input: PushInput, expected: 'SUCCEEDED' | 'FAILED'): Promise<PushRun> {
  const before = await pendingDeliveries(services);
  let counts: StatementCounts = {};
  collectGarbage();
  const counter = countStatements(services.db);
  const start = performance.now();
  const id = await services.distributions
    .push(actor, input)
    .then(async (d) => (await services.worker.drain(), d.id))
    .finally(() => (counts = counter.stop()));
  const ms = performance.now() - start;
  const distribution = await services.distributions.get(actor, id);
  if (distribution.status !== expected) throw new Error(`the push ended ${distribution.status}, expected ${expected}`);
  return { ms, statements: totalStatements(counts), counts, deliveriesWritten: (await pendingDeliveries(services)) - before };
}

/**
 * The cost of emitting webhook events on a push to 1,000 students (1,001
 * targets with the space's DISTRIBUTED workspace): once where every target
 * succeeds (one `distribution.finished` event) and once where every target
 * conflicts under the FAIL policy (an event per target), each with no
 * endpoint in the space (the baseline, in the same run) and with one endpoint
 * subscribed to every event. The sender is held back during the pushes, so
 * their time and statements are the emission's alone; then every delivery
 * written is sent to a local receiver, measuring delivery throughput.
 */
export async function runWebhooks(dialect: Dialect): Promise<void> {
  await withBenchApp(
    'webhooks',
    dialect,
    async (app) => {
      const { services } = app;
      console.log(`\n=== webhooks, ${dialect}: ${await databaseVersion(app.db)} ===`);
      const admin = await createBenchUser(services, `webhooks-${dialect}`);
      const actor = admin.actor;
      const receiver = new CountingReceiver();
      const url = await receiver.start();
      // Deliveries wait while pushes are measured; the throughput phase sends them.
      const startDue = services.webhookSender.startDue.bind(services.webhookSender);
      services.webhookSender.startDue = () => Promise.resolve(0);
      try {
        const setupStart = performance.now();
        const { spaceId, masterId } = await createCourseSpace(services, actor, 'Bench webhooks course');
        await addMembers(services, actor, spaceId, await insertStudents(services, STUDENTS, actor.user.passwordHash));
        // Every target holds files/clash/file-0.txt, so a push of a changed copy under FAIL conflicts everywhere.
        await fillFolder(services, actor, masterId, ['clash'], 1);
        const seeded = await measurePush(services, actor, { source: { workspaceId: masterId }, paths: ['files/clash'], targets: { spaceId }, policies: { default: 'OVERWRITE' } }, 'SUCCEEDED');
        console.log(`setup: course of ${STUDENTS} students and a first push in ${round((performance.now() - setupStart) / 1000, 1)} s (that push ${round(seeded.ms, 0)} ms)`);

        let endpointId: string | null = null;
        const subscribe = async (on: boolean) => {
          if (on && !endpointId) {
            const made = await services.webhooks.create(actor, spaceId, { url, events: WEBHOOK_EVENT_TYPES, description: 'bench receiver' });
            receiver.secret = made.secret;
            endpointId = made.endpoint.id;
          } else if (!on && endpointId) {
            await services.webhooks.delete(actor, endpointId);
            endpointId = null;
          }
        };
        let pushes = 0;
        const push = async (c: Case) => {
          await subscribe(c.endpoint);
          const folder = c.conflicts ? 'clash' : `round-${++pushes}`;
          await fillFolder(services, actor, masterId, [folder], 1);
          const input: PushInput = { source: { workspaceId: masterId }, paths: [`files/${folder}`], targets: { spaceId }, policies: { default: c.conflicts ? 'FAIL' : 'OVERWRITE' } };
          return measurePush(services, actor, input, c.conflicts ? 'FAILED' : 'SUCCEEDED');
        };

        // A warm-up of each kind, then the measured rounds.
        await push(CASES[0]);
        await push(CASES[2]);
        const runs = new Map<Case, PushRun[]>(CASES.map((c) => [c, []]));
        for (let r = 0; r < ROUNDS; r++) {
          const order = r % 2 === 0 ? CASES : [...CASES].reverse();
          for (const c of order) runs.get(c)!.push(await push(c));
        }
        await subscribe(true);

        const rows = CASES.map((c) => {
          const list = runs.get(c)!;
          const last = list.at(-1)!;
          return {
            name: caseName(c),
            medianMs: round(median(list.map((x) => x.ms)), 1),
            statements: median(list.map((x) => x.statements)),
            inserts: median(list.map((x) => x.counts.INSERT ?? 0)),
            selects: median(list.map((x) => x.counts.SELECT ?? 0)),
            deliveriesWritten: last.deliveriesWritten,
            runsMs: list.map((x) => round(x.ms, 1)),
          };
        });
        printTable(
          `[${dialect}] a push to ${STUDENTS + 1} targets, ${ROUNDS} rounds (median)`,
          ['case', 'ms', 'statements', 'SELECT', 'INSERT', 'deliveries written', 'each run (ms)'],
          rows.map((r) => [r.name, r.medianMs, r.statements, r.selects, r.inserts, r.deliveriesWritten, r.runsMs.join(' / ')]),
        );
        const overhead = (base: number, hooked: number) => round((rows[hooked].medianMs - rows[base].medianMs) / rows[base].medianMs, 3);
        const succeedOverhead = overhead(0, 1);
        const conflictOverhead = overhead(2, 3);

        // Throughput: everything the measured pushes wrote, sent with the sender as the worker runs it.
        services.webhookSender.startDue = startDue;
        const waiting = await pendingDeliveries(services);
        const receivedBefore = receiver.received;
        collectGarbage();
        const sendStart = performance.now();
        while ((await services.webhookSender.runDue()) > 0);
        const sendMs = performance.now() - sendStart;
        const sent = receiver.received - receivedBefore;
        if ((await pendingDeliveries(services)) !== 0) throw new Error('deliveries are still pending after the sender ran dry');
        if (sent !== waiting) throw new Error(`the receiver got ${sent} of ${waiting} deliveries`);
        if (receiver.badSignatures) throw new Error(`${receiver.badSignatures} deliveries carried a wrong signature`);
        const perSecond = round(sent / (sendMs / 1000), 0);
        console.log(
          `\ndelivery: ${sent} signed deliveries to a local receiver in ${round(sendMs, 0)} ms, ${perSecond} per second ` +
            `(${services.webhookSender.options.batchSize} at a time, each recorded in its own transaction)`,
        );
        console.log(
          `emission: +${round(succeedOverhead * 100, 1)}% on a push where every target succeeds, ` +
            `+${round(conflictOverhead * 100, 1)}% on one where every target conflicts (${rows[3].deliveriesWritten} deliveries written)`,
        );
        // Time on a shared machine drifts between runs; the statements each event adds do not.
        const perEvent = round((rows[3].statements - rows[2].statements) / Math.max(1, rows[3].deliveriesWritten), 2);
        printGoals(dialect, [
          {
            name: 'statements one endpoint adds per event',
            goal: `≤ ${STATEMENTS_PER_EVENT_GOAL}`,
            value: `${perEvent} (${rows[3].statements - rows[2].statements} for ${rows[3].deliveriesWritten} events)`,
            met: perEvent <= STATEMENTS_PER_EVENT_GOAL,
          },
          {
            name: 'push time with one endpoint, an event per target',
            goal: `< +${OVERHEAD_GOAL * 100}%`,
            value: `+${round(conflictOverhead * 100, 1)}%`,
            met: conflictOverhead < OVERHEAD_GOAL,
          },
        ]);
        const file = writeResult('webhooks', dialect, { targets: STUDENTS + 1, rounds: ROUNDS, cases: rows, statementsPerEvent: perEvent, succeedOverhead, conflictOverhead, delivery: { sent, ms: round(sendMs, 1), perSecond } });
        console.log(`\nresult written to ${file}`);
      } finally {
        services.webhookSender.startDue = startDue;
        await receiver.stop();
      }
    },
    { WEBHOOK_ALLOW_PRIVATE: 'true' },
  );
}
