/**
 * Slack's side of bench/mention-latency.ts, in a process of its own (Slack is another machine in
 * real life): the stand-in, seeded with one person and one channel, which posts that person's
 * mentions and delivers their app_mention events to an app, timing the ack and the threaded answer.
 * Prints one JSON line ({ apiUrl, token }) once listening, then answers each command line
 * ({ id, url, count, inFlight }) with { id, acks, answers, elapsedMs }. Exits when stdin closes.
 */
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { startSlackStandin } from "@localism/slack-standin";
import { SIGNING_SECRET } from "./harness";
import { BENCH_QUESTIONS } from "./slack-requests";

interface Command {
  id: number;
  url: string;
  count: number;
  inFlight: number;
}

const standin = await startSlackStandin({
  seed: {
    users: [{ id: "U0BENCH", name: "bench" }],
    channels: [{ id: "C0BENCH", name: "bench", members: ["U0BENCH"] }],
  },
});
const bot = standin.workspace.app.botUserId;

async function run({ url, count, inFlight }: Command) {
  const slack = standin.delivery(url, SIGNING_SECRET);
  const acks: number[] = [];
  const answers: number[] = [];
  let next = 0;
  const started = performance.now();
  const one = async () => {
    const question = BENCH_QUESTIONS[next++ % BENCH_QUESTIONS.length] ?? "";
    const sent = performance.now();
    const posted = await slack.userMessage({ user: "U0BENCH", channel: "C0BENCH", text: `<@${bot}> ${question}` });
    const delivery = posted.deliveries[0];
    if (delivery?.status !== 200) throw new Error(`the app answered HTTP ${delivery?.status}`);
    acks.push(delivery.ackMs);
    await standin.waitForCall("chat.postMessage", (call) => call.params.thread_ts === posted.message.ts, 30_000);
    answers.push(performance.now() - sent);
  };
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < count) await one();
    }),
  );
  return { acks, answers, elapsedMs: performance.now() - started };
}

process.stdout.write(`${JSON.stringify({ apiUrl: standin.apiUrl, token: standin.token })}\n`);
const lines = createInterface({ input: process.stdin });
lines.on("line", (line) => {
  const command = JSON.parse(line) as Command;
  void run(command).then(
    (result) => process.stdout.write(`${JSON.stringify({ id: command.id, ...result })}\n`),
    (error: unknown) => process.stdout.write(`${JSON.stringify({ id: command.id, error: String(error) })}\n`),
  );
});
lines.on("close", () => void standin.close().finally(() => process.exit(0)));
