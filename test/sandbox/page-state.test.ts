import { type SlackStandin, startSlackStandin } from "@localism/slack-standin";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadManifest } from "../../src/sandbox/manifest";
import { applySeed, loadSeed } from "../../src/sandbox/seed";
import { pageState, type SandboxWorld } from "../../src/sandbox/server/page-state";

const STAFF = "U0PRIYASH";
const LEAD = "U0HELENWD";
const TRIAGE = "G0TRIAGE01";
const COMMISSIONING = "C0COMMTEAM";

let standin: SlackStandin;
let world: SandboxWorld;

beforeEach(async () => {
  standin = await startSlackStandin();
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

  it("shows a channel's seeded history oldest first, replies in their thread, with a More actions menu", () => {
    const state = pageState(world, STAFF, COMMISSIONING);
    const pane = state.regions.pane;
    expect(pane.indexOf("Morning all")).toBeLessThan(pane.indexOf("ophthalmology"));
    expect(pane.indexOf("ophthalmology")).toBeLessThan(pane.indexOf("Same with diabetes"));
    expect(pane.indexOf("Same with diabetes")).toBeLessThan(pane.indexOf("Reminder: authorisation"));
    expect(pane).toContain('<div class="thread-count">2 replies</div>');
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

  it("opens the app's Messages tab as the person's DM with the bot, where only slash commands can be sent", () => {
    const state = pageState(world, STAFF, "app:messages");
    expect(state.composer?.plainTextAllowed).toBe(false);
    expect(standin.workspace.channel(state.composer?.channel ?? "")?.is_im).toBe(true);
    expect(state.regions.header).toContain('aria-selected="true">Messages');
  });

  it("falls back to the first person and channel when asked for someone or something unknown", () => {
    const state = pageState(world, "U0INTRUDER", "C0NOWHERE");
    expect(state.as).toBe(STAFF);
    expect(state.open).toBe(COMMISSIONING);
  });
});
