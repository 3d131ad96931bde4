import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SlackStandin } from "../src/index";
import { seededStandin, slackError } from "./helpers";

let standin: SlackStandin;
let people: Awaited<ReturnType<typeof seededStandin>>;

beforeEach(async () => {
  people = await seededStandin();
  standin = people.standin;
});
afterEach(async () => {
  await standin.close();
});

type Listed = { messages?: Array<Record<string, unknown>>; has_more?: boolean };

describe("threads read back as Slack answers them", () => {
  it("conversations.replies: the parent first, then the replies oldest first, metadata only when asked", async () => {
    const { client, general } = people;
    const root = await client.chat.postMessage({ channel: general.id, text: "The card" });
    const first = await client.chat.postMessage({
      channel: general.id,
      thread_ts: root.ts,
      text: "A note",
      metadata: { event_type: "note", event_payload: { outbox: "k1" } },
    });
    const second = await client.chat.postMessage({ channel: general.id, thread_ts: first.ts, text: "Another" });

    const plain = (await client.conversations.replies({ channel: general.id, ts: root.ts ?? "" })) as Listed;
    expect(plain.messages?.map((m) => m.ts)).toEqual([root.ts, first.ts, second.ts]);
    expect(plain.messages?.[0]).toMatchObject({ thread_ts: root.ts, reply_count: 2, latest_reply: second.ts });
    expect(plain.messages?.[1]).toMatchObject({ thread_ts: root.ts, parent_user_id: standin.workspace.app.botUserId });
    expect(plain.messages?.[1]?.metadata).toBeUndefined();
    expect(plain.has_more).toBe(false);

    // Asked by a reply's ts, with a range: the parent still comes first.
    const later = (await client.conversations.replies({
      channel: general.id,
      ts: second.ts ?? "",
      oldest: first.ts,
      include_all_metadata: true,
    })) as Listed;
    expect(later.messages?.map((m) => m.ts)).toEqual([root.ts, second.ts]);
    const withMeta = (await client.conversations.replies({
      channel: general.id,
      ts: root.ts ?? "",
      include_all_metadata: true,
    })) as Listed;
    expect(withMeta.messages?.[1]?.metadata).toEqual({ event_type: "note", event_payload: { outbox: "k1" } });
  });

  it("conversations.replies refuses a ts that is no message, and a private channel the bot is not in", async () => {
    const { client, general, alice } = people;
    expect(await slackError(client.conversations.replies({ channel: general.id, ts: "1.000001" }))).toBe(
      "thread_not_found",
    );
    const hidden = standin.workspace.addChannel({
      name: "hidden",
      is_private: true,
      members: [alice.id],
      botIsMember: false,
    });
    expect(await slackError(client.conversations.replies({ channel: hidden.id, ts: "1.000001" }))).toBe(
      "channel_not_found",
    );
  });

  it("a reply_broadcast reply is in the channel's history as a thread_broadcast with its root; a plain reply is not", async () => {
    const { client, general } = people;
    const root = await client.chat.postMessage({ channel: general.id, text: "The card" });
    const quiet = await client.chat.postMessage({ channel: general.id, thread_ts: root.ts, text: "Quiet" });
    const loud = await client.chat.postMessage({
      channel: general.id,
      thread_ts: root.ts,
      reply_broadcast: true,
      text: "Loud",
    });
    const history = (await client.conversations.history({ channel: general.id })) as Listed;
    const listed = history.messages?.map((m) => m.ts);
    expect(listed).toEqual([loud.ts, root.ts]);
    expect(listed).not.toContain(quiet.ts);
    expect(history.messages?.[0]).toMatchObject({
      subtype: "thread_broadcast",
      thread_ts: root.ts,
      root: expect.objectContaining({ ts: root.ts, text: "The card" }),
    });
    const thread = (await client.conversations.replies({ channel: general.id, ts: root.ts ?? "" })) as Listed;
    expect(thread.messages?.map((m) => m.ts)).toEqual([root.ts, quiet.ts, loud.ts]);
  });
});

describe("reading history needs the scope of the conversation's kind, when the app's scopes are given", () => {
  it("refuses a channel's and a private channel's history without their scopes, and reads the bot's DMs with im:history", async () => {
    const scoped = await seededStandin({ botScopes: ["chat:write", "im:history", "im:write"] });
    try {
      const { client, general, alice } = scoped;
      const secret = scoped.standin.workspace.addChannel({ name: "triage", is_private: true, members: [alice.id] });
      const root = await client.chat.postMessage({ channel: secret.id, text: "A card" });
      expect(await slackError(client.conversations.history({ channel: general.id }))).toBe("missing_scope");
      expect(await slackError(client.conversations.history({ channel: secret.id }))).toBe("missing_scope");
      expect(await slackError(client.conversations.replies({ channel: secret.id, ts: root.ts ?? "" }))).toBe(
        "missing_scope",
      );
      const refusal = await client.conversations.history({ channel: secret.id }).catch((error) => error.data);
      expect(refusal).toMatchObject({
        ok: false,
        needed: "groups:history",
        provided: "chat:write,im:history,im:write",
      });

      const dm = await client.chat.postMessage({ channel: alice.id, text: "Your concern was logged" });
      const read = (await client.conversations.history({ channel: dm.channel ?? "" })) as Listed;
      expect(read.messages?.map((m) => m.text)).toEqual(["Your concern was logged"]);
    } finally {
      await scoped.standin.close();
    }
  });
});
