import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestBot } from "../../../support/bot";
import {
  CHANNELS,
  cardFor,
  concernsCommand,
  GROUP_LEAD,
  PEOPLE,
  raiseFromMessage,
  readable,
  referenceShownTo,
  startConcernBot,
  stored,
  TRIAGE,
  waitUntil,
} from "./support";

describe("only leads, and only of the concern's workspace, can act on a concern", () => {
  let t: TestBot;
  let reference: string;
  let cardTs: string;
  beforeAll(async () => {
    t = await startConcernBot();
    const message = t.standin.workspace.postAsUser(
      CHANNELS.commissioning.id,
      PEOPLE.colleague.id,
      "NHS CB wants sign-off on our estates plan.",
    );
    await raiseFromMessage(t, PEOPLE.staff.id, message);
    reference = referenceShownTo(t, PEOPLE.staff.id);
    await waitUntil(() => Boolean(cardFor(t, reference)));
    cardTs = cardFor(t, reference)!.ts;
  });
  afterAll(() => t?.close());

  const press = (user: string, actionId: string) =>
    t.slack.blockAction({ user, actionId, container: { type: "message", channel: TRIAGE.id, ts: cardTs } });

  it("politely refuses anyone else who presses a button, only to them, and changes nothing", async () => {
    const cardBefore = readable(cardFor(t, reference));
    const updatesBefore = t.standin.callsTo("chat.update").length;
    await press(PEOPLE.colleague.id, "concern_acknowledge");
    await press(PEOPLE.colleague.id, "concern_note");
    await waitUntil(
      () =>
        t.standin.ephemeralsFor(PEOPLE.colleague.id).filter((e) => e.text.includes("only concern leads")).length === 2,
    );
    expect(t.standin.ephemeralsFor(PEOPLE.colleague.id).every((e) => e.channel === TRIAGE.id)).toBe(true);
    expect(t.standin.openViewsFor(PEOPLE.colleague.id)).toHaveLength(0);
    expect(t.standin.callsTo("chat.update")).toHaveLength(updatesBefore);
    expect(readable(cardFor(t, reference))).toBe(cardBefore);
    expect((await stored(t, Number(reference.slice(4))))?.audit.map((e) => e.action)).toEqual(["submit"]);
  });

  it("acknowledges once when two leads (one named through the user group) press at the same moment, and tells the other", async () => {
    await Promise.all([press(GROUP_LEAD.id, "concern_acknowledge"), press(PEOPLE.lead.id, "concern_acknowledge")]);
    await waitUntil(() => readable(cardFor(t, reference)).includes(`${reference} · Acknowledged`));
    const told = () =>
      [...t.standin.ephemeralsFor(PEOPLE.lead.id), ...t.standin.ephemeralsFor(GROUP_LEAD.id)].filter((e) =>
        /already acknowledged|changed by someone else/.test(e.text),
      );
    await waitUntil(() => told().length === 1);
    expect(t.standin.callsTo("usergroups.users.list").length).toBeGreaterThan(0);
    const audit = (await stored(t, Number(reference.slice(4))))?.audit.map((e) => e.action);
    expect(audit).toEqual(["submit", "acknowledge"]);
  });

  it("never lets a lead reach a concern from another workspace", async () => {
    const delivered = await press(PEOPLE.lead.id, "concern_note");
    const payload = JSON.parse(JSON.stringify(delivered.payload)) as {
      team: { id: string };
      user: { team_id: string };
    };
    await waitUntil(() => t.standin.openViewsFor(PEOPLE.lead.id).length > 0);
    payload.team.id = "T0ELSEWHERE";
    payload.user.team_id = "T0ELSEWHERE";
    const before = t.standin.callsTo("views.open").length;
    await t.slack.send(
      new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
      "application/x-www-form-urlencoded",
    );
    await waitUntil(() =>
      t.standin.ephemeralsFor(PEOPLE.lead.id).some((e) => e.text.includes("could not be found in this workspace")),
    );
    expect(t.standin.callsTo("views.open")).toHaveLength(before);

    const command = await t.slack.slashCommand({
      command: "/concerns",
      text: reference,
      user: PEOPLE.lead.id,
      channel: CHANNELS.commissioning.id,
    });
    const elsewhere = command.sent.body.replace(`team_id=${t.standin.workspace.team.id}`, "team_id=T0ELSEWHERE");
    const id = command.responseUrl.split("/").at(-1);
    const answers = () => t.standin.callsTo("response_url").filter((c) => c.params.response_url_id === id);
    await waitUntil(() => answers().length === 1);
    expect(readable(answers()[0]?.params)).toContain("estates plan");
    await t.slack.send(elsewhere, "application/x-www-form-urlencoded");
    await waitUntil(() => answers().length === 2);
    const reply = readable(
      t.standin
        .callsTo("response_url")
        .filter((c) => c.params.response_url_id === id)
        .at(-1)?.params,
    );
    expect(reply).toContain(`There is no ${reference} in this workspace`);
    expect(reply).not.toContain("estates plan");
  });

  it("keeps lead-only commands for leads", async () => {
    for (const text of ["open", "objective 1", reference, "export"]) {
      const { reply } = await concernsCommand(t, PEOPLE.colleague.id, text);
      expect(reply).toContain("only concern leads");
    }
    expect(t.standin.callsTo("files.getUploadURLExternal")).toHaveLength(0);
  });
});
