import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PageState } from "../../src/sandbox/page/contract";
import { COMMISSIONING, LEAD, postJson, STAFF, startTestSandbox, type TestSandbox } from "./support";

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t?.sandbox.stop());

const url = (path: string) => `${t.sandbox.url}${path}`;
const state = async (as: string, open: string) =>
  (await (await fetch(url(`/sandbox/api/state?as=${as}&open=${open}`))).json()) as PageState;

/** A GET with a Host header of our choosing (fetch will not set one). */
function getWithHost(path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request({ host: "127.0.0.1", port: t.sandbox.port, path, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    })
      .on("error", reject)
      .end();
  });
}

describe("the sandbox server", () => {
  it("serves the page with a strict content security policy and the page's script", async () => {
    const page = await fetch(url("/"));
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(await page.text()).toContain('<script type="module" src="/sandbox/page.js"></script>');
    const script = await fetch(url("/sandbox/page.js"));
    expect(script.headers.get("content-type")).toContain("text/javascript");
    expect(await script.text()).toContain("/sandbox/events");
  });

  it("runs a slash command through the real bot and shows its reply only to the person who typed it", async () => {
    const sent = await postJson(url("/sandbox/api/message"), {
      as: STAFF,
      channel: COMMISSIONING,
      text: "/objectives 2",
    });
    expect(sent.body).toEqual({ ok: true });
    expect((await state(STAFF, COMMISSIONING)).regions.pane).toContain(
      "Objective 2. Establishing the commissioning landscape",
    );
    expect((await state(LEAD, COMMISSIONING)).regions.pane).not.toContain(
      "Objective 2. Establishing the commissioning landscape",
    );
  });

  it("posts what is not a command as the person's message, and refuses commands the manifest does not declare", async () => {
    expect(
      (
        await postJson(url("/sandbox/api/message"), {
          as: STAFF,
          channel: COMMISSIONING,
          text: "Has the area team replied?",
        })
      ).body,
    ).toEqual({ ok: true });
    expect(t.sandbox.standin.messagesIn(COMMISSIONING).at(-1)).toMatchObject({
      user: STAFF,
      text: "Has the area team replied?",
    });
    await postJson(url("/sandbox/api/message"), {
      as: STAFF,
      channel: COMMISSIONING,
      text: "Q&A <b>today</b>: https://www.gov.uk/x.",
    });
    expect(t.sandbox.standin.messagesIn(COMMISSIONING).at(-1)?.text).toBe(
      "Q&amp;A &lt;b&gt;today&lt;/b&gt;: <https://www.gov.uk/x>.",
    );
    const unknown = await postJson(url("/sandbox/api/message"), {
      as: STAFF,
      channel: COMMISSIONING,
      text: "/remind me",
    });
    expect(unknown.body).toEqual({
      ok: false,
      error:
        '/remind is not a valid command. In Slack, all messages that start with the "/" character are interpreted as commands.',
    });
  });

  it("will not let someone post where they cannot see, or act as someone outside the sandbox", async () => {
    expect(
      (await postJson(url("/sandbox/api/message"), { as: STAFF, channel: "G0TRIAGE01", text: "hello" })).body,
    ).toEqual({ ok: false, error: "You can't post there." });
    expect((await postJson(url("/sandbox/api/home"), { as: "U0INTRUDER" })).body.ok).toBe(false);
  });

  it("delivers the manifest's message shortcut on a seeded message as Slack's signed message_action, whole message included", async () => {
    const delivered: unknown[] = [];
    t.sandbox.bot.app.use(async ({ body, next }) => {
      if (body.type === "message_action") delivered.push(body);
      await next();
    });
    const seeded = t.sandbox.standin.messagesIn(COMMISSIONING).find((m) => m.text.includes("ophthalmology"));
    await postJson(url("/sandbox/api/shortcut"), {
      as: STAFF,
      callbackId: "log_autonomy_concern",
      channel: COMMISSIONING,
      ts: seeded?.ts,
    });
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({
      callback_id: "log_autonomy_concern",
      user: { id: STAFF },
      channel: { id: COMMISSIONING, name: "commissioning-team" },
      message_ts: seeded?.ts,
      message: { user: "U0AMINAHU", text: expect.stringContaining("ophthalmology procurement") },
      trigger_id: expect.any(String),
      response_url: expect.stringContaining("/response/"),
    });
    const notMessage = await postJson(url("/sandbox/api/shortcut"), { as: STAFF, callbackId: "log_autonomy_concern" });
    expect(notMessage.body).toEqual({
      ok: false,
      error: '"Log autonomy concern" works on a message: use ⋮ More actions on one.',
    });
    expect((await postJson(url("/sandbox/api/shortcut"), { as: STAFF, callbackId: "no_such_shortcut" })).body.ok).toBe(
      false,
    );
  });

  it("delivers app_home_opened so the bot publishes the person's Home tab", async () => {
    expect((await postJson(url("/sandbox/api/home"), { as: LEAD })).body).toEqual({ ok: true });
    await expect
      .poll(async () => (await state(LEAD, "app:home")).regions.pane)
      .toContain("Transferring power to local organisations");
  });

  it("announces each change as a server-sent event", async () => {
    const controller = new AbortController();
    const response = await fetch(url("/sandbox/events"), { signal: controller.signal });
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toMatch(/^event: change\ndata: \d+\n\n/);
    await postJson(url("/sandbox/api/message"), { as: STAFF, channel: COMMISSIONING, text: "another message" });
    const next = new TextDecoder().decode((await reader.read()).value);
    expect(Number(/data: (\d+)/.exec(next)?.[1])).toBeGreaterThan(Number(/data: (\d+)/.exec(first)?.[1]));
    controller.abort();
  });

  it("refuses other sites: a foreign Host (DNS rebinding), another Origin, or a body that is not JSON", async () => {
    expect(await getWithHost("/", "attacker.example:3000")).toBe(421);
    expect(await getWithHost("/", `localhost:${t.sandbox.port}`)).toBe(200);
    const crossSite = await postJson(
      url("/sandbox/api/message"),
      { as: STAFF, channel: COMMISSIONING, text: "/objectives" },
      { origin: "https://attacker.example" },
    );
    expect(crossSite.status).toBe(403);
    const form = await fetch(url("/sandbox/api/message"), {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "{}",
    });
    expect(form.status).toBe(403);
  });

  it("serves the sample minutes feed with links back to itself", async () => {
    const feed = await fetch(url("/sandbox/minutes/feed.atom"));
    expect(feed.headers.get("content-type")).toContain("application/atom+xml");
    expect(await feed.text()).toContain(
      `href="${t.sandbox.url}/sandbox/minutes/accountability-meeting-2012-12-10.html"`,
    );
  });
});
