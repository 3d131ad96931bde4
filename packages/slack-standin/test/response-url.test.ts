import { afterEach, describe, expect, it } from "vitest";
import type { SlackStandin } from "../src/index";
import { seededStandin } from "./helpers";
import { ManualClock } from "./manual-clock";

let standin: SlackStandin;
afterEach(() => standin?.close());

async function setup() {
  const clock = new ManualClock(new Date("2012-06-25T10:00:00Z"));
  const seeded = await seededStandin({ clock });
  standin = seeded.standin;
  return { ...seeded, clock };
}

async function respond(url: string, body: unknown) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { ok: boolean; error?: string } };
}

describe("response_url", () => {
  it("posts an ephemeral message to the user by default and in the channel when asked", async () => {
    const { general, alice } = await setup();
    const url = standin.issueResponseUrl({ channel: general.id, user: alice.id });
    expect(url).toMatch(new RegExp(`^${standin.baseUrl}/response/\\w+$`));
    expect(await respond(url, { text: "Only you see this" })).toEqual({ status: 200, body: { ok: true } });
    await respond(url, { text: "Everyone sees this", response_type: "in_channel" });
    expect(standin.ephemeralsFor(alice.id).map((e) => [e.text, e.source])).toEqual([
      ["Only you see this", "response_url"],
    ]);
    expect(standin.messagesIn(general.id).map((m) => m.text)).toEqual(["Everyone sees this"]);
    expect(standin.callsTo("response_url").map((c) => c.params.text)).toEqual([
      "Only you see this",
      "Everyone sees this",
    ]);
  });

  it("works in a private channel the bot is not in (the usual workaround for not_in_channel)", async () => {
    const { alice } = await setup();
    const secret = standin.workspace.addChannel({
      name: "board",
      is_private: true,
      members: [alice.id],
      botIsMember: false,
    });
    const url = standin.issueResponseUrl({ channel: secret.id, user: alice.id });
    await respond(url, { text: "Logged", response_type: "in_channel" });
    expect(standin.messagesIn(secret.id).map((m) => m.text)).toEqual(["Logged"]);
  });

  it("replaces or deletes the message the interaction came from", async () => {
    const { general, alice, client } = await setup();
    const posted = await client.chat.postMessage({ channel: general.id, text: "Pick an objective" });
    const target = { channel: general.id, user: alice.id, messageTs: String(posted.ts) };
    await respond(standin.issueResponseUrl(target), { text: "You picked objective 2", replace_original: true });
    expect(standin.messagesIn(general.id).map((m) => m.text)).toEqual(["You picked objective 2"]);
    await respond(standin.issueResponseUrl(target), { delete_original: true });
    expect(standin.messagesIn(general.id)).toEqual([]);
  });

  it("can be used 5 times, then answers used_url", async () => {
    const { general, alice } = await setup();
    const url = standin.issueResponseUrl({ channel: general.id, user: alice.id });
    for (let i = 1; i <= 5; i += 1) expect((await respond(url, { text: `reply ${i}` })).status).toBe(200);
    expect(await respond(url, { text: "sixth" })).toEqual({ status: 404, body: { ok: false, error: "used_url" } });
    expect(standin.ephemeralsFor(alice.id)).toHaveLength(5);
  });

  it("expires 30 minutes after it was issued", async () => {
    const { general, alice, clock } = await setup();
    const url = standin.issueResponseUrl({ channel: general.id, user: alice.id });
    clock.advance(30 * 60_000);
    expect((await respond(url, { text: "just in time" })).status).toBe(200);
    clock.advance(1);
    expect(await respond(url, { text: "too late" })).toEqual({
      status: 404,
      body: { ok: false, error: "expired_url" },
    });
  });

  it("refuses an empty message and invalid blocks without posting anything", async () => {
    const { general, alice } = await setup();
    const url = standin.issueResponseUrl({ channel: general.id, user: alice.id });
    expect((await respond(url, {})).body.error).toBe("no_text");
    expect((await respond(url, { text: "x", blocks: [{ type: "carousel" }] })).body.error).toBe("invalid_blocks");
    expect(standin.ephemeralsFor(alice.id)).toEqual([]);
  });
});
