/**
 * What the benchmarks that run processes of their own share: `npm start`'s node arguments, the
 * stand-in for Slack in a process of its own, a free loopback port, and resident memory read
 * from /proc (Linux).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..");

/** `npm start`'s own node flags and script, so a figure is what a deployment runs. */
export function npmStartArgs(): string[] {
  const { scripts } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
    scripts: { start: string };
  };
  return scripts.start.split(/\s+/).slice(1);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Resident memory of a process and all its descendants, in MB. */
export function treeRssMb(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const rssOf = (id: number): number => {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${id}/status`, "utf8"));
    return Number(match?.[1] ?? 0) / 1024 + (children.get(id) ?? []).reduce((sum, child) => sum + rssOf(child), 0);
  };
  return rssOf(pid);
}

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resolves once a bot process says where it listens; rejects if it exits first, with what it said. */
export function untilListening(bot: ChildProcess): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let seen = "";
    bot.stderr?.on("data", (data: Buffer) => {
      seen += data.toString();
      if (seen.includes("listening on")) resolve();
    });
    bot.once("exit", (code) => reject(new Error(`the bot exited (${code}) before listening:\n${seen}`)));
  });
}

/** Starts a TypeScript script under tsx and returns it with the first line it prints. */
export async function startScript(script: string, args: string[] = []): Promise<[ChildProcess, string]> {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: root,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const [line] = (await once(child.stdout as NodeJS.ReadableStream, "data")) as [Buffer];
  return [child, line.toString("utf8")];
}

export interface StandinProcess {
  apiUrl: string;
  token: string;
  process: ChildProcess;
  close(): void;
}

/** Slack's Web API (the stand-in) in a process of its own, as Slack is another machine in real life. */
export async function startStandinProcess(seed: object = {}, limits: object = {}): Promise<StandinProcess> {
  const [child, line] = await startScript("bench/standin-process.ts", [JSON.stringify(seed), JSON.stringify(limits)]);
  const { apiUrl, token } = JSON.parse(line) as { apiUrl: string; token: string };
  return { apiUrl, token, process: child, close: () => child.stdin?.end() };
}
