import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { DomainError } from '../../core/errors';
import { checkedAddresses, type Resolve } from './webhook-address';

export interface WebhookResponse {
  status: number;
  /** The first `BODY_LIMIT` characters of the answer. */
  body: string;
}

const BODY_LIMIT = 2000;

/**
 * POSTs `body` to `url` with `headers` and reads at most a few KiB of the
 * answer. The host is resolved and every address checked first; the socket
 * then connects to the checked address (never a second lookup). Redirects are
 * not followed (a 3xx is an answer like any other non-2xx).
 */
export async function postWebhook(
  url: URL,
  headers: Record<string, string>,
  body: string,
  options: { timeoutMs: number; allowPrivate: boolean; resolve?: Resolve },
): Promise<WebhookResponse> {
  const [target] = await checkedAddresses(url, options.allowPrivate, options.resolve);
  const lookup: LookupFunction = (_host, opts, callback) => {
    if ((opts as { all?: boolean }).all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [target]);
    else callback(null, target.address, target.family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<WebhookResponse>((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        lookup,
        headers: { 'content-type': 'application/json', 'user-agent': 'Stagecoach-Webhooks', 'content-length': Buffer.byteLength(body), ...headers },
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (size < BODY_LIMIT * 4) chunks.push(chunk);
          size += chunk.length;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8').slice(0, BODY_LIMIT) }));
        response.on('error', reject);
      },
    );
    request.on('error', (error: Error) => {
      if (error.name === 'AbortError' || error.name === 'TimeoutError') reject(new Error(`no answer within ${Math.round(options.timeoutMs / 1000)} s`));
      else reject(error);
    });
    request.end(body);
  });
}

/** What to record of an attempt that got no HTTP answer. */
export function attemptError(error: unknown): string {
  if (error instanceof DomainError) return error.message;
  const e = error as { code?: string; message?: string };
  return [e.code, e.message].filter(Boolean).join(': ').slice(0, 500) || 'the request failed';
}
