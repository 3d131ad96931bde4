import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SlackDelivery, SlackStandin } from "../src/index";
import { modal, section, seededStandin, startCapture } from "./helpers";

let people: Awaited<ReturnType<typeof seededStandin>>;
let standin: SlackStandin;
let capture: Awaited<ReturnType<typeof startCapture>>;
let delivery: SlackDelivery;

beforeEach(async () => {
  people = await seededStandin();
  standin = people.standin;
  capture = await startCapture();
  delivery = standin.delivery(capture.url, "test-signing-secret");
});
afterEach(async () => {
  await standin.close();
  await capture.close();
});

/** Reads server-sent events from the stand-in's /changes stream until `count` have arrived. */
async function readChangeEvents(count: number, during: () => Promise<unknown>): Promise<number[]> {
  const controller = new AbortController();
  const response = await fetch(`${standin.baseUrl}/changes`, { signal: controller.signal });
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  const reader = response.body!.getReader();
  const versions: number[] = [];
  let buffered = "";
  let started = false;
  while (versions.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += new TextDecoder().decode(value);
    for (const match of buffered.matchAll(/event: change\ndata: (\d+)\n\n/g)) versions.push(Number(match[1]));
    buffered = buffered.replace(/event: change\ndata: \d+\n\n/g, "");
    if (!started) {
      started = true;
      await during();
    }
  }
  controller.abort();
  return versions;
}

describe("change notification", () => {
  it("goes up when a message is posted, edited, replaced through a response URL or deleted", async () => {
    const before = standin.version;
    const seen: number[] = [];
    const unsubscribe = standin.onChange((version) => seen.push(version));
    const posted = await people.client.chat.postMessage({
      channel: people.general.id,
      text: "Digest",
      blocks: [section("*Digest*")],
    });
    await people.client.chat.update({ channel: people.general.id, ts: posted.ts!, text: "Digest (updated)" });
    await people.client.chat.postEphemeral({
      channel: people.general.id,
      user: people.alice.id,
      text: "Only for Alice",
    });
    await people.client.chat.delete({ channel: people.general.id, ts: posted.ts! });
    unsubscribe();
    await people.client.chat.postMessage({ channel: people.general.id, text: "after unsubscribing" });
    expect(seen).toHaveLength(4);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(standin.version).toBe(before + 5);
  });

  it("goes up when a modal opens and when the app answers its submission with errors", async () => {
    const trigger = standin.issueTriggerId(people.alice.id);
    const opened = standin.version;
    await people.client.views.open({ trigger_id: trigger, view: modal() });
    expect(standin.version).toBe(opened + 1);
    capture.reply = JSON.stringify({ response_action: "errors", errors: { concern: "Say what happened" } });
    await delivery.viewSubmission({ user: people.alice.id, values: { text: "x" } });
    expect(standin.version).toBe(opened + 2);
    expect(standin.openViewsFor(people.alice.id)[0]?.errors).toEqual({ concern: "Say what happened" });
  });

  it("streams the current version, then one event per burst of changes, as server-sent events", async () => {
    const start = standin.version;
    const versions = await readChangeEvents(2, async () => {
      standin.workspace.postAsUser(people.general.id, people.alice.id, "one");
      standin.workspace.postAsUser(people.general.id, people.bob.id, "two");
    });
    expect(versions).toEqual([start, start + 2]);
  });
});

describe("seeding history", () => {
  it("backdates messages posted oldest first, and later messages still sort after them", () => {
    const now = Date.now();
    const older = standin.workspace.postAsUser(people.general.id, people.alice.id, "two hours ago", {
      at: new Date(now - 2 * 3_600_000),
    });
    const newer = standin.workspace.postAsUser(people.general.id, people.bob.id, "an hour ago", {
      at: new Date(now - 3_600_000),
    });
    const current = standin.workspace.postAsUser(people.general.id, people.alice.id, "now");
    expect(Number(older.ts) * 1000).toBeCloseTo(now - 2 * 3_600_000, -3);
    expect(Number(older.ts)).toBeLessThan(Number(newer.ts));
    expect(Number(newer.ts)).toBeLessThan(Number(current.ts));
    expect(standin.messagesIn(people.general.id).map((m) => m.text)).toEqual(["two hours ago", "an hour ago", "now"]);
  });
});

describe("view submissions from a form", () => {
  const twoBlocksOneActionId = modal({
    blocks: [
      {
        type: "input",
        block_id: "what",
        label: { type: "plain_text", text: "What happened" },
        element: { type: "plain_text_input", action_id: "value" },
      },
      {
        type: "input",
        block_id: "note",
        optional: true,
        label: { type: "plain_text", text: "Note" },
        element: { type: "plain_text_input", action_id: "value", initial_value: "prefilled" },
      },
    ],
  });

  it("keeps values apart when blocks share an action_id, and sends an emptied field as null", async () => {
    await people.client.views.open({ trigger_id: standin.issueTriggerId(people.alice.id), view: twoBlocksOneActionId });
    const sent = await delivery.viewSubmission({
      user: people.alice.id,
      valuesByBlock: { what: { value: "The area team overruled us" }, note: { value: "" } },
    });
    const values = (sent.payload.view as { state: { values: Record<string, Record<string, { value: unknown }>> } })
      .state.values;
    expect(values.what?.value?.value).toBe("The area team overruled us");
    expect(values.note?.value?.value).toBeNull();
  });

  it("refuses a block and action pair the modal does not have", async () => {
    await people.client.views.open({ trigger_id: standin.issueTriggerId(people.alice.id), view: twoBlocksOneActionId });
    await expect(
      delivery.viewSubmission({ user: people.alice.id, valuesByBlock: { what: { text: "x" } } }),
    ).rejects.toThrow(/No input element for what\/text/);
  });
});
