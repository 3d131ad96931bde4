import type { SlackChannel, SlackStandin, StoredEphemeral, StoredMessage } from "@localism/slack-standin";
import type { AppManifest } from "../manifest";
import type { PageState } from "../page/contract";
import {
  type Person,
  renderAppHeader,
  renderChannelHeader,
  renderSidebar,
  renderTopbar,
  type SidebarEntry,
} from "../render/chrome";
import { type ConversationContext, renderConversation } from "../render/conversation";
import type { RenderContext } from "../render/elements";
import type { SafeHtml } from "../render/html";
import { renderHome, renderModal } from "../render/surfaces";
import type { WorkspaceSeed } from "../seed";

/** Everything the page shows comes from here: the stand-in's state, the manifest and the seed. */
export interface SandboxWorld {
  standin: SlackStandin;
  manifest: AppManifest;
  seed: WorkspaceSeed;
  feedUrl: string;
}

const APP_HOME = "app:home";
const APP_MESSAGES = "app:messages";

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

function existingDm(world: SandboxWorld, as: string): SlackChannel | undefined {
  return world.standin.workspace.allChannels().find((c) => c.is_im && c.user === as);
}

function renderContext(world: SandboxWorld, as: string): RenderContext {
  const { workspace } = world.standin;
  return {
    directory: {
      userName: (id) => (id === workspace.app.botUserId ? world.manifest.botName : workspace.user(id)?.real_name),
      channelName: (id) => workspace.channel(id)?.name,
    },
    people: people(world).map((p) => ({ id: p.id, name: p.name })),
    channels: visibleChannels(world, as).map((c) => ({ id: c.id, name: c.name })),
  };
}

function latestTs(world: SandboxWorld, channel: string, as: string): string {
  const seen = [...world.standin.messagesIn(channel), ...ephemeralsIn(world, channel, as)].map((m) => m.ts);
  return seen.sort((a, b) => Number(a) - Number(b)).at(-1) ?? "0";
}

function ephemeralsIn(world: SandboxWorld, channel: string, as: string): StoredEphemeral[] {
  return world.standin.ephemeralsFor(as).filter((e) => e.channel === channel);
}

function conversation(world: SandboxWorld, channel: SlackChannel, as: string, emptyNote: string): SafeHtml {
  const { workspace } = world.standin;
  const isApp = (m: StoredMessage | StoredEphemeral) =>
    !("reply_count" in m) || m.bot_id !== undefined || m.user === workspace.app.botUserId;
  const ctx: ConversationContext = {
    ...renderContext(world, as),
    channelId: channel.id,
    author: (m) => {
      if (isApp(m)) return { name: world.manifest.botName, isApp: true, id: workspace.app.botUserId };
      const id = "user" in m && typeof m.user === "string" ? m.user : "";
      return { name: workspace.user(id)?.real_name ?? id, isApp: false, id };
    },
    file: (id) => world.standin.file(id),
    moreActions: world.manifest.shortcuts.some((s) => s.type === "message"),
  };
  return renderConversation(world.standin.messagesIn(channel.id), ephemeralsIn(world, channel.id, as), ctx, emptyNote);
}

function settle(world: SandboxWorld, as: string | undefined, open: string | undefined) {
  const everyone = people(world);
  const person = everyone.find((p) => p.id === as) ?? everyone[0];
  if (!person) throw new Error("The sandbox seed has no people");
  const channels = visibleChannels(world, person.id);
  const appTabs = [world.manifest.homeTab && APP_HOME, world.manifest.messagesTab && APP_MESSAGES].filter(
    (t): t is string => Boolean(t),
  );
  const known = open && (appTabs.includes(open) || channels.some((c) => c.id === open));
  return { person, channels, appTabs, open: known ? open : (channels[0]?.id ?? appTabs[0] ?? "") };
}

interface OpenConversation {
  header: SafeHtml;
  pane: SafeHtml;
  composer: PageState["composer"];
}

function channelView(world: SandboxWorld, channel: SlackChannel, as: string): OpenConversation {
  const { workspace } = world.standin;
  const memberCount = channel.members.filter((m) => m !== workspace.app.botUserId).length;
  return {
    header: renderChannelHeader(
      channel.name,
      channel.is_private,
      channel.topic,
      memberCount,
      workspace.botIsMember(channel),
    ),
    pane: conversation(world, channel, as, `This is the very beginning of #${channel.name}.`),
    composer: { channel: channel.id, placeholder: `Message #${channel.name}`, plainTextAllowed: true },
  };
}

/** The app's Home tab (no message box, as in Slack) or its Messages tab: the person's DM with the bot. */
function appView(world: SandboxWorld, open: string, as: string): OpenConversation {
  const { manifest, standin } = world;
  const tab = open === APP_MESSAGES ? "messages" : "home";
  const header = renderAppHeader(manifest.name, tab, { home: manifest.homeTab, messages: manifest.messagesTab });
  if (tab === "home")
    return {
      header,
      pane: renderHome(standin.homeViewOf(as), renderContext(world, as), manifest.name),
      composer: null,
    };
  const dm = standin.workspace.dmWith(as);
  return {
    header,
    pane: conversation(
      world,
      dm,
      as,
      `This is your conversation with ${manifest.name}. Try a slash command, like /objectives.`,
    ),
    composer: {
      channel: dm.id,
      placeholder: `Send a slash command to ${manifest.name}`,
      plainTextAllowed: !manifest.messagesReadOnly,
    },
  };
}

function sidebar(world: SandboxWorld, as: string, channels: SlackChannel[], appTabs: string[], open: string): SafeHtml {
  const dm = existingDm(world, as);
  const entries: SidebarEntry[] = channels.map((c) => ({
    open: c.id,
    label: c.name,
    isPrivate: c.is_private,
    latest: latestTs(world, c.id, as),
  }));
  const app = appTabs[0];
  const apps: SidebarEntry[] = app
    ? [{ open: app, label: world.manifest.name, isPrivate: false, latest: dm ? latestTs(world, dm.id, as) : "0" }]
    : [];
  return renderSidebar(
    world.standin.workspace.team.name,
    entries,
    apps,
    open.startsWith("app:") ? (app ?? open) : open,
  );
}

/** The page as `as` sees it with `open` open; unknown or forbidden choices fall back to what they may see. */
export function pageState(world: SandboxWorld, asRequested?: string, openRequested?: string): PageState {
  const { person, channels, appTabs, open } = settle(world, asRequested, openRequested);
  const as = person.id;
  const { manifest, standin } = world;
  const channel = channels.find((c) => c.id === open);
  const shown = channel ? channelView(world, channel, as) : appView(world, open, as);
  const stack = standin.openViewsFor(as);
  const top = stack.at(-1);
  return {
    version: standin.version,
    as,
    open,
    composer: shown.composer,
    commands: manifest.commands,
    messageShortcuts: manifest.shortcuts.filter((s) => s.type === "message"),
    globalShortcuts: manifest.shortcuts.filter((s) => s.type === "global"),
    modalViewId: top?.id ?? null,
    regions: {
      topbar: renderTopbar(people(world), as, world.feedUrl).value,
      sidebar: sidebar(world, as, channels, appTabs, open).value,
      header: shown.header.value,
      pane: shown.pane.value,
      modal: top ? renderModal(top, stack.length, renderContext(world, as)).value : "",
    },
  };
}
