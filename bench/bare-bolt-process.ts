/**
 * The baseline for the load and soak benchmark in a process of its own, as the bot is: a bare Bolt
 * app that acknowledges every request the mix sends and does nothing else. Prints one JSON line
 * ({ port }) once listening; exits when its standard input closes.
 *
 *   npx tsx bench/bare-bolt-process.ts '<{ apiUrl, token, signingSecret }>'
 */
import { App, LogLevel } from "@slack/bolt";
import { silentLogger } from "./harness";

const { apiUrl, token, signingSecret } = JSON.parse(process.argv[2] ?? "{}") as Record<string, string>;
const app = new App({
  token,
  signingSecret,
  logger: silentLogger,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: apiUrl },
});
app.command(/.*/, async ({ ack }) => ack());
app.view(/.*/, async ({ ack }) => ack());
app.action(/.*/, async ({ ack }) => ack());
app.event(/.*/, async () => {});
const server = (await app.start({ port: 0, host: "127.0.0.1" })) as { address(): { port: number } };
process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
process.stdin.resume();
process.stdin.on("end", () => void app.stop().finally(() => process.exit(0)));
