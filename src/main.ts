import { startBot } from "./app";
import { ConfigError, loadConfig, loadSandboxConfig } from "./config";
import { Logger } from "./logger";
import { startSandbox } from "./sandbox/start";

/**
 * Nothing a request or a document carries may end the process: an error that escapes every
 * handler is logged, and the bot goes on serving (start-up failures still stop it, below).
 */
function keepRunningThroughStrayErrors(): void {
  const logger = new Logger("error");
  process.on("unhandledRejection", (reason) => logger.error("A promise failed with nobody waiting for it", reason));
  process.on("uncaughtException", (error) => logger.error("An error escaped every handler", error));
}

/**
 * `npm start`: against Slack when Slack settings are present, otherwise (or with `--sandbox`,
 * which `npm run sandbox` passes) the sandbox: the real bot against a local stand-in for Slack.
 */
async function main(): Promise<void> {
  const forceSandbox = process.argv.includes("--sandbox");
  const config = forceSandbox ? null : loadConfig();
  if (config?.slack) {
    const bot = await startBot(config);
    keepRunningThroughStrayErrors();
    onShutdown(() => bot.stop());
    return;
  }
  const sandbox = await startSandbox(loadSandboxConfig());
  keepRunningThroughStrayErrors();
  process.stdout.write(
    `localism-bot sandbox: ${sandbox.url} (sandbox mode: no Slack workspace; the bot talks to a local stand-in)\n`,
  );
  onShutdown(() => sandbox.stop());
}

function onShutdown(stop: () => Promise<void>): void {
  const shutdown = () => void stop().finally(() => process.exit(0));
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : `localism-bot failed to start: ${(error as Error).message}`}\n`,
  );
  process.exit(1);
});
