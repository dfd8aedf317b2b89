import 'reflect-metadata';
import { loadConfig } from './config';
import { startApp } from './app';
import { configureLogger } from './core/logger';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = configureLogger(config.logLevel);
  const app = await startApp(config);
  logger.info({ metrics: app.metricsUrl, role: config.role, dialect: config.dialect, dataDir: config.dataDir }, `Stagecoach API listening on ${app.url}/graphql`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: draining requests and subscriptions`);
    await app.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
