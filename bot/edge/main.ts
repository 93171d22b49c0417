import { loadConfig, ConfigError, type Config } from '../core/config';
import { startEmbeddedCosmosThread } from '../../storage/embedded-thread';
import type { EmbeddedCosmos } from '../../storage/embedded-types';

/** A configuration or content problem: one sentence for the operator, no stack trace. */
function isSetupError(e: unknown): boolean {
  return e instanceof ConfigError || (e as Error)?.name === 'ContentPackError';
}

/**
 * Production entry point: `npm start` (compiled: node dist/bot/edge/main.js). With the embedded store,
 * its worker thread starts first, so it boots on the other core while this thread loads the bot.
 */
async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (!isSetupError(e)) throw e;
    console.error((e as Error).message);
    process.exit(1);
  }
  const early: Promise<EmbeddedCosmos> | undefined = config.embeddedStorage ? startEmbeddedCosmosThread() : undefined;
  const { startApp } = await import('./server');
  let app;
  try {
    app = await startApp({ config, ownEmbedded: early ? await early : undefined });
  } catch (e) {
    if (!isSetupError(e)) throw e;
    console.error((e as Error).message);
    process.exit(1);
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
