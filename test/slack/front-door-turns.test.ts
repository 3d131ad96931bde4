import { Agent, request } from "node:http";
import type { AddressInfo } from "node:net";
import { slackSignature } from "@localism/slack-standin";
import { describe, expect, it } from "vitest";
import { Logger } from "../../src/logger";
import { createFrontDoor } from "../../src/slack/front-door";
import { turnGate } from "../../src/slack/turn-gate";

const SIGNING_SECRET = "turns";
const BUSY_MS_PER_REQUEST = 8;
const WARM_CONNECTIONS = 16;
const REQUESTS_ON_WARM_CONNECTIONS = 160;
const NEW_CONNECTIONS = 8;

const body = new URLSearchParams({
  command: "/objectives",
  text: "1",
  team_id: "T0TURNS",
  user_id: "U0TURNS",
}).toString();

function post(port: number, agent: Agent | false): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method: "POST", path: "/slack/events", agent }, (res) =>
      res.resume().on("end", () => resolve()),
    );
    const timestamp = Math.floor(Date.now() / 1000);
    req.setHeader("content-type", "application/x-www-form-urlencoded");
    req.setHeader("x-slack-request-timestamp", String(timestamp));
    req.setHeader("x-slack-signature", slackSignature(SIGNING_SECRET, timestamp, body));
    req.on("error", reject);
    req.end(body);
  });
}

/** A front door whose app spends `BUSY_MS_PER_REQUEST` of the main thread on each request, as a busy bot does. */
async function busyFrontDoor(requestsPerTurn: number) {
  const server = createFrontDoor({
    requestListener: (_req, res) => {
      const until = performance.now() + BUSY_MS_PER_REQUEST;
      while (performance.now() < until);
      res.end("ok");
    },
    signingSecret: SIGNING_SECRET,
    logger: new Logger("error", () => {}),
    readiness: async () => ({ ok: true, checks: {} }),
    appReady: async () => true,
    requestsPerTurn,
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

/**
 * Keeps WARM_CONNECTIONS connections busy until REQUESTS_ON_WARM_CONNECTIONS have been answered,
 * opens NEW_CONNECTIONS more as that starts, and returns how many of the busy connections'
 * requests had been answered when the last new connection's request was.
 */
async function answeredBeforeLastNewConnection(requestsPerTurn: number): Promise<number> {
  const { server, port } = await busyFrontDoor(requestsPerTurn);
  const agent = new Agent({ keepAlive: true, maxSockets: WARM_CONNECTIONS });
  try {
    await Promise.all(Array.from({ length: WARM_CONNECTIONS }, () => post(port, agent)));
    let answeredOnWarm = 0;
    let sent = 0;
    const keepSending = async () => {
      while (sent < REQUESTS_ON_WARM_CONNECTIONS) {
        sent += 1;
        await post(port, agent);
        answeredOnWarm += 1;
      }
    };
    let answeredBeforeLast = 0;
    const newConnections = Array.from({ length: NEW_CONNECTIONS }, () =>
      post(port, false).then(() => {
        answeredBeforeLast = answeredOnWarm;
      }),
    );
    await Promise.all([...Array.from({ length: WARM_CONNECTIONS }, keepSending), ...newConnections]);
    return answeredBeforeLast;
  } finally {
    agent.destroy();
    server.close();
  }
}

describe("requests a few at a time per turn of the event loop", () => {
  it("answers connections opened during a burst sooner than when each turn takes every request that arrived", async () => {
    // Node accepts one new connection per turn: the longer each turn, the longer new connections wait.
    const everyRequestAtOnce = await answeredBeforeLastNewConnection(Number.POSITIVE_INFINITY);
    const aFewPerTurn = await answeredBeforeLastNewConnection(1);
    expect(aFewPerTurn).toBeLessThanOrEqual(everyRequestAtOnce / 2);
  });
});

describe("turnGate", () => {
  it("lets a few requests start per turn, the rest at later turns in the order they came", async () => {
    const enter = turnGate(2);
    const started: number[] = [];
    const waits = Array.from({ length: 5 }, (_, i) => {
      const wait = enter();
      if (!wait) {
        started.push(i);
        return Promise.resolve();
      }
      return wait.then(() => started.push(i));
    });
    expect(started).toEqual([0, 1]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1, 2, 3]);
    await Promise.all(waits);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(enter()).toBeUndefined();
  });
});
