import type { ChildProcess } from "node:child_process";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { SlackStandin } from "@localism/slack-standin";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIGNING_SECRET, startTestStandin } from "../support/bot";
import { freshPostgresUrl } from "../support/databases";
import { type BotProcess, botEnvironment, readyz, startBotProcess } from "../support/instances";
import { waitUntil } from "../support/wait";

const MINUTES = readFileSync(
  path.resolve(import.meta.dirname, "../fixtures/minutes/wharfedale-ccg-governing-body-2013-01-10.txt"),
  "utf8",
);
const ADMIN = { id: "U0ADMIN01", name: "helen.ward", real_name: "Helen Ward", is_admin: true };
const CHANNEL = { id: "C0COMMISS", name: "ccg-commissioning" };

/** The process (among `bots`) that holds the loopback TCP connection coming from `port`. */
function processWithConnectionFrom(port: number, bots: BotProcess[]): BotProcess | undefined {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields[1]?.endsWith(`:${hexPort}`) && fields[9]) inodes.add(fields[9]);
    }
  }
  return bots.find((bot) =>
    readdirSync(`/proc/${bot.child.pid}/fd`).some((fd) => {
      try {
        return inodes.has(/socket:\[(\d+)\]/.exec(readlinkSync(`/proc/${bot.child.pid}/fd/${fd}`))?.[1] ?? "");
      } catch {
        return false;
      }
    }),
  );
}

/**
 * Two bot processes on one PostgreSQL database poll one minutes source. The one polling is killed
 * with SIGKILL while its fetch is in flight: the other takes over, within minutes rather than
 * waiting out a lease meant for the longest poll.
 */
describe.skipIf(!process.env.TEST_POSTGRES_URL || process.platform !== "linux")(
  "a minutes poll whose process dies mid-fetch",
  () => {
    const running: ChildProcess[] = [];
    const arrivals: { from: number; at: number }[] = [];
    const held: ServerResponse[] = [];
    let publisher: Server;
    let standin: SlackStandin;

    beforeAll(async () => {
      // The first fetch (the source being added) is answered; the second (the first poll) never is.
      publisher = createServer((request, response) => {
        arrivals.push({ from: request.socket.remotePort ?? 0, at: Date.now() });
        if (arrivals.length === 2) held.push(response);
        else response.writeHead(200, { "content-type": "text/plain" }).end(MINUTES);
      });
      await new Promise<void>((resolve) => publisher.listen(0, "127.0.0.1", resolve));
      standin = await startTestStandin({
        seed: { users: [ADMIN], channels: [{ ...CHANNEL, members: [ADMIN.id] }] },
      });
    });
    afterAll(async () => {
      for (const child of running) if (child.exitCode === null) child.kill("SIGKILL");
      for (const response of held) response.destroy();
      publisher.closeAllConnections();
      await new Promise((resolve) => publisher.close(resolve));
      await standin?.close();
    });

    it("is polled again by the process left", { timeout: 420_000 }, async () => {
      const env = botEnvironment(standin, await freshPostgresUrl(), {
        FETCH_ALLOW_PRIVATE_HOSTS: "true",
        FETCH_TIMEOUT_SECONDS: "600",
        MINUTES_POLL_INTERVAL_MINUTES: "1",
      });
      const bots = await Promise.all([1, 2].map(() => startBotProcess(env, running, { built: true })));
      await waitUntil(
        async () => (await Promise.all(bots.map((bot) => readyz(bot.url)))).every((s) => s === 200),
        60_000,
      );
      const url = `http://127.0.0.1:${(publisher.address() as AddressInfo).port}/minutes.txt`;
      const slack = standin.delivery(`${bots[0]?.url}/slack/events`, SIGNING_SECRET);
      const added = await slack.slashCommand({
        command: "/digest",
        text: `source add ${url}`,
        user: ADMIN.id,
        channel: CHANNEL.id,
      });
      expect(added.status).toBe(200);
      await waitUntil(() => arrivals.length >= 1, 60_000);

      // A poll starts; the process making it is killed while it waits for the answer.
      await waitUntil(() => arrivals.length === 2, 180_000);
      const poller = processWithConnectionFrom(arrivals[1]?.from ?? 0, bots);
      if (!poller) throw new Error("no bot process holds the poll's connection");
      poller.child.kill("SIGKILL");
      await poller.exited;

      // The process left polls the source again.
      await waitUntil(() => arrivals.length >= 3, 300_000);
      expect(poller.child.signalCode).toBe("SIGKILL");
    });
  },
);
