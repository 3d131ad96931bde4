import { afterEach, describe, expect, it } from "vitest";
import { readable } from "../../../support/bot";
import {
  type InstalledTestBot,
  NORTH,
  type Place,
  SHARED,
  SOUTH,
  startInstalledBot,
} from "../../../support/installed-bot";
import { waitUntil } from "../../../support/wait";

const ENV_POLICY_GROUP = "S0ENVPOL1";
const NORTH_POLICY_GROUP = "S0NPOLICY";
const UNANSWERABLE = "Which law firm does the CCG use for tender disputes?";
const NORTH_ADMIN = { id: "U0NADMIN1", name: "north.admin", is_admin: true } as const;

/** Two workspaces on one bot: the environment names the policy leads' group, which each workspace has. */
async function startTwoWorkspaces(env: Record<string, string> = {}): Promise<InstalledTestBot> {
  const t = await startInstalledBot({ env: { KNOWLEDGE_OWNERS: ENV_POLICY_GROUP, ...env } });
  await t.install(NORTH);
  await t.install(SOUTH);
  const north = t.team(NORTH).standin.workspace;
  north.addUser(NORTH_ADMIN);
  north.addUsergroup({ id: NORTH_POLICY_GROUP, handle: "north-policy", users: [SHARED.id] });
  north.addUsergroup({ id: ENV_POLICY_GROUP, handle: "policy", users: [NORTH.staff.id] });
  t.team(SOUTH).standin.workspace.addUsergroup({ id: ENV_POLICY_GROUP, handle: "policy", users: [SOUTH.staff.id] });
  return t;
}

/** The admin opens the Settings modal from App Home and submits it with these values. */
async function saveSettings(t: InstalledTestBot, valuesByBlock: Record<string, Record<string, string | string[]>>) {
  const { slack, standin } = t.team(NORTH);
  const published = t.standin.callsTo("views.publish").length;
  await slack.appHomeOpened(NORTH_ADMIN.id);
  await waitUntil(() => t.standin.callsTo("views.publish").length > published);
  const home = standin.homeViewOf(NORTH_ADMIN.id);
  if (!home) throw new Error("no App Home");
  const opened = t.standin.callsTo("views.open").length;
  await slack.blockAction({
    user: NORTH_ADMIN.id,
    actionId: "settings_open",
    container: { type: "view", viewId: home.id },
  });
  await waitUntil(
    () =>
      t.standin.callsTo("views.open").length > opened &&
      standin.openViewsFor(NORTH_ADMIN.id).at(-1)?.callback_id === "workspace_settings",
  );
  const form = standin.openViewsFor(NORTH_ADMIN.id).at(-1);
  if (!form) throw new Error("no settings modal");
  // Each choice made first, as in Slack: the modal is drawn again with the fields that go with it.
  for (const choice of ["settings_leads_choice", "settings_knowledge_owners"]) {
    const option = valuesByBlock[choice]?.[choice];
    if (typeof option !== "string") continue;
    const updates = t.standin.callsTo("views.update").length;
    await slack.blockAction({
      user: NORTH_ADMIN.id,
      actionId: choice,
      value: option,
      container: { type: "view", viewId: form.id },
    });
    await waitUntil(() => t.standin.callsTo("views.update").length > updates);
  }
  return slack.viewSubmission({ user: NORTH_ADMIN.id, viewId: form.id, valuesByBlock });
}

/** Someone mentions the bot with a question it cannot answer and presses Ask a policy lead: the form. */
async function openAskForm(t: InstalledTestBot, place: Place) {
  const { slack, standin } = t.team(place);
  const bot = standin.workspace.app.botUserId;
  const asked = await slack.userMessage({
    user: place.staff.id,
    channel: place.channel.id,
    text: `<@${bot}> ${UNANSWERABLE}`,
  });
  const reply = await t.standin.waitForCall("chat.postMessage", (c) => c.params.thread_ts === asked.message.ts, 10_000);
  expect(readable(reply.params)).toContain("Ask a policy lead");
  const opened = t.standin.callsTo("views.open").length;
  await slack.blockAction({
    user: place.staff.id,
    actionId: "answer_ask_policy_lead",
    container: { type: "message", channel: place.channel.id, ts: String(reply.response.ts) },
  });
  await waitUntil(() => t.standin.callsTo("views.open").length > opened);
  const form = standin.openViewsFor(place.staff.id).at(-1);
  if (!form) throw new Error("no Ask a policy lead modal");
  return { form, reply };
}

/** Someone mentions the bot with a question it cannot answer, and sends it to the policy leads. */
async function askPolicyLeads(t: InstalledTestBot, place: Place): Promise<string> {
  const { form } = await openAskForm(t, place);
  const shownLeads = readable(form.blocks);
  const sent = await t.team(place).slack.viewSubmission({ user: place.staff.id, viewId: form.id });
  expect(sent.effect.kind).toBe("updated");
  return shownLeads;
}

/** The card a policy lead got by DM in a workspace, once it arrives. */
async function cardFor(t: InstalledTestBot, place: Place, user: string) {
  const call = await t.standin.waitForCall(
    "chat.postMessage",
    (c) =>
      c.params.channel === user &&
      readable(c.params).includes("tender disputes") &&
      c.token === t.team(place).standin.token,
    10_000,
  );
  return { channel: String(call.response.channel), ts: String(call.response.ts) };
}

/** Presses Answer on a policy lead's card: true when the answer modal opened, false when refused. */
async function pressAnswer(t: InstalledTestBot, place: Place, user: string, card: { channel: string; ts: string }) {
  const { slack } = t.team(place);
  const opened = t.standin.callsTo("views.open").length;
  const refused = t.standin.callsTo("response_url").length;
  await slack.blockAction({ user, actionId: "policy_question_answer", container: { type: "message", ...card } });
  await waitUntil(
    () => t.standin.callsTo("views.open").length > opened || t.standin.callsTo("response_url").length > refused,
  );
  return t.standin.callsTo("views.open").length > opened;
}

async function digestReply(t: InstalledTestBot, place: Place, text: string): Promise<string> {
  const { slack } = t.team(place);
  const delivered = await slack.slashCommand({
    command: "/digest",
    text,
    user: place.staff.id,
    channel: place.channel.id,
  });
  if (delivered.effect.kind === "ephemeral") return readable(delivered.body);
  const id = delivered.responseUrl.split("/").at(-1);
  const call = await t.standin.waitForCall("response_url", (c) => c.params.response_url_id === id, 10_000);
  return readable(call.params);
}

describe("settings one workspace's admins choose, applied in that workspace only", () => {
  let t: InstalledTestBot;
  afterEach(() => t?.close());

  it("asks the policy leads a workspace chose, and lets only them answer there; another workspace keeps the environment's", async () => {
    t = await startTwoWorkspaces();
    const saved = await saveSettings(t, {
      settings_knowledge_owners: { settings_knowledge_owners: "usergroup" },
      settings_knowledge_owners_group: { settings_knowledge_owners_group: NORTH_POLICY_GROUP },
    });
    expect(saved.effect.kind).toBe("updated");
    const changes = await t.bot.core.features.settings.service.changes(NORTH.team.id);
    expect(changes.map((change) => [change.setting, change.oldValue, change.newValue])).toEqual([
      ["knowledgeOwners", null, `usergroup:${NORTH_POLICY_GROUP}`],
    ]);

    expect(await askPolicyLeads(t, NORTH)).toContain(`<!subteam^${NORTH_POLICY_GROUP}>`);
    const northCard = await cardFor(t, NORTH, SHARED.id);
    expect(await pressAnswer(t, NORTH, NORTH.staff.id, northCard)).toBe(false);
    expect(await pressAnswer(t, NORTH, SHARED.id, northCard)).toBe(true);

    expect(await askPolicyLeads(t, SOUTH)).toContain(`<!subteam^${ENV_POLICY_GROUP}>`);
    const southCard = await cardFor(t, SOUTH, SOUTH.staff.id);
    expect(await pressAnswer(t, SOUTH, SHARED.id, southCard)).toBe(false);
    expect(await pressAnswer(t, SOUTH, SOUTH.staff.id, southCard)).toBe(true);
    // The North group's member was asked only in North.
    const sharedCards = t.standin
      .callsTo("chat.postMessage")
      .filter((c) => c.params.channel === SHARED.id && readable(c.params).includes("tender disputes"));
    expect(sharedCards.map((c) => c.token)).toEqual([t.team(NORTH).standin.token]);
  });

  it("offers no policy lead in a workspace whose admins chose nobody", async () => {
    t = await startTwoWorkspaces();
    await saveSettings(t, { settings_knowledge_owners: { settings_knowledge_owners: "none" } });
    const { slack, standin } = t.team(NORTH);
    const asked = await slack.userMessage({
      user: NORTH.staff.id,
      channel: NORTH.channel.id,
      text: `<@${standin.workspace.app.botUserId}> ${UNANSWERABLE}`,
    });
    const reply = await t.standin.waitForCall(
      "chat.postMessage",
      (c) => c.params.thread_ts === asked.message.ts,
      10_000,
    );
    expect(readable(reply.params)).toContain("I don't know");
    expect(readable(reply.params)).not.toContain("Ask a policy lead");
    expect((await t.bot.core.features.settings.forWorkspace(SOUTH.team.id)).knowledgeOwners).toEqual({
      kind: "usergroup",
      id: ENV_POLICY_GROUP,
    });
  });

  it("sends nothing, and says so, when the admins chose nobody after the form to ask a policy lead was opened", async () => {
    t = await startTwoWorkspaces();
    const { slack, standin } = t.team(NORTH);
    const { form, reply } = await openAskForm(t, NORTH);
    expect(readable(form.blocks)).toContain(`<!subteam^${ENV_POLICY_GROUP}>`);
    expect(
      (await saveSettings(t, { settings_knowledge_owners: { settings_knowledge_owners: "none" } })).effect.kind,
    ).toBe("updated");

    const submitted = await slack.viewSubmission({ user: NORTH.staff.id, viewId: form.id });
    expect(submitted.effect.kind).toBe("updated");
    const told = readable(standin.openViewsFor(NORTH.staff.id).at(-1)?.blocks);
    expect(told).toContain("This workspace has no policy leads to ask any more, so your question was not sent");
    expect(await t.bot.core.database.db.policyQuestion.count()).toBe(0);
    const cards = t.standin
      .callsTo("chat.postMessage")
      .filter((c) => readable(c.params).includes("Question for a policy lead"));
    expect(cards).toEqual([]);

    // Pressed again, the button says there is nobody to ask.
    await slack.blockAction({
      user: NORTH.staff.id,
      actionId: "answer_ask_policy_lead",
      container: { type: "message", channel: NORTH.channel.id, ts: String(reply.response.ts) },
    });
    await t.standin.waitForCall("response_url", (c) => readable(c.params).includes("No policy leads"));
  });

  it("subscribes without a time at the workspace's default digest time, else the environment's; a time given still wins", async () => {
    t = await startTwoWorkspaces({ DIGEST_DEFAULT_TIME: "09:15" });
    expect((await saveSettings(t, { settings_digest_time: { settings_digest_time: "07:30" } })).effect.kind).toBe(
      "updated",
    );
    expect(await digestReply(t, NORTH, "subscribe weekly monday")).toContain("every Monday at 07:30 (Europe/London)");
    expect(await digestReply(t, SOUTH, "subscribe weekly monday")).toContain("every Monday at 09:15 (Europe/London)");
    expect(await digestReply(t, NORTH, "subscribe daily 16:45")).toContain("every day at 16:45 (Europe/London)");
    expect(await digestReply(t, NORTH, "help")).toContain("/digest subscribe weekly monday`");
  });
});
