import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A real HTTP receiver on 127.0.0.1: records every request, answers each path
 * with the statuses queued for it (then with `fallback`), and lets a test wait
 * for the next request to a path.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private readonly answers = new Map<string, number[]>();
  private readonly waiters: { path: string; count: number; resolve: (r: ReceivedWebhook[]) => void }[] = [];
  private server!: http.Server;
  url = '';

  constructor(private readonly fallback = 200) {}

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        const status = this.answers.get(path)?.shift() ?? this.fallback;
        const hit = { path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
        this.received.push(hit);
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'thanks' : `receiver says ${status}`);
        this.settle();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Answers the next requests to `path` with these statuses, in order. */
  answer(path: string, ...statuses: number[]): void {
    this.answers.set(path, [...(this.answers.get(path) ?? []), ...statuses]);
  }

  to(path: string): ReceivedWebhook[] {
    return this.received.filter((r) => r.path === path);
  }

  /** Resolves once `path` has received `count` requests in all. */
  waitFor(path: string, count: number, timeoutMs = 20_000): Promise<ReceivedWebhook[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${path} received ${this.to(path).length} of ${count} webhooks`)), timeoutMs);
      this.waiters.push({ path, count, resolve: (r) => (clearTimeout(timer), resolve(r)) });
      this.settle();
    });
  }

  private settle(): void {
    for (const w of [...this.waiters]) {
      const hits = this.to(w.path);
      if (hits.length >= w.count) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(hits);
      }
    }
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
