import { afterEach, describe, expect, it } from "vitest";
import type { SlackStandin } from "../src/index";
import { seededStandin, slackError } from "./helpers";

let standin: SlackStandin;
afterEach(() => standin?.close());

async function setup() {
  const seeded = await seededStandin();
  standin = seeded.standin;
  return seeded;
}

describe("chat.postMessage", () => {
  it("posts as the bot and answers with Slack's channel, ts and message", async () => {
    const { client, general } = await setup();
    const answer = await client.chat.postMessage({ channel: general.id, text: "Objective 1 is overarching" });
    expect(answer).toMatchObject({
      ok: true,
      channel: general.id,
      message: { text: "Objective 1 is overarching", bot_id: "B0LOCAL", type: "message" },
    });
    expect(answer.ts).toMatch(/^\d+\.\d{6}$/);
    expect(standin.messagesIn(general.id).map((m) => m.text)).toEqual(["Objective 1 is overarching"]);
  });

  it("replies in a thread started by a person", async () => {
    const { client, general, alice } = await setup();
    const question = standin.workspace.postAsUser(general.id, alice.id, "What is objective 3?");
    const reply = await client.chat.postMessage({ channel: general.id, text: "Capabilities", thread_ts: question.ts });
    expect(reply.message?.thread_ts).toBe(question.ts);
    expect(standin.threadReplies(general.id, question.ts).map((m) => m.text)).toEqual(["Capabilities"]);
    expect(standin.messagesIn(general.id)[0]).toMatchObject({ reply_count: 1, reply_users: ["U0LOCALBOT"] });
  });

  it("posts to a user id as a DM with that user", async () => {
    const { client, bob } = await setup();
    const answer = await client.chat.postMessage({ channel: bob.id, text: "Your digest" });
    expect(answer.channel).toMatch(/^D/);
    expect(standin.messagesIn(String(answer.channel))[0]?.text).toBe("Your digest");
  });

  it("refuses channels the bot cannot post in, as Slack does", async () => {
    const { client, alice } = await setup();
    const notJoined = standin.workspace.addChannel({ name: "finance", members: [alice.id], botIsMember: false });
    const secret = standin.workspace.addChannel({
      name: "board",
      is_private: true,
      members: [alice.id],
      botIsMember: false,
    });
    const archived = standin.workspace.addChannel({ name: "old-pct", is_archived: true });
    expect(await slackError(client.chat.postMessage({ channel: notJoined.id, text: "x" }))).toBe("not_in_channel");
    expect(await slackError(client.chat.postMessage({ channel: secret.id, text: "x" }))).toBe("channel_not_found");
    expect(await slackError(client.chat.postMessage({ channel: "C404", text: "x" }))).toBe("channel_not_found");
    expect(await slackError(client.chat.postMessage({ channel: archived.id, text: "x" }))).toBe("is_archived");
  });

  it("refuses a message with neither text nor blocks", async () => {
    const { client, general } = await setup();
    expect(await slackError(client.chat.postMessage({ channel: general.id, text: "" }))).toBe("no_text");
  });
});

describe("ephemeral, update, delete and permalinks", () => {
  it("shows an ephemeral message to one member only", async () => {
    const { client, general, alice, bob } = await setup();
    const outsider = standin.workspace.addUser({ name: "carol" });
    const answer = await client.chat.postEphemeral({ channel: general.id, user: alice.id, text: "Only you" });
    expect(answer.message_ts).toMatch(/^\d+\.\d{6}$/);
    expect(standin.ephemeralsFor(alice.id).map((e) => e.text)).toEqual(["Only you"]);
    expect(standin.ephemeralsFor(bob.id)).toEqual([]);
    expect(standin.messagesIn(general.id)).toEqual([]);
    expect(await slackError(client.chat.postEphemeral({ channel: general.id, user: outsider.id, text: "x" }))).toBe(
      "user_not_in_channel",
    );
  });

  it("updates and deletes only the bot's own messages", async () => {
    const { client, general, alice } = await setup();
    const posted = await client.chat.postMessage({ channel: general.id, text: "draft" });
    const theirs = standin.workspace.postAsUser(general.id, alice.id, "mine");
    const updated = await client.chat.update({ channel: general.id, ts: String(posted.ts), text: "final" });
    expect(updated).toMatchObject({ ok: true, text: "final", ts: posted.ts });
    expect(standin.messagesIn(general.id)[0]).toMatchObject({ text: "final", edited: { user: "U0LOCALBOT" } });
    expect(await slackError(client.chat.update({ channel: general.id, ts: theirs.ts, text: "x" }))).toBe(
      "cant_update_message",
    );
    expect(await slackError(client.chat.update({ channel: general.id, ts: "1.000001", text: "x" }))).toBe(
      "message_not_found",
    );
    await client.chat.delete({ channel: general.id, ts: String(posted.ts) });
    expect(standin.messagesIn(general.id).map((m) => m.text)).toEqual(["mine"]);
  });

  it("keeps a message's blocks when chat.update sends only text, and drops them for []", async () => {
    const { client, general } = await setup();
    const posted = await client.chat.postMessage({ channel: general.id, text: "v1", blocks: [{ type: "divider" }] });
    await client.chat.update({ channel: general.id, ts: String(posted.ts), text: "v2" });
    expect(standin.messagesIn(general.id)[0]).toMatchObject({ text: "v2", blocks: [{ type: "divider" }] });
    await client.chat.update({ channel: general.id, ts: String(posted.ts), text: "v3", blocks: [] });
    expect(standin.messagesIn(general.id)[0]?.blocks).toBeUndefined();
  });

  it("gives permalinks in Slack's form, with the thread for replies", async () => {
    const { client, general, alice } = await setup();
    const root = standin.workspace.postAsUser(general.id, alice.id, "root");
    const reply = standin.workspace.postAsUser(general.id, alice.id, "reply", { thread_ts: root.ts });
    const rootLink = await client.chat.getPermalink({ channel: general.id, message_ts: root.ts });
    const replyLink = await client.chat.getPermalink({ channel: general.id, message_ts: reply.ts });
    expect(rootLink.permalink).toBe(
      `https://localism-local.slack.com/archives/${general.id}/p${root.ts.replace(".", "")}`,
    );
    expect(replyLink.permalink).toContain(`?thread_ts=${root.ts}&cid=${general.id}`);
  });
});
