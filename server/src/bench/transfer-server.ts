import { startApp } from '../app';
import { loadConfig } from '../config';
import { collectGarbage } from './stats';
import { createBenchUser, createCourseWorkspace } from './fixture';

/** Messages between the transfer benchmark and the server process it measures. */
export type ServerReady = { type: 'ready'; url: string; token: string; workspaceId: string };
export type ServerRequest = { type: 'gc' } | { type: 'stop' };
export type ServerReply = { type: 'gc-done' } | { type: 'stopped' };

/**
 * The server side of the transfer benchmark, run in its own process so its
 * memory is measured apart from the client's: starts the app on DATA_DIR
 * (SQLite), makes a user and a workspace, reports them over IPC, then obeys
 * `gc` and `stop` requests.
 */
export async function serveForTransfer(): Promise<void> {
  if (!process.send) throw new Error('the transfer server must be started with an IPC channel');
  const send = (message: ServerReady | ServerReply) => process.send!(message);
  const config = loadConfig({ ...process.env, PORT: '0', SEED_DEMO: 'false' });
  const app = await startApp(config);
  const user = await createBenchUser(app.services, 'transfer');
  const workspaceId = await createCourseWorkspace(app.services, user.actor, 'Bench transfer');
  process.on('message', (message: ServerRequest) => {
    if (message.type === 'gc') {
      collectGarbage();
      send({ type: 'gc-done' });
    } else if (message.type === 'stop') {
      app.stop().then(
        () => {
          send({ type: 'stopped' });
          process.disconnect();
        },
        (error) => {
          console.error('transfer server failed to stop', error);
          process.exit(1);
        },
      );
    }
  });
  send({ type: 'ready', url: app.url, token: user.token, workspaceId });
}
