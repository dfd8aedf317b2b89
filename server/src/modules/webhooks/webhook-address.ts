import dns from 'node:dns';
import net, { BlockList } from 'node:net';
import { badInput } from '../../core/errors';

/**
 * Where webhooks may be sent. Loopback, private, link-local (cloud metadata),
 * shared, multicast and reserved addresses are refused unless the instance
 * allows them (`WEBHOOK_ALLOW_PRIVATE=true`). Checked when an endpoint is
 * saved and again on every attempt, on every address the name resolves to,
 * and the connection goes to the very address that was checked (a name that
 * resolves elsewhere on the second lookup gains nothing).
 */
const blocked = new BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(prefix, bits, 'ipv4');
}
for (const [prefix, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const) {
  blocked.addSubnet(prefix, bits, 'ipv6');
}

/** Whether an IP address is one webhooks may not reach by default. */
export function isPrivateAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family !== 6) return true;
  // An IPv4 address written as IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1], 'ipv4');
  return blocked.check(address, 'ipv6');
}

export type Resolve = (hostname: string) => Promise<{ address: string; family: number }[]>;

const systemResolve: Resolve = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

/** The host of a URL as an address or a name (IPv6 without its brackets). */
const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/**
 * The URL, if it is an absolute http(s) URL without credentials; refused with
 * what is wrong otherwise. Does not resolve the host.
 */
export function parseWebhookUrl(raw: string): URL {
  const text = raw.trim();
  if (text.length > 2000) throw badInput('the webhook URL is longer than 2,000 characters');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badInput(`'${text.slice(0, 200)}' is not a URL; give an absolute http:// or https:// address`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw badInput(`webhook URLs must be http:// or https://, not ${url.protocol}//`);
  }
  if (url.username || url.password) throw badInput('the webhook URL must not carry a user name or password; verify deliveries with the signing secret');
  return url;
}

/**
 * Every address the URL's host stands for, each checked; throws naming the
 * refused address, or that the name does not resolve.
 */
export async function checkedAddresses(url: URL, allowPrivate: boolean, resolve: Resolve = systemResolve): Promise<{ address: string; family: number }[]> {
  const host = hostOf(url);
  const family = net.isIP(host);
  let addresses: { address: string; family: number }[];
  if (family) addresses = [{ address: host, family }];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      throw badInput(`the webhook host '${host}' does not resolve to an address`);
    }
    if (!addresses.length) throw badInput(`the webhook host '${host}' does not resolve to an address`);
  }
  if (!allowPrivate) {
    const refused = addresses.find((a) => isPrivateAddress(a.address));
    if (refused) {
      const via = family ? '' : ` ('${host}' resolves to it)`;
      throw badInput(
        `the webhook URL points to the private or loopback address ${refused.address}${via}; webhooks go to public addresses unless the instance sets WEBHOOK_ALLOW_PRIVATE=true`,
      );
    }
  }
  return addresses;
}
