import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { ClientCommand } from './subscriber-clients';

export interface Clients {
  /** The clients' process, for its CPU time. */
  pid: number;
  send(command: ClientCommand): Promise<unknown>;
  stop(): Promise<void>;
}

/** The subscribers' process (subscriber-clients.js beside this file), driven over IPC. */
export function startClients(): Clients {
  const child: ChildProcess = fork(path.join(__dirname, 'subscriber-clients.js'), [], { stdio: 'inherit' });
  let next = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  child.on('message', (m: { id: number; result?: unknown; error?: string }) => {
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (m.error) p?.reject(new Error(m.error));
    else p?.resolve(m.result);
  });
  return {
    pid: child.pid!,
    send: (command) =>
      new Promise((resolve, reject) => {
        const id = ++next;
        pending.set(id, { resolve, reject });
        child.send({ id, command });
      }),
    stop: async () => {
      child.disconnect();
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}
