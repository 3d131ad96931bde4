/**
 * The Slack stand-in in a process of its own, for benchmarks: Slack's Web API is another machine
 * in real life, so its work must not share the measured app's event loop. Prints one JSON line
 * ({ apiUrl, token }) once listening; exits when its standard input closes.
 *
 *   npx tsx bench/standin-process.ts '<seed as JSON>' ['<rate limits as JSON>']
 *
 * The rate limits, by method (e.g. { "chat.postMessage": { "perChannelPerSecond": 1 } }), are Slack's
 * own where a benchmark should meet them; without them the stand-in takes every call at once.
 */
import { type RateLimitRule, type SlackStandinOptions, startSlackStandin } from "@localism/slack-standin";

const seed = JSON.parse(process.argv[2] ?? "{}") as SlackStandinOptions["seed"];
const limits = JSON.parse(process.argv[3] ?? "{}") as Record<string, RateLimitRule>;
const standin = await startSlackStandin({ seed });
for (const [method, rule] of Object.entries(limits)) standin.rateLimit(method, rule);
process.stdout.write(`${JSON.stringify({ apiUrl: standin.apiUrl, token: standin.token })}\n`);
process.stdin.resume();
process.stdin.on("end", () => void standin.close().finally(() => process.exit(0)));
