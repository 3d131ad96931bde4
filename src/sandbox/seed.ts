import { readFileSync } from "node:fs";
import type { SlackStandin } from "@localism/slack-standin";
import { parse } from "yaml";
import { z } from "zod";
import { fromRoot } from "../paths";

export const SEED_PATH = fromRoot("src/sandbox/fixtures/workspace.yaml");

const userId = z.string().regex(/^[UW][A-Z0-9]{8,}$/, { message: "should be a Slack user id like U0PRIYASH" });
const channelId = z
  .string()
  .regex(/^[CG][A-Z0-9]{8,}$/, { message: "should be a Slack channel id like C0COMMTEAM (G... for private)" });

const reply = z.object({ from: userId, minutesAgo: z.number().int().min(0), text: z.string().min(1) });
const message = reply.extend({ replies: z.array(reply).default([]) });

const seedSchema = z.object({
  workspace: z.object({ name: z.string().min(1), domain: z.string().regex(/^[a-z0-9-]+$/) }),
  users: z
    .array(
      z.object({
        id: userId,
        name: z.string().min(1),
        real_name: z.string().min(1),
        title: z.string().default(""),
        role: z.enum(["staff member", "concern lead"]),
        /** Workspace admins may manage app-wide settings, such as /digest sources. */
        admin: z.boolean().default(false),
      }),
    )
    .min(1),
  botEnvironment: z.record(z.string().regex(/^[A-Z][A-Z0-9_]*$/), z.string()).default({}),
  channels: z
    .array(
      z.object({
        id: channelId,
        name: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/),
        private: z.boolean().default(false),
        topic: z.string().default(""),
        members: z.union([z.literal("everyone"), z.array(userId)]),
        botIsMember: z.boolean().default(true),
        messages: z.array(message).default([]),
      }),
    )
    .min(1),
});

export type WorkspaceSeed = z.output<typeof seedSchema>;
export type SeedUser = WorkspaceSeed["users"][number];

/** Reads and checks the seed file; a mistake names the file, the field and the reason. */
export function loadSeed(file = SEED_PATH): WorkspaceSeed {
  const parsed = seedSchema.safeParse(parse(readFileSync(file, "utf8")));
  if (!parsed.success)
    throw new Error(`${file} is not a workspace the sandbox can seed: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export const SECRET_PLACEHOLDER = "{{secret}}";

/**
 * The bot's settings from the seed. A value of `{{secret}}` is a secret the bot needs: yours if
 * your environment sets that variable, else a fresh random one for this run.
 */
export function botEnvironment(
  seed: WorkspaceSeed,
  yours: Record<string, string | undefined>,
  randomSecret: () => string,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(seed.botEnvironment).map(([name, value]) => [
      name,
      value === SECRET_PLACEHOLDER ? (yours[name] ?? randomSecret()) : value,
    ]),
  );
}

/** `{{feedUrl}}` and friends in seeded text. */
export type Placeholders = Record<string, string>;

function fill(text: string, placeholders: Placeholders): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => placeholders[name] ?? whole);
}

/** People, channels and their backdated history, into a fresh stand-in. */
export function applySeed(standin: SlackStandin, seed: WorkspaceSeed, placeholders: Placeholders): void {
  const { workspace } = standin;
  for (const user of seed.users)
    workspace.addUser({ id: user.id, name: user.name, real_name: user.real_name, is_admin: user.admin });
  const everyone = seed.users.map((u) => u.id);
  for (const channel of seed.channels) {
    workspace.addChannel({
      id: channel.id,
      name: channel.name,
      is_private: channel.private,
      members: channel.members === "everyone" ? everyone : channel.members,
      botIsMember: channel.botIsMember,
      topic: fill(channel.topic, placeholders),
    });
  }
  const now = standin.clock.now().getTime();
  const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000);
  // History goes in oldest first (replies included), so timestamps come out as written.
  const threadTs = new Map<SeedMessage, string>();
  for (const post of historyOf(seed)) {
    const thread_ts = post.parent ? threadTs.get(post.parent) : undefined;
    const stored = workspace.postAsUser(post.channel, post.from, fill(post.text, placeholders), {
      at: at(post.minutesAgo),
      thread_ts,
    });
    if (!post.parent) threadTs.set(post.message, stored.ts);
  }
}

type SeedMessage = WorkspaceSeed["channels"][number]["messages"][number];

interface HistoryEntry {
  channel: string;
  from: string;
  text: string;
  minutesAgo: number;
  message: SeedMessage;
  parent?: SeedMessage;
}

function historyOf(seed: WorkspaceSeed): HistoryEntry[] {
  const entries = seed.channels.flatMap((channel) =>
    channel.messages.flatMap((message): HistoryEntry[] => [
      { channel: channel.id, from: message.from, text: message.text, minutesAgo: message.minutesAgo, message },
      ...message.replies.map((r) => ({
        channel: channel.id,
        ...r,
        minutesAgo: Math.min(r.minutesAgo, message.minutesAgo),
        message,
        parent: message,
      })),
    ]),
  );
  return entries.sort((a, b) => b.minutesAgo - a.minutesAgo || Number(Boolean(a.parent)) - Number(Boolean(b.parent)));
}
