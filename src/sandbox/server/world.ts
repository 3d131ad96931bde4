import type { SlackChannel, SlackStandin } from "@localism/slack-standin";
import type { AppManifest } from "../manifest";
import type { Person } from "../render/chrome";
import type { WorkspaceSeed } from "../seed";

/** Everything the page shows comes from here: the stand-in's state, the manifest and the seed. */
export interface SandboxWorld {
  standin: SlackStandin;
  manifest: AppManifest;
  seed: WorkspaceSeed;
  feedUrl: string;
}

export const APP_HOME = "app:home";
export const APP_MESSAGES = "app:messages";

export function people(world: SandboxWorld): Person[] {
  return world.seed.users.map((u) => ({
    id: u.id,
    name: u.real_name,
    title: u.title,
    role: u.admin ? `${u.role}, workspace admin` : u.role,
  }));
}

/** Channels the person can see: every public one, and private ones they belong to. */
export function visibleChannels(world: SandboxWorld, as: string): SlackChannel[] {
  return world.standin.workspace
    .allChannels()
    .filter((c) => !c.is_im && !c.is_archived && (!c.is_private || c.members.includes(as)));
}
