/**
 * The Slack stand-in in a process of its own, for benchmarks: Slack's Web API is another machine
 * in real life, so its work must not share the measured app's event loop. Prints one JSON line
 * ({ apiUrl, token }) once listening; exits when its standard input closes.
 *
 *   npx tsx bench/standin-process.ts '<seed as JSON>'
 */
import { type SlackStandinOptions, startSlackStandin } from "@localism/slack-standin";

const seed = JSON.parse(process.argv[2] ?? "{}") as SlackStandinOptions["seed"];
const standin = await startSlackStandin({ seed });
process.stdout.write(`${JSON.stringify({ apiUrl: standin.apiUrl, token: standin.token })}\n`);
process.stdin.resume();
process.stdin.on("end", () => void standin.close().finally(() => process.exit(0)));
