import 'reflect-metadata';
import { loadConfig } from './config';
import { startApp, type RunningApp } from './app';
import { configureLogger, logger } from './core/logger';

// A stray rejection (a dropped promise in a library, say) is a bug to fix, not a reason to
// take down every request and upload this process is serving.
process.on('unhandledRejection', (reason) => {
  logger.error({ err: reason }, 'unhandled rejection (the process keeps running)');
});

async function main(): Promise<void> {
  const config = loadConfig();
  const log = configureLogger(config.logLevel);
  let app: RunningApp | null = null;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, graceMs: config.shutdownGraceMs }, `${signal}: draining requests and subscriptions (at most ${config.shutdownGraceMs} ms)`);
    // The last word on time: whatever still hangs (a frozen database, a stuck socket) does not keep the process alive.
    setTimeout(() => {
      const cut = app?.services.blobs.writesInProgress ?? 0;
      log.error({ signal, cut }, `${signal}: the shutdown grace of ${config.shutdownGraceMs} ms ran out; exiting${cut ? ` (${cut} upload(s) cut)` : ''}`);
      void app?.services.blobs.settle(0).finally(() => process.exit(1));
      setTimeout(() => process.exit(1), 100).unref();
    }, config.shutdownGraceMs + 500).unref();
    // During start-up, main() stops the app once it is up (the timer above bounds the wait).
    if (!app) return;
    await app.stop();
    process.exit(0);
  };
  // Installed before start-up so a signal during migrations or the seed is not left to the default handler mid-write.
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  app = await startApp(config);
  if (stopping) {
    await app.stop();
    process.exit(0);
  }
  log.info(
    { metrics: app.metricsUrl, role: config.role, dialect: config.dialect, dataDir: config.dataDir },
    `Stagecoach API listening on ${app.url}/graphql (${config.dialect}, data in ${config.dataDir})`,
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
