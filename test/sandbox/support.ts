import { loadSandboxConfig } from "../../src/config";
import { Logger } from "../../src/logger";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/start";
import { freshSqliteUrl } from "../support/databases";

export const STAFF = "U0PRIYASH";
export const LEAD = "U0HELENWD";
export const COMMISSIONING = "C0COMMTEAM";
export const TRIAGE = "G0TRIAGE01";
export const DIGEST = "C0DIGEST01";

export interface TestSandbox {
  sandbox: RunningSandbox;
  logs: string[];
}

/** The sandbox as `npm start` runs it, on a free loopback port with a fresh SQLite file. */
export async function startTestSandbox(env: Record<string, string> = {}): Promise<TestSandbox> {
  const logs: string[] = [];
  const config = loadSandboxConfig({ PORT: "0", DATABASE_URL: freshSqliteUrl(), ...env });
  const sandbox = await startSandbox(config, { logger: new Logger("debug", (line) => logs.push(line)) });
  return { sandbox, logs };
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { ok: boolean; error?: string } };
}
