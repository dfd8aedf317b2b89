import { readFileSync, writeFileSync } from 'node:fs';

export interface MemoryWindow {
  /** Resident set size when sampling started, bytes. */
  startRss: number;
  /** Highest VmRSS seen by sampling every `intervalMs`. */
  peakSampledRss: number;
  /**
   * The kernel's own high-water mark (VmHWM) at the end, when it could be
   * reset at the start (so it covers spikes between samples); else null.
   */
  peakKernelRss: number | null;
  /** max(peakSampledRss, peakKernelRss) - startRss. */
  growth: number;
  samples: number;
  /** User plus system CPU time the process used during the window, seconds. */
  cpuSeconds: number;
  /** When the sampled process is this one: where its memory went, from process.memoryUsage(); else null. */
  heap: HeapWindow | null;
}

/** Bytes, from process.memoryUsage() at the start and at the highest sample. */
export interface HeapWindow {
  startHeapUsed: number;
  peakHeapUsed: number;
  /** Memory outside the V8 heap held by JavaScript objects (buffers, zlib streams, ...). */
  startExternal: number;
  peakExternal: number;
  startArrayBuffers: number;
  peakArrayBuffers: number;
}

/** Clock ticks per second in /proc/<pid>/stat (USER_HZ, 100 on every mainstream Linux build). */
export const USER_HZ = 100;

/** User plus system CPU time process `pid` has used so far, in clock ticks (Linux). */
export function cpuTicksOf(pid: number): number {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may itself hold spaces.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function statusOf(pid: number): { rss: number; hwm: number } {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string): number => {
    const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text);
    if (!match) throw new Error(`/proc/${pid}/status has no ${name}`);
    return Number(match[1]) * 1024;
  };
  return { rss: field('VmRSS'), hwm: field('VmHWM') };
}

/** True when /proc can report on `pid` (Linux). */
export function canSample(pid: number): boolean {
  try {
    statusOf(pid);
    return true;
  } catch {
    return false;
  }
}

/**
 * Samples the resident memory of process `pid` from /proc while `work` runs.
 * The kernel's peak is reset first (`clear_refs` 5) where permitted, so a
 * short spike between two samples is still counted.
 */
export async function sampleMemory<T>(
  pid: number,
  work: () => Promise<T>,
  intervalMs = 50,
): Promise<{ result: T; memory: MemoryWindow }> {
  let hwmReset = false;
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    hwmReset = true;
  } catch {
    // Not permitted in every container; the sampled peak still stands.
  }
  const start = statusOf(pid);
  const startTicks = cpuTicksOf(pid);
  let peak = start.rss;
  let samples = 1;
  const own = pid === process.pid;
  const first = process.memoryUsage();
  const heap: HeapWindow = {
    startHeapUsed: first.heapUsed,
    peakHeapUsed: first.heapUsed,
    startExternal: first.external,
    peakExternal: first.external,
    startArrayBuffers: first.arrayBuffers,
    peakArrayBuffers: first.arrayBuffers,
  };
  const sample = () => {
    try {
      peak = Math.max(peak, statusOf(pid).rss);
      samples++;
    } catch {
      // The process may be exiting; the samples so far stand.
    }
    if (own) {
      const now = process.memoryUsage();
      heap.peakHeapUsed = Math.max(heap.peakHeapUsed, now.heapUsed);
      heap.peakExternal = Math.max(heap.peakExternal, now.external);
      heap.peakArrayBuffers = Math.max(heap.peakArrayBuffers, now.arrayBuffers);
    }
  };
  const timer = setInterval(sample, intervalMs);
  try {
    const result = await work();
    sample();
    const kernel = hwmReset ? statusOf(pid).hwm : null;
    const top = Math.max(peak, kernel ?? 0);
    const cpuSeconds = (cpuTicksOf(pid) - startTicks) / USER_HZ;
    return {
      result,
      memory: { startRss: start.rss, peakSampledRss: peak, peakKernelRss: kernel, growth: top - start.rss, samples, cpuSeconds, heap: own ? heap : null },
    };
  } finally {
    clearInterval(timer);
  }
}

/** {@link sampleMemory} where /proc can report on `pid`; elsewhere runs `work` and reports no memory. */
export async function sampleMemoryIfPossible<T>(
  pid: number,
  work: () => Promise<T>,
  intervalMs = 50,
): Promise<{ result: T; memory: MemoryWindow | null }> {
  return canSample(pid) ? sampleMemory(pid, work, intervalMs) : { result: await work(), memory: null };
}
