import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const run = promisify(execFile);

async function start(env: Record<string, string>) {
  try {
    await run(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: root, env: { PATH: process.env.PATH ?? "", ...env }, timeout: 20_000 });
    return { code: 0, stderr: "" };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, stderr: failed.stderr };
  }
}

describe("npm start", () => {
  it("stops with a malformed setting named and explained", async () => {
    const result = await start({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "abcdef0123456789", PORT: "http" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("PORT should be a port number");
  });
});
