import { type SlackStandin, startSlackStandin } from "@localism/slack-standin";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock";
import { loadManifest } from "../../src/sandbox/manifest";
import { applySeed, loadSeed } from "../../src/sandbox/seed";
import { pageState, type SandboxWorld } from "../../src/sandbox/server/page-state";

const STAFF = "U0PRIYASH";
const LEAD = "U0HELENWD";
const TRIAGE = "G0TRIAGE01";
const COMMISSIONING = "C0COMMTEAM";

let standin: SlackStandin;
let world: SandboxWorld;

// Midday, so that the seeded history's days (today, two days ago) do not depend on when the test runs.
const MIDDAY = new Date("2026-11-26T12:00:00Z");

beforeEach(async () => {
  standin = await startSlackStandin({ clock: new ManualClock(MIDDAY) });
  const seed = loadSeed();
  applySeed(standin, seed, { feedUrl: "http://localhost:3000/sandbox/minutes/feed.atom" });
  world = { standin, manifest: loadManifest(), seed, feedUrl: "http://localhost:3000/sandbox/minutes/feed.atom" };
});
afterEach(() => standin.close());

describe("what the page shows each person", () => {
  it("shows public channels to everyone and the private triage channel only to the concern lead", () => {
    const staff = pageState(world, STAFF, TRIAGE);
    expect(staff.open).not.toBe(TRIAGE);
    expect(staff.regions.sidebar).not.toContain("autonomy-concerns-triage");
    expect(staff.regions.sidebar).not.toContain("governing-body");
    const lead = pageState(world, LEAD, TRIAGE);
    expect(lead.open).toBe(TRIAGE);
    expect(lead.regions.sidebar).toContain("autonomy-concerns-triage");
    expect(lead.regions.header).toContain("New CCG autonomy concerns arrive here");
  });

  it("shows a channel's seeded history oldest first, threads as N replies, with a More actions menu", () => {
    const state = pageState(world, STAFF, COMMISSIONING);
    const pane = state.regions.pane;
    expect(pane.indexOf("Morning all")).toBeLessThan(pane.indexOf("ophthalmology"));
    expect(pane.indexOf("ophthalmology")).toBeLessThan(pane.indexOf("Reminder: authorisation"));
    expect(pane).not.toContain("Same with diabetes");
    expect(pane).toMatch(/<button type="button" class="thread-count" data-open-thread="[\d.]+">2 replies<\/button>/);
    expect(pane).toContain("data-more-actions");
    expect(state.messageShortcuts.map((s) => s.callbackId)).toEqual(["log_autonomy_concern"]);
    expect(state.globalShortcuts.map((s) => s.callbackId)).toEqual(["log_autonomy_concern_global"]);
    expect(state.composer).toEqual({
      channel: COMMISSIONING,
      placeholder: "Message #commissioning-team",
      plainTextAllowed: true,
    });
  });

  it("fills the sample feed's address into the digest channel", () => {
    expect(pageState(world, STAFF, "C0DIGEST01").regions.pane).toContain(
      "/digest source add http://localhost:3000/sandbox/minutes/feed.atom",
    );
  });

  it("shows an ephemeral message only to the person it was for, marked as such", () => {
    standin.context.messages.postEphemeral({
      channel: COMMISSIONING,
      user: STAFF,
      text: "*Objective 1.* Only for Priya",
      source: "ack",
    });
    expect(pageState(world, STAFF, COMMISSIONING).regions.pane).toContain("Only visible to you");
    expect(pageState(world, LEAD, COMMISSIONING).regions.pane).not.toContain("Only for Priya");
  });

  it("shows a person's own modal and Home tab, nobody else's", () => {
    const view = standin.context.views.open(STAFF, {
      type: "modal",
      title: { type: "plain_text", text: "Objective 1" },
      blocks: [{ type: "section", block_id: "b", text: { type: "mrkdwn", text: "Transferring power" } }],
    });
    standin.context.views.publishHome(LEAD, {
      type: "home",
      blocks: [{ type: "header", block_id: "h", text: { type: "plain_text", text: "My concerns" } }],
    });
    const staff = pageState(world, STAFF, "app:home");
    expect(staff.modalViewId).toBe(view.id);
    expect(staff.regions.modal).toContain("Transferring power");
    expect(staff.regions.pane).toContain("Opening localism-bot's Home tab");
    expect(staff.composer).toBeNull();
    const lead = pageState(world, LEAD, "app:home");
    expect(lead.modalViewId).toBeNull();
    expect(lead.regions.pane).toContain("My concerns");
  });

  it("opens the app's Messages tab as the person's DM with the bot, where people can write to it", () => {
    const state = pageState(world, STAFF, "app:messages");
    expect(state.composer?.plainTextAllowed).toBe(true);
    expect(state.composer?.placeholder).toContain("ask a question");
    expect(standin.workspace.channel(state.composer?.channel ?? "")?.is_im).toBe(true);
    expect(state.regions.header).toContain('aria-selected="true">Messages');
  });

  it("opens a thread beside the conversation, with its replies and a reply box", () => {
    const root = standin.messagesIn(COMMISSIONING).find((m) => m.text.includes("ophthalmology"));
    const state = pageState(world, STAFF, COMMISSIONING, `thread:${root?.ts}`);
    expect(state.panel).toMatchObject({ kind: "thread", channel: COMMISSIONING, threadTs: root?.ts });
    expect(state.regions.panel).toContain("Same with diabetes");
    expect(state.regions.panel).toContain("2 replies");
    expect(state.regions.panel).toContain(`data-thread-ts="${root?.ts}"`);
    expect(pageState(world, STAFF, COMMISSIONING, "thread:1.000").panel).toBeNull();
    expect(pageState(world, STAFF, "C0FINANCE1", `thread:${root?.ts}`).panel).toBeNull();
  });

  it("heads each day's messages with its date", () => {
    const pane = pageState(world, STAFF, "C0RANDOM01").regions.pane;
    expect(pane).toContain('<div class="day-divider" role="separator"><span>Today</span></div>');
    expect(pane).toMatch(/<span>(Yesterday|\w+day \d+ \w+)<\/span>/);
    expect(pane.indexOf("staff survey")).toBeLessThan(pane.indexOf("Today"));
  });

  it("lets people dismiss their ephemeral messages, and counts unread direct messages from the app", () => {
    standin.context.messages.postEphemeral({
      channel: COMMISSIONING,
      user: STAFF,
      text: "Only for Priya",
      source: "ack",
    });
    expect(pageState(world, STAFF, COMMISSIONING).regions.pane).toContain("data-dismiss");
    const dm = standin.workspace.dmWith(STAFF);
    const posted = standin.context.messages.post({
      channel: dm.id,
      text: "An answer",
      user: standin.workspace.app.botUserId,
    });
    expect(pageState(world, STAFF, COMMISSIONING).regions.sidebar).toContain(`data-recent="${posted.ts}"`);
  });

  it("shows the person's own assistant thread with its prompts and status, nobody else's", () => {
    const dm = standin.workspace.dmWith(STAFF);
    const root = standin.context.messages.post({
      channel: dm.id,
      user: STAFF,
      text: "New chat",
      subtype: "assistant_app_thread",
    });
    const thread = standin.context.assistantThreads.open({
      channel: dm.id,
      thread_ts: root.ts,
      user: STAFF,
      context: { team_id: standin.workspace.team.id, enterprise_id: null },
    });
    const panel = `assistant:${dm.id}:${root.ts}`;
    const fresh = pageState(world, STAFF, COMMISSIONING, panel);
    expect(fresh.panel?.kind).toBe("assistant");
    expect(fresh.regions.panel).toContain('data-prompt="What is assumed liberty?"');
    standin.context.assistantThreads.change(thread, {
      status: "is searching the knowledge base…",
      title: "Assumed liberty",
      suggested_prompts: [{ title: "Try this", message: "Can the Board overrule our CCG?" }],
    });
    const working = pageState(world, STAFF, COMMISSIONING, panel).regions.panel;
    expect(working).toContain("localism-bot is searching the knowledge base…");
    expect(working).toContain("Assumed liberty");
    expect(working).toContain('data-prompt="Can the Board overrule our CCG?"');
    expect(pageState(world, STAFF, "app:messages").regions.pane).not.toContain("New chat");
    expect(pageState(world, LEAD, COMMISSIONING, panel).panel).toBeNull();
  });

  it("falls back to the first person and channel when asked for someone or something unknown", () => {
    const state = pageState(world, "U0INTRUDER", "C0NOWHERE");
    expect(state.as).toBe(STAFF);
    expect(state.open).toBe(COMMISSIONING);
  });
});
