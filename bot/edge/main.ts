import { loadConfig, ConfigError } from '../core/config';
import { ContentPackError } from '../../content/load';
import { startApp } from './server';

/** Production entry point: `npm start`. */
async function main() {
  let app;
  try {
    app = await startApp({ config: loadConfig() });
  } catch (e) {
    if (e instanceof ConfigError || e instanceof ContentPackError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const shutdown = async () => {
    await app.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((e) => {
  console.error(`The bot could not start: ${(e as Error)?.message ?? e}`);
  process.exit(1);
});
