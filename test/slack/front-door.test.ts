import { createHmac } from "node:crypto";
import { request } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANNELS, PEOPLE, SIGNING_SECRET, startTestBot, type TestBot } from "../support/bot";
import { waitUntil } from "../support/wait";

interface Sent {
  status: number;
  body: string;
}

function signedHeaders(body: string, contentType: string, timestamp = Math.floor(Date.now() / 1000)) {
  const signature = `v0=${createHmac("sha256", SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  return {
    "content-type": contentType,
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": signature,
  };
}

function send(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string | Buffer,
): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const form = "application/x-www-form-urlencoded";

function objectivesCommand(text: string): string {
  return new URLSearchParams({
    command: "/objectives",
    text,
    team_id: "T0RIVERSIDE",
    user_id: PEOPLE.staff.id,
    channel_id: CHANNELS.commissioning.id,
    response_url: "http://127.0.0.1:1/unused",
    trigger_id: "1.2.3",
  }).toString();
}

describe("the bot's HTTP front door", () => {
  let t: TestBot;
  let port: number;
  beforeAll(async () => {
    t = await startTestBot();
    port = t.bot.port as number;
  });
  afterAll(() => t?.close());

  let commands = 0;
  const stillAnswers = async () => {
    // Each command Slack sends is its own (a new trigger_id): the same signed bytes again would be a replay.
    const body = objectivesCommand("1").replace("trigger_id=1.2.3", `trigger_id=${++commands}.2.3`);
    const reply = await send(port, "POST", "/slack/events", signedHeaders(body, form), body);
    expect(reply.status).toBe(200);
    expect(reply.body).toContain("Transferring power to local organisations");
  };

  it("refuses a signed payload=null or a JSON null with 400, and keeps answering", async () => {
    for (const [body, type] of [
      ["payload=null", form],
      ["null", "application/json"],
      ["[1,2]", "application/json"],
      ["payload=%5B%5D", form],
    ] as const) {
      expect((await send(port, "POST", "/slack/events", signedHeaders(body, type), body)).status).toBe(400);
    }
    await stillAnswers();
  });

  it("refuses a command that is unsigned, signed with another secret or stamped too long ago, and answers Slack's SSL check", async () => {
    const body = objectivesCommand("1").replace("trigger_id=1.2.3", "trigger_id=forged.2.3");
    const now = Math.floor(Date.now() / 1000);
    const otherSecret = `v0=${createHmac("sha256", "not-the-secret").update(`v0:${now}:${body}`).digest("hex")}`;
    for (const headers of [
      { "content-type": form },
      { ...signedHeaders(body, form), "x-slack-signature": otherSecret },
      signedHeaders(body, form, now - 10 * 60),
    ]) {
      const reply = await send(port, "POST", "/slack/events", headers, body);
      expect(reply).toEqual({ status: 401, body: "" });
    }
    // Slack's check of the certificate is never signed; anything sent with it is ignored.
    const check = await send(port, "POST", "/slack/events", { "content-type": form }, `ssl_check=1&${body}`);
    expect(check.status).toBe(200);
    expect(check.body).not.toContain("Transferring power");
    await stillAnswers();
  });

  it("answers other methods on the events path with 405 and paths it does not serve with 404, logging no error", async () => {
    const before = t.logs.length;
    for (const method of ["GET", "PUT", "DELETE"]) {
      const reply = await new Promise<{ status: number; allow: string | undefined }>((resolve, reject) => {
        const req = request({ host: "127.0.0.1", port, method, path: "/slack/events" }, (res) => {
          res.resume();
          res.on("end", () => resolve({ status: res.statusCode ?? 0, allow: res.headers.allow }));
        });
        req.on("error", reject);
        req.end();
      });
      expect(reply, method).toEqual({ status: 405, allow: "POST" });
    }
    expect((await send(port, "GET", "/slack/nothing-here", {})).status).toBe(404);
    const body = objectivesCommand("1").replace("trigger_id=1.2.3", "trigger_id=elsewhere.2.3");
    expect((await send(port, "POST", "/elsewhere", signedHeaders(body, form), body)).status).toBe(404);
    const errors = t.logs.slice(before).filter((line) => JSON.parse(line).level === "error");
    expect(errors).toEqual([]);
    await stillAnswers();
  });

  it("refuses requests stamped more than five minutes in the future", async () => {
    const body = objectivesCommand("1");
    const future = Math.floor(Date.now() / 1000) + 10 * 60;
    expect((await send(port, "POST", "/slack/events", signedHeaders(body, form, future), body)).status).toBe(401);
    const nextYear = Math.floor(Date.now() / 1000) + 365 * 24 * 3600;
    expect((await send(port, "POST", "/slack/events", signedHeaders(body, form, nextYear), body)).status).toBe(401);
  });

  it("answers 413 to a body over the limit, declared or chunked, and the client reads the answer", async () => {
    const big = Buffer.alloc(2 * 1024 * 1024, "a");
    const declared = await send(
      port,
      "POST",
      "/slack/events",
      { "content-type": form, "content-length": String(big.length) },
      big,
    );
    expect(declared.status).toBe(413);
    const chunked = await send(
      port,
      "POST",
      "/slack/events",
      { "content-type": form, "transfer-encoding": "chunked" },
      Buffer.alloc(10 * 1024 * 1024, "b"),
    );
    expect(chunked.status).toBe(413);
    await stillAnswers();
  });

  it("acknowledges Slack's signed app_rate_limited notice and logs it", async () => {
    const body = JSON.stringify({
      token: "x",
      type: "app_rate_limited",
      team_id: "T0RIVERSIDE",
      minute_rate_limited: 1518467820,
      api_app_id: "A0LOCALISM",
    });
    const reply = await send(port, "POST", "/slack/events", signedHeaders(body, "application/json"), body);
    expect(reply.status).toBe(200);
    expect(t.logs.some((line) => line.includes("rate limiting this app's events"))).toBe(true);
    const forged = await send(
      port,
      "POST",
      "/slack/events",
      {
        "content-type": "application/json",
        "x-slack-request-timestamp": String(Math.floor(Date.now() / 1000)),
        "x-slack-signature": "v0=00",
      },
      body,
    );
    expect(forged.status).toBe(401);
  });

  it("answers Slack's signed URL verification with its challenge, and refuses an unsigned one", async () => {
    const body = JSON.stringify({
      token: "x",
      challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
      type: "url_verification",
    });
    const reply = await send(port, "POST", "/slack/events", signedHeaders(body, "application/json"), body);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" });
    const unsigned = await send(port, "POST", "/slack/events", { "content-type": "application/json" }, body);
    expect(unsigned.status).toBe(401);
  });

  it("answers /healthz, and /readyz once the database and Slack's auth.test are fine", async () => {
    expect(await send(port, "GET", "/healthz", {})).toEqual({ status: 200, body: JSON.stringify({ status: "up" }) });
    await waitUntil(async () => (await send(port, "GET", "/readyz", {})).status === 200);
    expect(JSON.parse((await send(port, "GET", "/readyz", {})).body)).toEqual({
      ok: true,
      checks: { database: "ok", migrations: "ok", slack: "ok" },
    });
  });
});

describe("a request whose body never finishes", () => {
  it("is cut off with 408", async () => {
    const t = await startTestBot({ bodyTimeoutMs: 500 });
    try {
      const socket = connect(t.bot.port as number, "127.0.0.1");
      const received: Buffer[] = [];
      socket.on("data", (chunk: Buffer) => received.push(chunk));
      const closed = new Promise((resolve) => socket.once("close", resolve));
      socket.write(
        `POST /slack/events HTTP/1.1\r\nHost: localhost\r\nContent-Type: ${form}\r\nContent-Length: 1000\r\n\r\ncommand=`,
      );
      await closed;
      expect(Buffer.concat(received).toString()).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      await t.close();
    }
  });
});

describe("start-up while Slack's Web API fails", () => {
  it("opens the port at once and reports auth.test's failure through /readyz", async () => {
    const t = await startTestBot({ slackFailures: { "auth.test": { status: 500, times: 1000 } } });
    try {
      const port = t.bot.port as number;
      expect((await send(port, "GET", "/healthz", {})).status).toBe(200);
      await waitUntil(
        async () => JSON.parse((await send(port, "GET", "/readyz", {})).body).checks.slack !== "checking",
      );
      const ready = await send(port, "GET", "/readyz", {});
      expect(ready.status).toBe(503);
      expect(JSON.parse(ready.body).checks.slack).toMatch(/^failed/);
    } finally {
      await t.close();
    }
  });

  it("refuses an unsigned request, or one to another path, at once rather than waiting for the token to be accepted", async () => {
    const t = await startTestBot({ slackFailures: { "auth.test": { status: 500, times: 1000 } } });
    try {
      const port = t.bot.port as number;
      const body = objectivesCommand("1");
      expect(await send(port, "POST", "/slack/events", { "content-type": form }, body)).toEqual({
        status: 401,
        body: "",
      });
      const signed = await send(port, "POST", "/slack/events", signedHeaders(body, form), body);
      expect(signed.status).toBe(503);
      expect(signed.body).toContain("not ready");
      // Nothing but the events path takes a POST: answered at once too.
      expect((await send(port, "POST", "/elsewhere", signedHeaders(body, form), body)).status).toBe(404);
    } finally {
      await t.close();
    }
  });
});

describe("ids that are not Slack ids", () => {
  it("a team or user id such as __proto__ is refused politely, and the bot goes on", async () => {
    const t = await startTestBot();
    try {
      const port = t.bot.port as number;
      for (const field of ["team_id", "user_id", "channel_id"]) {
        for (const value of ["__proto__", "constructor", "toString"]) {
          const params = new URLSearchParams(objectivesCommand("what is assumed liberty"));
          params.set(field, value);
          const body = params.toString();
          const reply = await send(port, "POST", "/slack/events", signedHeaders(body, form), body);
          expect(reply.status, `${field}=${value}`).toBe(400);
        }
      }
      const body = objectivesCommand("1");
      expect((await send(port, "POST", "/slack/events", signedHeaders(body, form), body)).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe("log lines written while handling a request", () => {
  it("carry the request's id and workspace, and lines of one request share the id", async () => {
    const t = await startTestBot();
    try {
      const before = t.logs.length;
      const body = objectivesCommand("what is assumed liberty");
      expect((await send(t.bot.port as number, "POST", "/slack/events", signedHeaders(body, form), body)).status).toBe(
        200,
      );
      const lines = t.logs
        .slice(before)
        .map((line) => JSON.parse(line) as { requestId?: string; workspaceId?: string });
      const fromRequest = lines.filter((line) => line.requestId);
      expect(fromRequest.length).toBeGreaterThan(0);
      expect(new Set(fromRequest.map((line) => line.requestId)).size).toBe(1);
      expect(fromRequest.every((line) => line.workspaceId === "T0RIVERSIDE")).toBe(true);
    } finally {
      await t.close();
    }
  });
});
