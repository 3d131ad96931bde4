import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestBot } from "../../../support/bot";
import {
  CHANNELS,
  cardFor,
  FORM,
  modalOf,
  openFromMessage,
  PEOPLE,
  raiseFromMessage,
  readable,
  referenceShownTo,
  startConcernBot,
  TRIAGE,
  waitUntil,
} from "./support";

const REFUSED = "This form could not be checked; please close it and open it again.";

/** The metadata's JSON changed as a forger would, keeping the bot's prefix and signature. */
function tampered(metadata: string, change: (value: Record<string, unknown>) => Record<string, unknown>): string {
  const match = /^(m1\.[A-Za-z0-9_-]{43}\.)(.*)$/s.exec(metadata);
  if (!match) throw new Error(`metadata is not signed: ${metadata}`);
  return `${match[1]}${JSON.stringify(change(JSON.parse(match[2] ?? "{}")))}`;
}

describe("private_metadata the bot did not sign, through the real Bolt receiver", () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startConcernBot();
  });
  afterAll(() => t?.close());

  const concerns = () => t.bot.core.database.db.concern.count();
  const post = (text: string) => t.standin.workspace.postAsUser(CHANNELS.commissioning.id, PEOPLE.colleague.id, text);

  it.each([
    [
      "a response URL pointing elsewhere",
      (m: string) => tampered(m, (v) => ({ ...v, responseUrl: "https://evil.example/x" })),
    ],
    ["another channel to confirm in", (m: string) => tampered(m, (v) => ({ ...v, channel: "C0ELSEWHERE" }))],
    ["plain JSON with no signature", () => JSON.stringify({ responseUrl: "https://evil.example/x" })],
    ["a signature from another key", (m: string) => `m1.${"A".repeat(43)}${m.slice(46)}`],
  ])("refuses a concern form carrying %s: nothing stored, nothing posted", async (_name, forge) => {
    const before = await concerns();
    const { view } = await openFromMessage(
      t,
      PEOPLE.staff.id,
      CHANNELS.commissioning.id,
      post("Region: use our model."),
    );
    view.private_metadata = forge(view.private_metadata);
    const posts = t.standin.callsTo("chat.postMessage").length;
    const submitted = await t.slack.viewSubmission({ user: PEOPLE.staff.id, viewId: view.id, values: FORM });
    expect(submitted.effect).toEqual({ kind: "errors", errors: { concern_what_happened: REFUSED } });
    expect(await concerns()).toBe(before);
    expect(t.standin.callsTo("chat.postMessage")).toHaveLength(posts);
    expect(t.standin.callsTo("chat.postEphemeral").filter((c) => readable(c.params).includes("Region"))).toEqual([]);
  });

  it("refuses a lead's form pointed at another concern: neither concern changes", async () => {
    await raiseFromMessage(t, PEOPLE.staff.id, post("The region set our budget for us."));
    const first = referenceShownTo(t, PEOPLE.staff.id);
    await raiseFromMessage(t, PEOPLE.staff.id, post("The region chose our provider for us."));
    const second = referenceShownTo(t, PEOPLE.staff.id);
    await waitUntil(() => Boolean(cardFor(t, first) && cardFor(t, second)));
    const container = { type: "message" as const, channel: TRIAGE.id, ts: cardFor(t, first)?.ts ?? "" };
    await t.slack.blockAction({ user: PEOPLE.lead.id, actionId: "concern_acknowledge", container });
    await waitUntil(() => readable(cardFor(t, first)).includes(`${first} · Acknowledged`));
    await t.slack.blockAction({ user: PEOPLE.lead.id, actionId: "concern_resolve", container });
    const view = await modalOf(t, PEOPLE.lead.id, "concern_lead_action");
    const secondId = (await t.bot.core.database.db.concern.findFirst({ orderBy: { number: "desc" } }))?.id ?? "";
    view.private_metadata = tampered(view.private_metadata, (v) => ({ ...v, concernId: secondId }));
    const states = async () =>
      (await t.bot.core.database.db.concern.findMany({ orderBy: { number: "asc" } })).map((c) => c.status);
    const before = await states();
    const submitted = await t.slack.viewSubmission({
      user: PEOPLE.lead.id,
      viewId: view.id,
      values: { lead_text: "Closed by a forged form" },
    });
    expect(submitted.effect).toEqual({ kind: "errors", errors: { concern_lead_text: REFUSED } });
    expect(await states()).toEqual(before);
    expect(readable(cardFor(t, first))).not.toContain("Resolved");
    expect(readable(cardFor(t, second))).not.toContain("Resolved");
  });
});
