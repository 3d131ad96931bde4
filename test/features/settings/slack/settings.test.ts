import { afterEach, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../../../support/bot";
import {
  CONCERN_ENV,
  CONCERN_SEED,
  GROUP_LEAD,
  PEOPLE,
  raiseFromMessage,
  readable,
  TRIAGE,
  waitUntil,
} from "../../concerns/slack/support";

const ADMIN = { id: "U0ADMIN01", name: "ruth.mills", real_name: "Ruth Mills", is_admin: true } as const;
const OTHER_TRIAGE = { id: "C0TRIAGE2", name: "concern-triage-2" } as const;

function startSettingsBot(options: { databaseUrl?: string; sharedStandin?: TestBot["standin"] } = {}) {
  return startTestBot({
    env: { ...CONCERN_ENV },
    standin: {
      seed: {
        ...CONCERN_SEED,
        users: [...CONCERN_SEED.users, ADMIN],
        channels: [...CONCERN_SEED.channels, { ...OTHER_TRIAGE, members: [ADMIN.id, PEOPLE.colleague.id] }],
      },
    },
    ...options,
  });
}

async function homeOf(t: TestBot, user: string): Promise<string> {
  const before = t.standin.callsTo("views.publish").length;
  await t.slack.appHomeOpened(user);
  await waitUntil(() => t.standin.callsTo("views.publish").length > before, 10_000);
  return readable(t.standin.homeViewOf(user)?.blocks);
}

async function openSettings(t: TestBot, user: string) {
  await homeOf(t, user);
  const home = t.standin.homeViewOf(user);
  if (!home) throw new Error("no App Home");
  const opened = t.standin.callsTo("views.open").length;
  await t.slack.blockAction({ user, actionId: "settings_open", container: { type: "view", viewId: home.id } });
  await waitUntil(
    () =>
      t.standin.callsTo("views.open").length > opened &&
      (t.standin.openViewsFor(user).at(-1)?.title as { text?: string } | undefined)?.text === "Settings",
  );
  return t.standin.openViewsFor(user).at(-1)!;
}

type Values = Record<string, Record<string, string | string[] | null>>;

/**
 * The admin picks an option of one of the modal's choices, as Slack's client sends it (with what
 * is typed in the other fields), and the modal is drawn again: the modal as it then shows.
 */
async function choose(t: TestBot, viewId: string, choice: string, option: string, valuesByBlock?: Values) {
  const updates = t.standin.callsTo("views.update").length;
  await press(t, viewId, choice, option, valuesByBlock);
  await waitUntil(() => t.standin.callsTo("views.update").length > updates);
  const view = t.standin.openViewsFor(ADMIN.id).at(-1);
  if (!view) throw new Error("no Settings modal");
  return view;
}

/** The admin picks `option` of `choice` in the open Settings modal (the redraw is not waited for). */
function press(t: TestBot, viewId: string, choice: string, option: string, valuesByBlock?: Values) {
  return t.slack.blockAction({
    user: ADMIN.id,
    actionId: choice,
    value: option,
    container: { type: "view", viewId },
    ...(valuesByBlock ? { valuesByBlock } : {}),
  });
}

const blockIds = (view: { blocks: { block_id?: unknown }[] }) => view.blocks.map((block) => String(block.block_id));

function workspace(t: TestBot) {
  return t.standin.workspace.team.id;
}

describe("Settings in Slack", () => {
  let t: TestBot;
  let second: TestBot | null = null;
  afterEach(async () => {
    await second?.close();
    second = null;
    await t?.close();
  });

  it("shows the Settings section to workspace admins only, with the environment's values as defaults", async () => {
    t = await startSettingsBot();
    const adminHome = await homeOf(t, ADMIN.id);
    expect(adminHome).toContain("Settings");
    expect(adminHome).toContain(`<@${PEOPLE.lead.id}>`);
    expect(adminHome).toContain(`<#${TRIAGE.id}>`);
    expect(await homeOf(t, PEOPLE.staff.id)).not.toContain("Change settings");
  });

  it("saving new leads lets the new lead act and stops the old one, audits each change and survives a restart", async () => {
    t = await startSettingsBot();
    const leads = t.bot.core.features.concerns.leads;
    expect(await leads.isLead(workspace(t), PEOPLE.lead.id)).toBe(true);
    expect(await leads.isLead(workspace(t), PEOPLE.colleague.id)).toBe(false);

    const view = await openSettings(t, ADMIN.id);
    expect(view.callback_id).toBe("workspace_settings");
    await choose(t, view.id, "settings_leads_choice", "named");
    const submitted = await t.slack.viewSubmission({
      user: ADMIN.id,
      viewId: view.id,
      valuesByBlock: {
        settings_leads_choice: { settings_leads_choice: "named" },
        settings_leads: { settings_leads: [PEOPLE.colleague.id] },
        settings_lead_group: { settings_lead_group: "" },
        settings_triage_channel: { settings_triage_channel: OTHER_TRIAGE.id },
        settings_ack_days: { settings_ack_days: "3" },
      },
    });
    expect(submitted.effect.kind).toBe("updated");
    expect(await leads.isLead(workspace(t), PEOPLE.colleague.id)).toBe(true);
    expect(await leads.isLead(workspace(t), PEOPLE.lead.id)).toBe(false);

    const changes = await t.bot.core.features.settings.service.changes(workspace(t));
    expect(changes.map((change) => [change.setting, change.oldValue, change.newValue, change.userId])).toEqual([
      ["leads", null, PEOPLE.colleague.id, ADMIN.id],
      ["leadGroup", null, "none", ADMIN.id],
      ["triageChannel", null, OTHER_TRIAGE.id, ADMIN.id],
      ["acknowledgeWithinWorkingDays", null, "3", ADMIN.id],
    ]);
    // The admin's App Home is drawn again with what was saved.
    await waitUntil(() => readable(t.standin.homeViewOf(ADMIN.id)?.blocks).includes(`<#${OTHER_TRIAGE.id}>`));

    const { databaseUrl, standin } = t;
    await t.bot.stop();
    second = await startSettingsBot({ databaseUrl, sharedStandin: standin });
    const again = second.bot.core.features;
    expect(await again.concerns.leads.isLead(workspace(second), PEOPLE.colleague.id)).toBe(true);
    expect(await again.concerns.leads.isLead(workspace(second), PEOPLE.lead.id)).toBe(false);
    expect((await again.settings.forWorkspace(workspace(second))).acknowledgeWithinWorkingDays).toBe(3);
    await standin.close();
    t = second;
    second = null;
  });

  it("posts new concerns to the workspace's own triage channel and holds its own anonymous limit", async () => {
    t = await startSettingsBot();
    const view = await openSettings(t, ADMIN.id);
    await t.slack.viewSubmission({
      user: ADMIN.id,
      viewId: view.id,
      valuesByBlock: {
        settings_triage_channel: { settings_triage_channel: OTHER_TRIAGE.id },
        settings_anonymous_limit: { settings_anonymous_limit: "1" },
      },
    });
    const first = await t.slack.userMessage({ user: PEOPLE.staff.id, channel: "C0COMMISS", text: "We were told." });
    const raised = await raiseFromMessage(t, PEOPLE.staff.id, first.message, { identity_mode: "anonymous" });
    expect(raised.submitted.effect.kind).toBe("updated");
    await waitUntil(() => t.standin.messagesIn(OTHER_TRIAGE.id).some((m) => m.text.startsWith("CON-0001")), 10_000);
    expect(t.standin.messagesIn(TRIAGE.id).some((m) => m.text.startsWith("CON-0001"))).toBe(false);

    const second = await t.slack.userMessage({ user: PEOPLE.staff.id, channel: "C0COMMISS", text: "Again." });
    const refused = await raiseFromMessage(t, PEOPLE.staff.id, second.message, { identity_mode: "anonymous" });
    expect(refused.submitted.effect.kind).toBe("errors");
    expect(readable(refused.submitted.effect)).toContain("several anonymous concerns");
  });

  it("lets an admin choose nobody as concern lead, apart from the environment's leads, and go back to the default", async () => {
    t = await startSettingsBot();
    const leads = t.bot.core.features.concerns.leads;
    const view = await openSettings(t, ADMIN.id);
    expect(readable(view.blocks)).toContain("Nobody");
    const none = await t.slack.viewSubmission({
      user: ADMIN.id,
      viewId: view.id,
      valuesByBlock: { settings_leads_choice: { settings_leads_choice: "none" } },
    });
    expect(none.effect.kind).toBe("updated");
    expect(await leads.isLead(workspace(t), PEOPLE.lead.id)).toBe(false);
    expect(await leads.isLead(workspace(t), GROUP_LEAD.id)).toBe(false);
    await waitUntil(() => readable(t.standin.homeViewOf(ADMIN.id)?.blocks).includes("Concern leads: nobody yet"));
    const changes = await t.bot.core.features.settings.service.changes(workspace(t));
    expect(changes.map((change) => [change.setting, change.oldValue, change.newValue])).toEqual([
      ["leads", null, "none"],
      ["leadGroup", null, "none"],
    ]);

    // Opened again, the modal shows the choice made; choosing the default brings the environment's leads back.
    const again = await openSettings(t, ADMIN.id);
    const choice = again.blocks.find((block) => block.block_id === "settings_leads_choice") as
      | { element: { initial_option?: { value: string } } }
      | undefined;
    expect(choice?.element.initial_option?.value).toBe("none");
    await t.slack.viewSubmission({
      user: ADMIN.id,
      viewId: again.id,
      valuesByBlock: { settings_leads_choice: { settings_leads_choice: "default" } },
    });
    expect(await leads.isLead(workspace(t), PEOPLE.lead.id)).toBe(true);
    expect(await leads.isLead(workspace(t), GROUP_LEAD.id)).toBe(true);
  });

  it("points out leads named against the choice next to them, or none named for it, and stores nothing", async () => {
    t = await startSettingsBot();
    const view = await openSettings(t, ADMIN.id);
    await choose(t, view.id, "settings_leads_choice", "named");
    // The admin went back to the default, and their client never drew the modal again.
    const namedButDefault = await t.slack.viewSubmission({
      user: ADMIN.id,
      viewId: view.id,
      valuesByBlock: {
        settings_leads_choice: { settings_leads_choice: "default" },
        settings_leads: { settings_leads: [PEOPLE.colleague.id] },
        settings_lead_group: { settings_lead_group: "S0LEADS01" },
      },
    });
    expect(namedButDefault.effect).toMatchObject({
      kind: "errors",
      errors: {
        settings_leads: expect.stringContaining("Clear this, or choose “These people and user group”"),
        settings_lead_group: expect.stringContaining("Clear this"),
      },
    });
    const chosenButEmpty = await t.slack.viewSubmission({
      user: ADMIN.id,
      viewId: view.id,
      valuesByBlock: {
        settings_leads_choice: { settings_leads_choice: "named" },
        settings_leads: { settings_leads: null },
        settings_lead_group: { settings_lead_group: null },
      },
    });
    expect(chosenButEmpty.effect).toMatchObject({
      kind: "errors",
      errors: { settings_leads_choice: expect.stringContaining("Name at least one person") },
    });
    expect(await t.bot.core.features.settings.service.changes(workspace(t))).toEqual([]);
    expect(await t.bot.core.features.concerns.leads.isLead(workspace(t), PEOPLE.lead.id)).toBe(true);
  });

  it("shows only the fields that go with each choice, drawn again as the choice changes, keeping what was typed", async () => {
    t = await startSettingsBot();
    const opened = await openSettings(t, ADMIN.id);
    const drawnHash = opened.hash;
    const pickers = ["settings_leads", "settings_lead_group"];
    const owners = ["settings_knowledge_owners_group", "settings_knowledge_owners_channel"];
    for (const id of [...pickers, ...owners]) expect(blockIds(opened)).not.toContain(id);

    const typed = {
      settings_ack_days: { settings_ack_days: "4" },
      settings_digest_time: { settings_digest_time: "07:30" },
    };
    const group = await choose(t, opened.id, "settings_knowledge_owners", "usergroup", typed);
    expect(group.id).toBe(opened.id);
    expect(blockIds(group)).toContain("settings_knowledge_owners_group");
    expect(blockIds(group)).not.toContain("settings_knowledge_owners_channel");
    const update = t.standin.callsTo("views.update").at(-1);
    expect(update?.params.hash).toBe(drawnHash);
    // What was typed elsewhere stays: Slack keeps it, and the redrawn modal starts from it too.
    expect(readable(update?.params.view)).toContain('"initial_value":"4"');
    expect(readable(update?.params.view)).toContain('"initial_time":"07:30"');
    expect(group.state.values.settings_ack_days?.settings_ack_days).toMatchObject({ value: "4" });

    const channel = await choose(t, opened.id, "settings_knowledge_owners", "channel", {
      settings_knowledge_owners_group: { settings_knowledge_owners_group: "S0POLICY1" },
    });
    expect(blockIds(channel)).toContain("settings_knowledge_owners_channel");
    expect(blockIds(channel)).not.toContain("settings_knowledge_owners_group");
    for (const option of ["default", "none"]) {
      const neither = await choose(t, opened.id, "settings_knowledge_owners", option);
      for (const id of owners) expect(blockIds(neither)).not.toContain(id);
    }
    const named = await choose(t, opened.id, "settings_leads_choice", "named");
    expect(blockIds(named)).toEqual(expect.arrayContaining(pickers));
    for (const option of ["none", "default"]) {
      const none = await choose(t, opened.id, "settings_leads_choice", option);
      for (const id of pickers) expect(blockIds(none)).not.toContain(id);
    }
    expect(readable(t.standin.openViewsFor(ADMIN.id).at(-1)?.blocks)).toContain('"initial_value":"4"');
    // Nothing is stored until Save.
    expect(await t.bot.core.features.settings.service.changes(workspace(t))).toEqual([]);
  });

  it("ends up showing the newest choice when an older redraw lands after it and is refused for its stale hash", async () => {
    t = await startSettingsBot();
    const opened = await openSettings(t, ADMIN.id);
    const drawnHash = opened.hash;
    const updates = t.standin.callsTo("views.update").length;
    // The first redraw is slow to reach Slack; the admin has chosen again in the meantime.
    t.standin.failNext("views.update", { delayMs: 3_000 });
    const pressOwners = (option: string) => press(t, opened.id, "settings_knowledge_owners", option);
    await pressOwners("usergroup");
    await waitUntil(() => t.standin.pendingFailures("views.update") === 0);
    await pressOwners("channel");
    await waitUntil(() => t.standin.callsTo("views.update").length >= updates + 2, 15_000);
    const calls = t.standin.callsTo("views.update").slice(updates);
    expect(calls.map((call) => call.params.hash)).toEqual([drawnHash, drawnHash]);
    expect(calls.map((call) => call.response.error ?? "ok").sort()).toEqual(["hash_conflict", "ok"]);
    // A round trip through the bot, so that a wrongful retry would have been made by now.
    await homeOf(t, ADMIN.id);
    expect(t.standin.callsTo("views.update")).toHaveLength(updates + 2);
    const shown = t.standin.openViewsFor(ADMIN.id).at(-1);
    expect(shown ? blockIds(shown) : []).toContain("settings_knowledge_owners_channel");
    expect(shown ? blockIds(shown) : []).not.toContain("settings_knowledge_owners_group");
  });

  it("draws the newest choice again on top of the older one's redraw when that landed first and made its hash stale", async () => {
    t = await startSettingsBot();
    const opened = await openSettings(t, ADMIN.id);
    const drawnHash = opened.hash;
    const updates = t.standin.callsTo("views.update").length;
    // Both redraws are slow to reach Slack, the older one first; the newer was chosen before it landed.
    t.standin.failNext("views.update", { delayMs: 1_500, times: 2 });
    const pressOwners = (option: string) => press(t, opened.id, "settings_knowledge_owners", option);
    await pressOwners("usergroup");
    await waitUntil(() => t.standin.pendingFailures("views.update") === 1);
    await pressOwners("channel");
    await waitUntil(() => t.standin.callsTo("views.update").length >= updates + 3, 15_000);
    const calls = t.standin.callsTo("views.update").slice(updates);
    expect(calls.map((call) => call.response.error ?? "ok")).toEqual(["ok", "hash_conflict", "ok"]);
    expect(calls.map((call) => call.params.hash).slice(0, 2)).toEqual([drawnHash, drawnHash]);
    expect(calls[2]?.params.hash).toBe(calls[0]?.response.view && (calls[0].response.view as { hash: string }).hash);
    const shown = t.standin.openViewsFor(ADMIN.id).at(-1);
    expect(shown ? blockIds(shown) : []).toContain("settings_knowledge_owners_channel");
    expect(shown ? blockIds(shown) : []).not.toContain("settings_knowledge_owners_group");
  });

  it("asks for the policy leads' group or channel as chosen, one of them only, and checks the id", async () => {
    t = await startSettingsBot();
    const view = await openSettings(t, ADMIN.id);
    const submit = (valuesByBlock: Values) =>
      t.slack.viewSubmission({ user: ADMIN.id, viewId: view.id, valuesByBlock });
    await choose(t, view.id, "settings_knowledge_owners", "channel");
    expect(
      (await submit({ settings_knowledge_owners: { settings_knowledge_owners: "channel" } })).effect,
    ).toMatchObject({
      kind: "errors",
      errors: { settings_knowledge_owners_channel: expect.stringContaining("Fill this in") },
    });
    // Chosen without the modal drawn again: the group's field is not there to fill in.
    expect(
      (await submit({ settings_knowledge_owners: { settings_knowledge_owners: "usergroup" } })).effect,
    ).toMatchObject({
      kind: "errors",
      errors: { settings_knowledge_owners: expect.stringContaining("Name the user group") },
    });
    expect(
      (
        await submit({
          settings_knowledge_owners: { settings_knowledge_owners: "none" },
          settings_knowledge_owners_channel: { settings_knowledge_owners_channel: OTHER_TRIAGE.id },
        })
      ).effect,
    ).toMatchObject({
      kind: "errors",
      errors: { settings_knowledge_owners_channel: expect.stringContaining("Clear this, or choose it") },
    });
    await choose(t, view.id, "settings_knowledge_owners", "usergroup");
    expect(
      (
        await submit({
          settings_knowledge_owners: { settings_knowledge_owners: "usergroup" },
          settings_knowledge_owners_group: { settings_knowledge_owners_group: "policy leads" },
        })
      ).effect,
    ).toMatchObject({
      kind: "errors",
      errors: { settings_knowledge_owners_group: expect.stringContaining("user group id") },
    });
    expect(await t.bot.core.features.settings.service.changes(workspace(t))).toEqual([]);

    await choose(t, view.id, "settings_knowledge_owners", "channel");
    const saved = await submit({
      settings_knowledge_owners: { settings_knowledge_owners: "channel" },
      settings_knowledge_owners_channel: { settings_knowledge_owners_channel: OTHER_TRIAGE.id },
    });
    expect(saved.effect.kind).toBe("updated");
    expect((await t.bot.core.features.settings.forWorkspace(workspace(t))).knowledgeOwners).toEqual({
      kind: "channel",
      id: OTHER_TRIAGE.id,
    });
    await waitUntil(() =>
      readable(t.standin.homeViewOf(ADMIN.id)?.blocks).includes(
        `Policy leads (knowledge owners): <#${OTHER_TRIAGE.id}>`,
      ),
    );
  });

  it("answers bad values with field errors and stores nothing", async () => {
    t = await startSettingsBot();
    const view = await openSettings(t, ADMIN.id);
    await choose(t, view.id, "settings_leads_choice", "named");
    const submitted = await t.slack.viewSubmission({
      user: ADMIN.id,
      viewId: view.id,
      valuesByBlock: {
        settings_leads_choice: { settings_leads_choice: "named" },
        settings_lead_group: { settings_lead_group: "concern leads" },
      },
    });
    expect(submitted.effect).toMatchObject({
      kind: "errors",
      errors: {
        settings_lead_group: expect.stringContaining("user group id"),
      },
    });
    expect(await t.bot.core.features.settings.service.changes(workspace(t))).toEqual([]);
    expect(await t.bot.core.features.concerns.leads.isLead(workspace(t), PEOPLE.lead.id)).toBe(true);
  });

  it("checks again on saving: someone no longer an admin is refused and nothing is stored", async () => {
    t = await startSettingsBot();
    const view = await openSettings(t, ADMIN.id);
    t.standin.workspace.addUser({ ...ADMIN, is_admin: false });
    const submitted = await t.slack.viewSubmission({
      user: ADMIN.id,
      viewId: view.id,
      valuesByBlock: { settings_ack_days: { settings_ack_days: "7" } },
    });
    expect(submitted.effect.kind).toBe("updated");
    expect(readable(t.standin.openViewsFor(ADMIN.id).at(-1)?.blocks)).toContain("Nothing was changed");
    expect(await t.bot.core.features.settings.service.changes(workspace(t))).toEqual([]);
    expect((await t.bot.core.features.settings.forWorkspace(workspace(t))).acknowledgeWithinWorkingDays).not.toBe(7);
  });
});
