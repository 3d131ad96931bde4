import { afterEach, describe, expect, it } from "vitest";
import type { SlackStandin } from "../src/index";
import { seededStandin, slackError, webClient } from "./helpers";

let standin: SlackStandin;
afterEach(() => standin?.close());

describe("Web API basics", () => {
  it("answers auth.test with the stand-in team and bot", async () => {
    const seeded = await seededStandin({ team: { id: "T0CCG", name: "CCG staff", domain: "ccg-staff" } });
    standin = seeded.standin;
    const answer = await seeded.client.auth.test();
    expect(answer).toMatchObject({
      ok: true,
      team_id: "T0CCG",
      team: "CCG staff",
      user_id: "U0LOCALBOT",
      bot_id: "B0LOCAL",
    });
  });

  it("refuses calls without a token or with another token", async () => {
    const seeded = await seededStandin();
    standin = seeded.standin;
    const anonymous = webClient(standin, {}, null);
    const stranger = webClient(standin, {}, "xoxb-someone-else");
    expect(await slackError(anonymous.auth.test())).toBe("not_authed");
    expect(await slackError(stranger.auth.test())).toBe("invalid_auth");
  });

  it("answers unknown_method for methods it does not know", async () => {
    const seeded = await seededStandin();
    standin = seeded.standin;
    expect(await slackError(seeded.client.apiCall("reminders.add", { text: "x" }))).toBe("unknown_method");
  });

  it("accepts application/json bodies with the token in the Authorization header only", async () => {
    const seeded = await seededStandin();
    standin = seeded.standin;
    const post = (headers: Record<string, string>, body: object) =>
      fetch(`${standin.apiUrl}chat.postMessage`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
      }).then((r) => r.json());
    const withHeader = await post(
      { authorization: `Bearer ${standin.token}` },
      { channel: seeded.general.id, text: "json" },
    );
    const tokenInBody = await post({}, { token: standin.token, channel: seeded.general.id, text: "json" });
    expect(withHeader).toMatchObject({ ok: true, channel: seeded.general.id });
    expect(tokenInBody).toMatchObject({ ok: false, error: "not_authed" });
  });

  it("records each call with its parsed arguments and answer", async () => {
    const seeded = await seededStandin();
    standin = seeded.standin;
    await seeded.client.chat.postMessage({ channel: seeded.general.id, text: "hello", blocks: [{ type: "divider" }] });
    const [call] = standin.callsTo("chat.postMessage");
    expect(call?.params).toMatchObject({ channel: seeded.general.id, text: "hello" });
    expect(JSON.parse(String(call?.params.blocks))).toEqual([{ type: "divider" }]);
    expect(call?.response).toMatchObject({ ok: true });
    expect(call?.token).toBe(standin.token);
  });
});

describe("people and conversations", () => {
  it("describes users and refuses unknown ones", async () => {
    const seeded = await seededStandin();
    standin = seeded.standin;
    const answer = await seeded.client.users.info({ user: seeded.alice.id });
    expect(answer.user).toMatchObject({ id: seeded.alice.id, name: "alice", real_name: "Alice Ward", is_bot: false });
    expect(await slackError(seeded.client.users.info({ user: "U404" }))).toBe("user_not_found");
  });

  it("describes channels, hiding private channels the bot is not in", async () => {
    const seeded = await seededStandin();
    standin = seeded.standin;
    const secret = standin.workspace.addChannel({
      name: "board",
      is_private: true,
      members: [seeded.alice.id],
      botIsMember: false,
    });
    const info = await seeded.client.conversations.info({ channel: seeded.general.id });
    expect(info.channel).toMatchObject({
      id: seeded.general.id,
      name: "ccg-general",
      is_member: true,
      is_private: false,
    });
    expect(await slackError(seeded.client.conversations.info({ channel: secret.id }))).toBe("channel_not_found");
  });

  it("lists members page by page with cursors", async () => {
    const seeded = await seededStandin();
    standin = seeded.standin;
    const first = await seeded.client.conversations.members({ channel: seeded.general.id, limit: 2 });
    const next = first.response_metadata?.next_cursor ?? "";
    const second = await seeded.client.conversations.members({ channel: seeded.general.id, limit: 2, cursor: next });
    expect([...(first.members ?? []), ...(second.members ?? [])]).toEqual([
      seeded.alice.id,
      seeded.bob.id,
      "U0LOCALBOT",
    ]);
    expect(second.response_metadata?.next_cursor).toBe("");
  });

  it("opens the same DM channel for a user every time", async () => {
    const seeded = await seededStandin();
    standin = seeded.standin;
    const first = await seeded.client.conversations.open({ users: seeded.bob.id });
    const again = await seeded.client.conversations.open({ users: seeded.bob.id });
    expect(first.channel?.id).toMatch(/^D/);
    expect(again.channel?.id).toBe(first.channel?.id);
  });

  it("lists the bot's channels and a user group's members", async () => {
    const seeded = await seededStandin();
    standin = seeded.standin;
    standin.workspace.addChannel({ name: "not-joined", botIsMember: false });
    const group = standin.workspace.addUsergroup({ handle: "ccg-leads", users: [seeded.bob.id] });
    const mine = await seeded.client.users.conversations({ types: "public_channel,private_channel" });
    expect(mine.channels?.map((c) => c.name)).toEqual(["ccg-general"]);
    expect((await seeded.client.usergroups.users.list({ usergroup: group.id })).users).toEqual([seeded.bob.id]);
    expect(await slackError(seeded.client.usergroups.users.list({ usergroup: "S404" }))).toBe("no_such_subteam");
  });
});
