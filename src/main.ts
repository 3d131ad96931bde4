import { startBot } from "./app";
import { ConfigError, loadConfig, MISSING_SLACK_SETTINGS } from "./config";

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.slack) {
    process.stderr.write(`${MISSING_SLACK_SETTINGS}\n`);
    process.exitCode = 1;
    return;
  }
  const bot = await startBot(config);
  const shutdown = () => void bot.stop().finally(() => process.exit(0));
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : `localism-bot failed to start: ${(error as Error).message}`}\n`);
  process.exit(1);
});
