import { afterEach, describe, expect, it } from "vitest";
import type { SlackStandin } from "../src/index";
import { modal, section, seededStandin, slackError } from "./helpers";

let standin: SlackStandin;
afterEach(() => standin?.close());

async function setup() {
  const seeded = await seededStandin();
  standin = seeded.standin;
  return seeded;
}

/** The error code and Slack's [ERROR] lines of a rejected call. */
async function refusal(call: Promise<unknown>) {
  try {
    await call;
    return undefined;
  } catch (error) {
    const data = (error as { data: { error: string; response_metadata?: { messages?: string[] } } }).data;
    return { error: data.error, messages: data.response_metadata?.messages ?? [] };
  }
}

describe("message blocks", () => {
  it("refuses blocks of an unknown type and blocks that are not JSON", async () => {
    const { client, general } = await setup();
    const unknown = await refusal(
      client.chat.postMessage({ channel: general.id, text: "x", blocks: [{ type: "carousel" }] }),
    );
    expect(unknown).toEqual({
      error: "invalid_blocks",
      messages: ["[ERROR] unsupported type: carousel [json-pointer:/blocks/0/type]"],
    });
    const notJson = await slackError(
      client.apiCall("chat.postMessage", { channel: general.id, text: "x", blocks: "[{" }),
    );
    expect(notJson).toBe("invalid_blocks_format");
  });

  it("refuses more than 50 blocks in a message but accepts 50", async () => {
    const { client, general } = await setup();
    const blocks = (n: number) => Array.from({ length: n }, () => ({ type: "divider" }));
    await client.chat.postMessage({ channel: general.id, text: "x", blocks: blocks(50) });
    const tooMany = await refusal(client.chat.postMessage({ channel: general.id, text: "x", blocks: blocks(51) }));
    expect(tooMany).toEqual({
      error: "invalid_blocks",
      messages: ["[ERROR] no more than 50 items allowed [json-pointer:/blocks]"],
    });
  });

  it("refuses section text over 3000 characters", async () => {
    const { client, general } = await setup();
    await client.chat.postMessage({ channel: general.id, text: "x", blocks: [section("a".repeat(3000))] });
    const tooLong = await refusal(
      client.chat.postMessage({ channel: general.id, text: "x", blocks: [section("a".repeat(3001))] }),
    );
    expect(tooLong?.messages).toEqual(["[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]"]);
  });

  it("refuses blocks whose total size passes the cumulative cap (msg_blocks_too_long)", async () => {
    const { client, general } = await setup();
    const fiveSections = Array.from({ length: 5 }, () => section("b".repeat(2900)));
    expect(await slackError(client.chat.postMessage({ channel: general.id, text: "x", blocks: fiveSections }))).toBe(
      "msg_blocks_too_long",
    );
    expect(standin.messagesIn(general.id)).toEqual([]);
  });

  it("refuses two blocks with the same block_id", async () => {
    const { client, general } = await setup();
    const twice = [
      { ...section("a"), block_id: "same" },
      { ...section("b"), block_id: "same" },
    ];
    expect(await slackError(client.chat.postMessage({ channel: general.id, text: "x", blocks: twice }))).toBe(
      "invalid_blocks",
    );
  });

  it("gives every stored block a block_id and every button an action_id, like Slack", async () => {
    const { client, general } = await setup();
    const answer = await client.chat.postMessage({
      channel: general.id,
      text: "x",
      blocks: [{ type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: "Log concern" } }] }],
    });
    const block = answer.message?.blocks?.[0] as { block_id?: string; elements: { action_id?: string }[] };
    expect(block.block_id).toMatch(/^\w{4,5}$/);
    expect(block.elements[0]?.action_id).toMatch(/^\w{4,5}$/);
  });
});

describe("view limits (answered invalid_arguments, as Slack does for views)", () => {
  it("refuses a modal title, submit or close over 24 characters", async () => {
    const { client, alice } = await setup();
    const title = await refusal(
      client.views.open({
        trigger_id: standin.issueTriggerId(alice.id),
        view: modal({ title: { type: "plain_text", text: "A".repeat(25) } }),
      }),
    );
    expect(title).toEqual({
      error: "invalid_arguments",
      messages: ["[ERROR] must be less than 25 characters [json-pointer:/view/title/text]"],
    });
    const submit = await refusal(
      client.views.open({
        trigger_id: standin.issueTriggerId(alice.id),
        view: modal({ submit: { type: "plain_text", text: "S".repeat(25) } }),
      }),
    );
    expect(submit?.messages).toEqual(["[ERROR] must be less than 25 characters [json-pointer:/view/submit/text]"]);
  });

  it("refuses private_metadata over 3000 characters and more than 100 blocks", async () => {
    const { client, alice } = await setup();
    const metadata = await refusal(
      client.views.open({
        trigger_id: standin.issueTriggerId(alice.id),
        view: modal({ private_metadata: "m".repeat(3001) }),
      }),
    );
    expect(metadata?.error).toBe("invalid_arguments");
    const blocks = Array.from({ length: 101 }, () => ({ type: "divider" }));
    const tooMany = await refusal(client.views.publish({ user_id: alice.id, view: { type: "home", blocks } }));
    expect(tooMany?.messages).toEqual(["[ERROR] no more than 100 items allowed [json-pointer:/view/blocks]"]);
    await client.views.publish({ user_id: alice.id, view: { type: "home", blocks: blocks.slice(1) } });
  });

  it("refuses input blocks in a modal without a submit button", async () => {
    const { client, alice } = await setup();
    const noSubmit = await refusal(
      client.views.open({ trigger_id: standin.issueTriggerId(alice.id), view: modal({ submit: undefined }) }),
    );
    expect(noSubmit?.messages).toEqual([
      "[ERROR] must define `submit` to use an `input` block in modals [json-pointer:/view/blocks]",
    ]);
  });
});
