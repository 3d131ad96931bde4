import path from "node:path";
import type { SlackDelivery, SlackStandin } from "@localism/slack-standin";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main";
import type { Output } from "../../src/cli/output";
import { readable } from "../support/bot";
import { type InstalledTestBot, NORTH, type Place, SHARED, SOUTH, startInstalledBot } from "../support/installed-bot";
import { waitUntil } from "../support/wait";

const root = path.resolve(import.meta.dirname, "../..");

const NORTH_CONCERN = "NHS England told North Vale which community provider to commission, overruling its board.";
const NORTH_QUESTION = "does north vale keep its commissioning budget for community services?";
const SOUTH_QUESTION = "who approves south vale's annual commissioning plan?";

async function cli(t: InstalledTestBot, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const output: Output = { out: (text) => out.push(text), err: (text) => err.push(text) };
  const code = await runCli(args, output, { DATABASE_URL: t.databaseUrl, KNOWLEDGE_DIR: path.join(root, "knowledge") });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** A person raises a named concern from a message: message shortcut, the form, submit. */
async function raiseConcern(standin: SlackStandin, slack: SlackDelivery, place: Place, user: string) {
  const { message } = await slack.userMessage({
    user,
    channel: place.channel.id,
    text: "We were told who to commission.",
  });
  const before = standin.callsTo("views.update").length;
  await slack.messageShortcut({ callbackId: "log_autonomy_concern", user, channel: place.channel.id, message });
  await waitUntil(() => standin.callsTo("views.update").length > before);
  const view = standin.openViewsFor(user).at(-1);
  if (!view) throw new Error("the concern form did not open");
  await slack.viewSubmission({
    user,
    viewId: view.id,
    values: {
      what_happened: NORTH_CONCERN,
      objective: "1",
      body: "regional_team",
      impact: "high",
      identity_mode: "named",
    },
  });
}

async function concernsReply(t: InstalledTestBot, place: Place, user: string): Promise<string> {
  const { slack } = t.team(place);
  const delivered = await slack.slashCommand({ command: "/concerns", text: "", user, channel: place.channel.id });
  if (delivered.effect.kind === "ephemeral") return readable(delivered.body);
  const id = delivered.responseUrl.split("/").at(-1);
  const call = await t.standin.waitForCall("response_url", (c) => c.params.response_url_id === id, 10_000);
  return readable(call.params);
}

async function homeOf(t: InstalledTestBot, place: Place, user: string): Promise<string> {
  const { slack, standin } = t.team(place);
  const before = t.standin.callsTo("views.publish").length;
  await slack.appHomeOpened(user);
  await waitUntil(() => t.standin.callsTo("views.publish").length > before);
  return readable(standin.homeViewOf(user)?.blocks);
}

async function ask(t: InstalledTestBot, place: Place, user: string, question: string): Promise<string> {
  const { slack } = t.team(place);
  const delivered = await slack.slashCommand({
    command: "/objectives",
    text: question,
    user,
    channel: place.channel.id,
  });
  return readable(delivered.body);
}

describe("walls between workspaces", () => {
  let t: InstalledTestBot;
  afterEach(() => t?.close());

  it("makes a concern lead set by one workspace's admin a lead there only, never in another workspace", async () => {
    t = await startInstalledBot();
    await t.install(NORTH);
    await t.install(SOUTH);
    const north = t.team(NORTH);
    const admin = north.standin.workspace.addUser({ id: "U0NADMIN1", name: "north.admin", is_admin: true });
    await homeOf(t, NORTH, admin.id);
    const home = north.standin.homeViewOf(admin.id);
    if (!home) throw new Error("no App Home");
    await north.slack.blockAction({
      user: admin.id,
      actionId: "settings_open",
      container: { type: "view", viewId: home.id },
    });
    await waitUntil(() => north.standin.openViewsFor(admin.id).at(-1)?.callback_id === "workspace_settings");
    const form = north.standin.openViewsFor(admin.id).at(-1)!;
    const updates = t.standin.callsTo("views.update").length;
    await north.slack.blockAction({
      user: admin.id,
      actionId: "settings_leads_choice",
      value: "named",
      container: { type: "view", viewId: form.id },
    });
    await waitUntil(() => t.standin.callsTo("views.update").length > updates);
    const saved = await north.slack.viewSubmission({
      user: admin.id,
      viewId: form.id,
      valuesByBlock: {
        settings_leads_choice: { settings_leads_choice: "named" },
        settings_leads: { settings_leads: [SHARED.id] },
      },
    });
    expect(saved.effect.kind).toBe("updated");

    const leads = t.bot.core.features.concerns.leads;
    expect(await leads.isLead(NORTH.team.id, SHARED.id)).toBe(true);
    expect(await leads.isLead(SOUTH.team.id, SHARED.id)).toBe(false);
    expect(await leads.leads(SOUTH.team.id)).toEqual([]);
    expect((await t.bot.core.features.settings.forWorkspace(SOUTH.team.id)).leads).toEqual([]);
    expect(await homeOf(t, SOUTH, SHARED.id)).not.toContain("Change settings");
  });

  it("shows neither workspace's concerns, digests or questions in the other's commands, App Home or CLI listings", async () => {
    t = await startInstalledBot();
    await t.install(NORTH);
    await t.install(SOUTH);

    // North: a concern raised by a Grid member of both workspaces, a digest subscription and a question.
    const north = t.team(NORTH);
    await raiseConcern(north.standin, north.slack, NORTH, SHARED.id);
    await waitUntil(async () => (await t.bot.core.features.concerns.lookup.home(NORTH.team.id, SHARED.id)) !== null);
    const subscribe = await north.slack.slashCommand({
      command: "/digest",
      text: "subscribe weekly monday 09:00",
      user: NORTH.staff.id,
      channel: NORTH.channel.id,
    });
    expect(subscribe.status).toBe(200);
    await waitUntil(async () => (await t.bot.core.features.minutes.digests.inWorkspace(NORTH.team.id)).length === 1);
    await ask(t, NORTH, SHARED.id, NORTH_QUESTION);
    // South: only its own question.
    await ask(t, SOUTH, SOUTH.staff.id, SOUTH_QUESTION);
    await t.bot.core.features.objectives.questions.flush();

    // North shows its own data (so the checks below are not vacuous)...
    expect(await concernsReply(t, NORTH, SHARED.id)).toContain("CON-0001");
    const northHome = await homeOf(t, NORTH, SHARED.id);
    expect(northHome).toContain("CON-0001");
    expect(northHome).toContain(NORTH.channel.id);

    // ...and South shows none of it, to the same person.
    const southConcerns = await concernsReply(t, SOUTH, SHARED.id);
    expect(southConcerns).not.toContain("CON-0001");
    expect(southConcerns).not.toContain("North Vale");
    const southHome = await homeOf(t, SOUTH, SHARED.id);
    expect(southHome).not.toContain("CON-0001");
    expect(southHome).not.toContain(NORTH.channel.id);
    expect(southHome).not.toContain("North Vale");
    expect(await t.bot.core.features.minutes.digests.inWorkspace(SOUTH.team.id)).toEqual([]);
    const southStatus = await t.team(SOUTH).slack.slashCommand({
      command: "/digest",
      text: "status",
      user: SOUTH.staff.id,
      channel: SOUTH.channel.id,
    });
    expect(readable(southStatus.body)).not.toContain(NORTH.channel.id);

    // The CLI: with two workspaces a listing names one, and shows only that one's data.
    const mixed = await cli(t, ["questions", "--since", "30d"]);
    expect(mixed.code).not.toBe(0);
    expect(mixed.err).toContain("choose one with --workspace");
    const southQuestions = await cli(t, ["questions", "--since", "30d", "--workspace", SOUTH.team.id]);
    expect(southQuestions.out).toContain(SOUTH_QUESTION);
    expect(southQuestions.out).not.toContain(NORTH_QUESTION);
    const northQuestions = await cli(t, ["questions", "--since", "30d", "--workspace", NORTH.team.id]);
    expect(northQuestions.out).toContain(NORTH_QUESTION);
    expect(northQuestions.out).not.toContain(SOUTH_QUESTION);
    const southExport = await cli(t, ["concerns", "export", "--since", "30d", "--workspace", SOUTH.team.id]);
    expect(southExport.out).not.toContain(NORTH_CONCERN);
    const northExport = await cli(t, ["concerns", "export", "--since", "30d", "--workspace", NORTH.team.id]);
    expect(northExport.out).toContain("CON-0001");
  });
});
