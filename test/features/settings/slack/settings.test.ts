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

  it("points out leads named against the choice, or none named for it, and stores nothing", async () => {
    t = await startSettingsBot();
    const view = await openSettings(t, ADMIN.id);
    const namedButDefault = await t.slack.viewSubmission({
      user: ADMIN.id,
      viewId: view.id,
      valuesByBlock: { settings_leads: { settings_leads: [PEOPLE.colleague.id] } },
    });
    expect(namedButDefault.effect).toMatchObject({
      kind: "errors",
      errors: { settings_leads_choice: expect.stringContaining("You named leads below") },
    });
    const chosenButEmpty = await t.slack.viewSubmission({
      user: ADMIN.id,
      viewId: view.id,
      valuesByBlock: {
        settings_leads_choice: { settings_leads_choice: "named" },
        settings_leads: { settings_leads: null },
      },
    });
    expect(chosenButEmpty.effect).toMatchObject({
      kind: "errors",
      errors: { settings_leads_choice: expect.stringContaining("Name at least one person") },
    });
    expect(await t.bot.core.features.settings.service.changes(workspace(t))).toEqual([]);
    expect(await t.bot.core.features.concerns.leads.isLead(workspace(t), PEOPLE.lead.id)).toBe(true);
  });

  it("asks for the policy leads' group or channel as chosen, one of them only, and checks the id", async () => {
    t = await startSettingsBot();
    const view = await openSettings(t, ADMIN.id);
    const submit = (valuesByBlock: Record<string, Record<string, string | null>>) =>
      t.slack.viewSubmission({ user: ADMIN.id, viewId: view.id, valuesByBlock });
    expect(
      (await submit({ settings_knowledge_owners: { settings_knowledge_owners: "channel" } })).effect,
    ).toMatchObject({
      kind: "errors",
      errors: { settings_knowledge_owners_channel: expect.stringContaining("Fill this in") },
    });
    expect(
      (
        await submit({
          settings_knowledge_owners: { settings_knowledge_owners: "channel" },
          settings_knowledge_owners_channel: { settings_knowledge_owners_channel: OTHER_TRIAGE.id },
          settings_knowledge_owners_group: { settings_knowledge_owners_group: "S0POLICY1" },
        })
      ).effect,
    ).toMatchObject({
      kind: "errors",
      errors: { settings_knowledge_owners_group: expect.stringContaining("one user group or one channel") },
    });
    expect(
      (
        await submit({
          settings_knowledge_owners: { settings_knowledge_owners: "usergroup" },
          settings_knowledge_owners_channel: { settings_knowledge_owners_channel: null },
          settings_knowledge_owners_group: { settings_knowledge_owners_group: "policy leads" },
        })
      ).effect,
    ).toMatchObject({
      kind: "errors",
      errors: { settings_knowledge_owners_group: expect.stringContaining("user group id") },
    });
    expect(await t.bot.core.features.settings.service.changes(workspace(t))).toEqual([]);

    const saved = await submit({
      settings_knowledge_owners: { settings_knowledge_owners: "channel" },
      settings_knowledge_owners_channel: { settings_knowledge_owners_channel: OTHER_TRIAGE.id },
      settings_knowledge_owners_group: { settings_knowledge_owners_group: null },
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
      valuesByBlock: { settings_leads: { settings_leads: [ADMIN.id] } },
    });
    expect(submitted.effect.kind).toBe("updated");
    expect(readable(t.standin.openViewsFor(ADMIN.id).at(-1)?.blocks)).toContain("Nothing was changed");
    expect(await t.bot.core.features.settings.service.changes(workspace(t))).toEqual([]);
    expect(await t.bot.core.features.concerns.leads.isLead(workspace(t), ADMIN.id)).toBe(false);
  });
});
