import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { SlackStandin } from "@localism/slack-standin";
import { RECEIPT_PEPPER, SIGNING_SECRET } from "./bot";
import { waitUntil } from "./wait";

const root = path.resolve(import.meta.dirname, "../..");

/** The bot as `npm start` runs it, in a process of its own, against the Slack stand-in. */
export interface BotProcess {
  child: ChildProcess;
  /** Every line the process wrote to stderr (its log, as JSON lines). */
  lines: string[];
  url: string;
  exited: Promise<number | null>;
  logged(text: string): boolean;
}

export function botEnvironment(standin: SlackStandin, databaseUrl: string, extra: Record<string, string> = {}) {
  return {
    PATH: process.env.PATH ?? "",
    SLACK_BOT_TOKEN: standin.token,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: standin.apiUrl,
    CONCERN_RECEIPT_PEPPER: RECEIPT_PEPPER,
    DATABASE_URL: databaseUrl,
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_FORMAT: "json",
    ...extra,
  };
}

/** `npm start`'s node flags and script: the built bot (dist/), as a deployment runs it. */
function npmStartArgs(): string[] {
  const { scripts } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
    scripts: { start: string };
  };
  return scripts.start.split(/\s+/).slice(1);
}

/**
 * Starts `src/main.ts` (or, with `built`, the build as `npm start` runs it) and resolves once it
 * says where it listens.
 */
export async function startBotProcess(
  env: Record<string, string>,
  running: ChildProcess[],
  options: { built?: boolean } = {},
): Promise<BotProcess> {
  const args = options.built ? npmStartArgs() : ["--import", "tsx", "src/main.ts"];
  const child = spawn(process.execPath, args, { cwd: root, env });
  running.push(child);
  const lines: string[] = [];
  let partial = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    const text = partial + chunk.toString();
    const complete = text.split("\n");
    partial = complete.pop() ?? "";
    lines.push(...complete);
  });
  child.stdout?.resume();
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let ended = false;
  void exited.then(() => (ended = true));
  const listening = () => lines.map((line) => /listening on (http:\/\/[\d.]+:\d+)\//.exec(line)?.[1]).find(Boolean);
  await waitUntil(() => ended || listening() !== undefined, 60_000);
  const url = listening();
  if (!url) throw new Error(`the bot exited before listening:\n${lines.join("\n")}`);
  return { child, lines, url, exited, logged: (text) => lines.some((line) => line.includes(text)) };
}

export async function readyz(url: string): Promise<number> {
  try {
    return (await fetch(`${url}/readyz`)).status;
  } catch {
    return 0;
  }
}
