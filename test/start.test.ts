import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const run = promisify(execFile);
const SLACK = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "abcdef0123456789" };

async function start(env: Record<string, string>) {
  try {
    await run(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", ...env },
      timeout: 20_000,
    });
    return { code: 0, stderr: "" };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, stderr: failed.stderr };
  }
}

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill("SIGTERM");
});

/** Starts `npm start` (or `npm run sandbox` with --sandbox) and resolves with what it printed once it is up. */
function startUntilListening(env: Record<string, string>, args: string[] = []) {
  const database = path.join(mkdtempSync(path.join(tmpdir(), "localism-start-")), "sandbox.db");
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", PORT: "0", DATABASE_URL: `file:${database}`, ...env },
  });
  running.push(child);
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ stdout: string; stderr: string; url: string }>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /(http:\/\/localhost:\d+)/.exec(stdout)?.[1];
      if (url && stdout.endsWith("\n")) resolve({ stdout, stderr, url });
    });
    child.once("exit", (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
  });
}

describe("npm start", () => {
  it("stops with a malformed setting named and explained", async () => {
    const result = await start({ ...SLACK, PORT: "http" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("PORT should be a port number");
  });

  it("without Slack settings runs the sandbox and prints one line with its local address", async () => {
    const started = await startUntilListening({});
    expect(started.stdout.trim().split("\n")).toHaveLength(1);
    expect(started.stdout).toMatch(
      /^localism-bot sandbox: http:\/\/localhost:\d+ \(sandbox mode: no Slack workspace; the bot talks to a local stand-in\)\n$/,
    );
    const page = await fetch(started.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("localism-bot sandbox");
    const state = (await (await fetch(`${started.url}/sandbox/api/state`)).json()) as { regions: { sidebar: string } };
    expect(state.regions.sidebar).toContain("commissioning-team");
  });

  it("npm run sandbox forces sandbox mode even when Slack settings are present", async () => {
    const started = await startUntilListening(SLACK, ["--sandbox"]);
    expect(started.stdout).toContain("sandbox mode");
  });

  it("refuses to run the sandbox on an address other machines can reach unless explicitly asked", async () => {
    const refused = await start({ HOST: "0.0.0.0", PORT: "0" });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("HOST=0.0.0.0 would let other machines reach the sandbox");
    expect(refused.stderr).toContain("SANDBOX_ALLOW_REMOTE=true");

    const allowed = await startUntilListening({ HOST: "0.0.0.0", SANDBOX_ALLOW_REMOTE: "true" });
    expect(allowed.stdout).toContain("sandbox mode");
    expect((await fetch(allowed.url)).status).toBe(200);
  });
});
