import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * Separate hosts on one machine: each host is a network namespace with its own
 * loopback and one veth link to a bridge in the test's own namespace, where the
 * test process reaches every host by address. Needs root and `ip`.
 */

/** Null when network namespaces can be made here, else why not (not root, no `ip`). */
export function networkLabProblem(): string | null {
  if (process.getuid?.() !== 0) return 'network namespaces need root';
  const probe = spawnSync('ip', ['-V'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return `the \`ip\` command is not available (${probe.error?.message ?? `exit ${probe.status}`})`;
  return null;
}

export interface LabHost {
  readonly name: string;
  readonly netns: string;
  readonly address: string;
  /** An empty folder of this host's own (its DATA_DIR, a database's datadir, …). */
  readonly dir: string;
  /** Starts `command` inside the host's namespace; the lab kills it at teardown. */
  spawn(command: string, args: string[], env?: Record<string, string>): ChildProcess;
  /** SIGKILL to every process running in the host's namespace, as if the machine lost power. */
  killAll(): Promise<void>;
}

export interface NetworkLab {
  readonly gateway: string;
  addHost(name: string): LabHost;
  /** Kills every process in every host, removes the namespaces, the bridge and the hosts' folders. */
  destroy(): Promise<void>;
}

function ip(...args: string[]): void {
  execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** A /24 in 10.0.0.0/8 that no interface here uses yet. */
function freeSubnet(): string {
  const inUse = execFileSync('ip', ['-4', '-o', 'addr'], { encoding: 'utf8' });
  for (let attempt = 0; attempt < 50; attempt++) {
    const candidate = `10.${100 + Math.floor(Math.random() * 150)}.${Math.floor(Math.random() * 256)}`;
    if (!inUse.includes(` ${candidate}.`)) return candidate;
  }
  throw new Error('no free 10.x.y.0/24 subnet found for the network lab');
}

function pidsIn(netns: string): number[] {
  const out = spawnSync('ip', ['netns', 'pids', netns], { encoding: 'utf8' });
  return out.stdout.split(/\s+/).filter(Boolean).map(Number);
}

async function waitGone(pids: number[], timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (const pid of pids) {
    while (fs.existsSync(`/proc/${pid}`) && !/^State:\s+Z/m.test(readStatus(pid))) {
      if (Date.now() > until) throw new Error(`process ${pid} did not end after SIGKILL`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

function readStatus(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return 'State:\tZ';
  }
}

export function createNetworkLab(): NetworkLab {
  const tag = randomBytes(3).toString('hex');
  const subnet = freeSubnet();
  const bridge = `scbr${tag}`;
  const gateway = `${subnet}.1`;
  const hosts: LabHost[] = [];
  /** Every namespace made, recorded before anything else can fail, so teardown removes it. */
  const namespaces: string[] = [];
  const children = new Set<ChildProcess>();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `stagecoach-lab-${tag}-`));
  ip('link', 'add', bridge, 'type', 'bridge');
  ip('addr', 'add', `${gateway}/24`, 'dev', bridge);
  ip('link', 'set', bridge, 'up');

  const lab: NetworkLab = {
    gateway,
    addHost(name) {
      const index = hosts.length + 2;
      const netns = `sc-${tag}-${name}`;
      const address = `${subnet}.${index}`;
      const outside = `scv${tag}${index}`;
      ip('netns', 'add', netns);
      namespaces.push(netns);
      ip('link', 'add', outside, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', netns);
      ip('link', 'set', outside, 'master', bridge, 'up');
      ip('-n', netns, 'link', 'set', 'lo', 'up');
      ip('-n', netns, 'addr', 'add', `${address}/24`, 'dev', 'eth0');
      ip('-n', netns, 'link', 'set', 'eth0', 'up');
      const dir = path.join(root, name);
      fs.mkdirSync(dir);
      const host: LabHost = {
        name,
        netns,
        address,
        dir,
        spawn(command, args, env = {}) {
          const child = spawn('ip', ['netns', 'exec', netns, command, ...args], {
            env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? os.homedir(), TMPDIR: os.tmpdir(), ...env },
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          children.add(child);
          child.once('exit', () => children.delete(child));
          return child;
        },
        async killAll() {
          const pids = pidsIn(netns);
          for (const pid of pids) {
            try {
              process.kill(pid, 'SIGKILL');
            } catch {
              // already gone
            }
          }
          await waitGone(pids);
        },
      };
      hosts.push(host);
      return host;
    },
    async destroy() {
      const problems: string[] = [];
      for (const host of hosts) {
        await host.killAll().catch((error: Error) => problems.push(error.message));
      }
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      for (const netns of namespaces) {
        const del = spawnSync('ip', ['netns', 'del', netns], { encoding: 'utf8' });
        if (del.status !== 0) problems.push(`ip netns del ${netns}: ${del.stderr.trim()}`);
      }
      const del = spawnSync('ip', ['link', 'del', bridge], { encoding: 'utf8' });
      if (del.status !== 0) problems.push(`ip link del ${bridge}: ${del.stderr.trim()}`);
      fs.rmSync(root, { recursive: true, force: true });
      if (problems.length > 0) throw new Error(`network lab teardown: ${problems.join('; ')}`);
    },
  };
  return lab;
}

/** Resolves once something accepts TCP connections at `host:port` (from the test's namespace). */
export async function waitForPort(host: string, port: number, what: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, host);
      socket.setTimeout(1_000, () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > until) throw new Error(`${what} did not accept connections at ${host}:${port} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** What a child printed (its last 20,000 characters), for failure messages. */
export function keepOutput(child: ChildProcess): () => string {
  let printed = '';
  const keep = (chunk: Buffer) => {
    printed = (printed + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => printed;
}
