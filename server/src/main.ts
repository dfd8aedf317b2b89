import 'reflect-metadata';
import { loadConfig } from './config';
import { startApp } from './app';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await startApp(config);
  console.log(`Stagecoach API listening on ${app.url}/graphql (${config.dialect}, data in ${config.dataDir})`);
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
