import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { printTable, serverRoot } from './report';

/** The part of a V8 CPU profile the summary reads. */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface HotSpot {
  /** `function (file:line)`, the file relative to the server package or as `pkg:<name>`. */
  name: string;
  selfMs: number;
  /** Time with this function anywhere on the stack (counted once per sample). */
  totalMs: number;
}

export interface ProfileSummary {
  file: string;
  sampledMs: number;
  /** By self time: where the CPU actually was. */
  bySelf: HotSpot[];
  /** By total time, server code only: which of its functions the time is spent under. */
  byTotal: HotSpot[];
  /** Self time per package (`server` for this package's code, `(native)` for V8 and Node internals). */
  byPackage: { name: string; selfMs: number }[];
}

function where(url: string): { label: string; own: boolean } {
  if (!url) return { label: '(native)', own: false };
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return { label: `pkg:${rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`, own: false };
  }
  if (url.startsWith('node:')) return { label: url, own: false };
  const file = url.replace(/^file:\/\//, '');
  const relative = path.relative(serverRoot, file);
  return relative.startsWith('..') ? { label: file, own: false } : { label: relative, own: true };
}

/** Self and total time per function of a V8 CPU profile. */
export function summarizeProfile(profile: CpuProfile, file: string, top = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const keyOf = (node: ProfileNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const { label, own } = where(url);
    return { key: `${functionName || '(anonymous)'} (${label}${url ? `:${lineNumber + 1}` : ''})`, label, own };
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const ownKeys = new Set<string>();
  const packages = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let sampledUs = 0;
  for (let i = 0; i < samples.length; i++) {
    // A sample's delta is the time since the previous one; the next delta is what this one stands for.
    const us = deltas[i + 1] ?? 0;
    sampledUs += us;
    const leaf = byId.get(samples[i]);
    if (!leaf) continue;
    const { key, label, own } = keyOf(leaf);
    self.set(key, (self.get(key) ?? 0) + us);
    const pkg = own ? 'server' : label.startsWith('node:') ? '(node)' : label;
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
    const seen = new Set<string>();
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
      const frame = keyOf(byId.get(id)!);
      if (seen.has(frame.key)) continue;
      seen.add(frame.key);
      if (frame.own) ownKeys.add(frame.key);
      total.set(frame.key, (total.get(frame.key) ?? 0) + us);
    }
  }
  const ms = (us: number) => Math.round(us / 100) / 10;
  const spot = (name: string): HotSpot => ({ name, selfMs: ms(self.get(name) ?? 0), totalMs: ms(total.get(name) ?? 0) });
  return {
    file,
    sampledMs: ms(sampledUs),
    bySelf: [...self.keys()].sort((a, b) => self.get(b)! - self.get(a)!).slice(0, top).map(spot),
    byTotal: [...ownKeys].sort((a, b) => total.get(b)! - total.get(a)!).slice(0, top).map(spot),
    byPackage: [...packages].sort((a, b) => b[1] - a[1]).map(([name, us]) => ({ name, selfMs: ms(us) })),
  };
}

/**
 * Runs `work` under the V8 sampling profiler of this process and writes the
 * profile to `file` (open it in Chrome DevTools or speedscope); returns the
 * result with a summary of where the time went.
 */
export async function withCpuProfile<T>(file: string, work: () => Promise<T>): Promise<{ result: T; summary: ProfileSummary }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    let result: T;
    let profile: CpuProfile;
    try {
      result = await work();
    } finally {
      ({ profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile });
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(profile));
    }
    return { result, summary: summarizeProfile(profile, file) };
  } finally {
    session.disconnect();
  }
}

/** Prints a profile summary: the hottest functions by self time, the server's by total time, and self time per package. */
export function printProfile(dialect: string, title: string, p: ProfileSummary): void {
  printTable(`[${dialect}] ${title}: CPU profile, ${p.sampledMs} ms sampled (${p.file})`, ['function, by self time', 'self ms', 'total ms'], p.bySelf.map((h) => [h.name, h.selfMs, h.totalMs]));
  printTable(`[${dialect}] ${title}: server functions by total time (synchronous stacks: time after an await is not the caller's)`, ['function', 'self ms', 'total ms'], p.byTotal.map((h) => [h.name, h.selfMs, h.totalMs]));
  console.log(`self time by package: ${p.byPackage.map((x) => `${x.name} ${x.selfMs} ms`).join(', ')}`);
}
