import { describe, expect, it } from "vitest";
import { loadManifest } from "../../src/sandbox/manifest";
import { botEnvironment, loadSeed } from "../../src/sandbox/seed";

/** The seed is data people edit: these checks keep its ids in step with each other and with the bot's settings. */
describe("the sandbox workspace seed", () => {
  const seed = loadSeed();
  const users = new Map(seed.users.map((u) => [u.id, u]));
  const channels = new Map(seed.channels.map((c) => [c.id, c]));
  const membersOf = (id: string) => {
    const channel = channels.get(id);
    return channel?.members === "everyone" ? [...users.keys()] : (channel?.members ?? []);
  };

  it("has staff members and a concern lead, and names the lead and the triage channel in the bot's settings", () => {
    expect(new Set(seed.users.map((u) => u.role))).toEqual(new Set(["staff member", "concern lead"]));
    const leads = (seed.botEnvironment.CONCERN_LEADS ?? "").split(",").filter(Boolean);
    expect(leads.length).toBeGreaterThan(0);
    for (const lead of leads) expect(users.get(lead)?.role).toBe("concern lead");
    const triage = channels.get(seed.botEnvironment.CONCERN_TRIAGE_CHANNEL ?? "");
    expect(triage?.private).toBe(true);
    expect(triage?.botIsMember).toBe(true);
    expect(membersOf(triage?.id ?? "").every((id) => leads.includes(id))).toBe(true);
    expect(seed.botEnvironment.FETCH_ALLOW_PRIVATE_HOSTS).toBe("true");
  });

  it("gives the bot a secret for each {{secret}} setting: yours if you set one, else a fresh one per run", () => {
    expect(seed.botEnvironment.CONCERN_RECEIPT_PEPPER).toBe("{{secret}}");
    const fresh = botEnvironment(seed, {}, () => "f".repeat(64));
    expect(fresh.CONCERN_RECEIPT_PEPPER).toBe("f".repeat(64));
    expect(fresh.CONCERN_LEADS).toBe(seed.botEnvironment.CONCERN_LEADS);
    const yours = botEnvironment(seed, { CONCERN_RECEIPT_PEPPER: "mine", CONCERN_LEADS: "U0REALLEAD" }, () => "unused");
    expect(yours).toMatchObject({ CONCERN_RECEIPT_PEPPER: "mine", CONCERN_LEADS: seed.botEnvironment.CONCERN_LEADS });
  });

  it("names a private policy leads' channel the bot is in as the knowledge owners, with the concern lead in it", () => {
    const owners = channels.get(seed.botEnvironment.KNOWLEDGE_OWNERS ?? "");
    expect(owners?.private).toBe(true);
    expect(owners?.botIsMember).toBe(true);
    expect(membersOf(owners?.id ?? "")).toContain("U0HELENWD");
  });

  it("has a workspace admin, who may add /digest sources", () => {
    expect(seed.users.filter((u) => u.admin).length).toBeGreaterThan(0);
  });

  it("has a digest channel the bot is in, which tells people how to add the sample feed", () => {
    const digest = seed.channels.find((c) => c.name === "minutes-digest");
    expect(digest?.botIsMember).toBe(true);
    expect(digest?.messages.map((m) => m.text).join(" ")).toContain("/digest source add {{feedUrl}}");
  });

  it("has messages only from people in their channel, replies after what they answer, some raising autonomy worries", () => {
    for (const channel of seed.channels) {
      for (const message of channel.messages) {
        expect(membersOf(channel.id), `${channel.name}: ${message.text}`).toContain(message.from);
        for (const reply of message.replies) {
          expect(membersOf(channel.id)).toContain(reply.from);
          expect(reply.minutesAgo).toBeLessThan(message.minutesAgo);
        }
      }
    }
    const texts = seed.channels.flatMap((c) => c.messages.map((m) => m.text));
    expect(
      texts.filter((t) => /area team|clinical senate|regional team|Board-directed/i.test(t)).length,
    ).toBeGreaterThanOrEqual(3);
  });

  it("mentions only commands the app's manifest declares", () => {
    const commands = loadManifest().commands.map((c) => c.command);
    const mentioned = seed.channels.flatMap((c) =>
      c.messages.flatMap((m) => [...m.text.matchAll(/`(\/[a-z]+)/g)].map((match) => match[1])),
    );
    expect(mentioned.length).toBeGreaterThan(0);
    for (const command of mentioned) expect(commands).toContain(command);
  });
});
