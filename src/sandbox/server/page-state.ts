import type {
  AssistantThread,
  SlackChannel,
  SlackStandin,
  StoredEphemeral,
  StoredMessage,
} from "@localism/slack-standin";
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
import {
  type ConversationContext,
  renderAssistantThread,
  renderConversation,
  renderThread,
} from "../render/conversation";
import type { RenderContext } from "../render/elements";
import { EMPTY, type SafeHtml } from "../render/html";
import { renderAssistantPanel, renderThreadPanel } from "../render/panels";
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

/** Messages of an assistant thread live in the assistant panel, not in the Messages tab. */
function assistantThreadOf(world: SandboxWorld, message: StoredMessage): AssistantThread | undefined {
  const root = message.thread_ts ?? message.ts;
  return world.standin.context.assistantThreads.find(message.channel, root);
}

/** What a conversation shows: its messages, assistant threads left out. */
function conversationMessages(world: SandboxWorld, channel: string): StoredMessage[] {
  return world.standin.messagesIn(channel).filter((m) => !assistantThreadOf(world, m));
}

function ephemeralsIn(world: SandboxWorld, channel: string, as: string): StoredEphemeral[] {
  return world.standin.ephemeralsFor(as).filter((e) => e.channel === channel);
}

/**
 * The viewer's ephemeral messages shown in the conversation itself: those not in a thread, and
 * those in a "thread" that has no replies yet (a note under a bare mention), which would be lost.
 */
function mainEphemerals(world: SandboxWorld, channel: string, as: string, messages: StoredMessage[]) {
  return ephemeralsIn(world, channel, as).filter(
    (e) =>
      !e.thread_ts ||
      (!messages.some((m) => m.thread_ts === e.thread_ts && m.ts !== e.thread_ts) &&
        !world.standin.context.assistantThreads.find(channel, e.thread_ts)),
  );
}

function latestTs(world: SandboxWorld, channel: string, as: string): string {
  const seen = [...conversationMessages(world, channel), ...ephemeralsIn(world, channel, as)].map((m) => m.ts);
  return seen.sort((a, b) => Number(a) - Number(b)).at(-1) ?? "0";
}

/** The newest messages from others in a conversation, for the unread count beside it. */
function recentFromOthers(world: SandboxWorld, channel: string, as: string): string[] {
  return conversationMessages(world, channel)
    .filter((m) => m.user !== as && m.subtype === undefined)
    .map((m) => m.ts)
    .slice(-20);
}

function conversationContext(world: SandboxWorld, channelId: string, as: string): ConversationContext {
  const { workspace } = world.standin;
  const isApp = (m: StoredMessage | StoredEphemeral) =>
    !("reply_count" in m) || m.bot_id !== undefined || m.user === workspace.app.botUserId;
  return {
    ...renderContext(world, as),
    channelId,
    author: (m) => {
      if (isApp(m)) return { name: world.manifest.botName, isApp: true, id: workspace.app.botUserId };
      const id = "user" in m && typeof m.user === "string" ? m.user : "";
      return { name: workspace.user(id)?.real_name ?? id, isApp: false, id };
    },
    file: (id) => world.standin.file(id),
    moreActions: world.manifest.shortcuts.some((s) => s.type === "message"),
    now: world.standin.clock.now(),
    feedbackOf: (message) => world.standin.context.messages.feedbackOf(message, as),
  };
}

function conversation(world: SandboxWorld, channel: SlackChannel, as: string, emptyNote: string): SafeHtml {
  const messages = conversationMessages(world, channel.id);
  return renderConversation(
    messages,
    mainEphemerals(world, channel.id, as, messages),
    conversationContext(world, channel.id, as),
    emptyNote,
  );
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
      manifest.messagesReadOnly
        ? `This is your conversation with ${manifest.name}. Try a slash command, like /objectives.`
        : `This is your conversation with ${manifest.name}. Ask it a question, or type help.`,
    ),
    composer: {
      channel: dm.id,
      placeholder: manifest.messagesReadOnly
        ? `Send a slash command to ${manifest.name}`
        : `Message ${manifest.name}: ask a question, or try help`,
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
    ? [
        {
          open: app,
          label: world.manifest.name,
          isPrivate: false,
          latest: dm ? latestTs(world, dm.id, as) : "0",
          recent: dm ? recentFromOthers(world, dm.id, as) : [],
        },
      ]
    : [];
  return renderSidebar(
    world.standin.workspace.team.name,
    entries,
    apps,
    open.startsWith("app:") ? (app ?? open) : open,
  );
}

/** A thread's first message in a conversation the person has open, or the person's own assistant thread. */
function settlePanel(
  world: SandboxWorld,
  as: string,
  conversationId: string | undefined,
  requested: string | undefined,
): { kind: "thread"; root: StoredMessage } | { kind: "assistant"; thread: AssistantThread } | null {
  const [kind, first, second] = (requested ?? "").split(":");
  if (kind === "thread" && conversationId && first) {
    const root = conversationMessages(world, conversationId).find((m) => m.ts === first);
    return root ? { kind: "thread", root } : null;
  }
  if (kind === "assistant" && world.manifest.assistant && first && second) {
    const thread = world.standin.context.assistantThreads.find(first, second);
    return thread?.user === as ? { kind: "assistant", thread } : null;
  }
  return null;
}

function threadPanel(world: SandboxWorld, as: string, root: StoredMessage) {
  const { workspace } = world.standin;
  const channel = workspace.channel(root.channel);
  const replies = world.standin.threadReplies(root.channel, root.ts);
  const ephemerals = ephemeralsIn(world, root.channel, as).filter((e) => e.thread_ts === root.ts);
  const where = channel?.is_im ? world.manifest.name : `#${channel?.name ?? root.channel}`;
  const body = renderThread(root, replies, ephemerals, conversationContext(world, root.channel, as));
  return {
    html: renderThreadPanel(where, body, { channel: root.channel, threadTs: root.ts, placeholder: "Reply…" }),
    info: { kind: "thread" as const, key: `thread:${root.ts}`, channel: root.channel, threadTs: root.ts },
  };
}

function assistantPanel(world: SandboxWorld, as: string, thread: AssistantThread) {
  const { manifest, standin } = world;
  const replies = standin.threadReplies(thread.channel, thread.thread_ts);
  const ephemerals = ephemeralsIn(world, thread.channel, as).filter((e) => e.thread_ts === thread.thread_ts);
  const asked = replies.some((m) => m.user === as);
  const fromManifest = manifest.assistant?.suggestedPrompts ?? [];
  const prompts = asked ? [] : thread.suggested_prompts.length > 0 ? thread.suggested_prompts : fromManifest;
  const body = renderAssistantThread(replies, ephemerals, conversationContext(world, thread.channel, as));
  return {
    html: renderAssistantPanel({
      appName: manifest.name,
      title: thread.title ?? "New chat",
      status: thread.status,
      promptsTitle: thread.prompts_title ?? "Suggested",
      prompts,
      body,
      composer: { channel: thread.channel, threadTs: thread.thread_ts, placeholder: `Message ${manifest.name}` },
    }),
    info: {
      kind: "assistant" as const,
      key: `assistant:${thread.channel}:${thread.thread_ts}`,
      channel: thread.channel,
      threadTs: thread.thread_ts,
    },
  };
}

/**
 * The page as `as` sees it with `open` open and `panel` beside it (a thread, or the assistant);
 * unknown or forbidden choices fall back to what they may see.
 */
export function pageState(
  world: SandboxWorld,
  asRequested?: string,
  openRequested?: string,
  panelRequested?: string,
): PageState {
  const { person, channels, appTabs, open } = settle(world, asRequested, openRequested);
  const as = person.id;
  const { manifest, standin } = world;
  const channel = channels.find((c) => c.id === open);
  const shown = channel ? channelView(world, channel, as) : appView(world, open, as);
  const conversationId = channel?.id ?? (open === APP_MESSAGES ? standin.workspace.dmWith(as).id : undefined);
  const settled = settlePanel(world, as, conversationId, panelRequested);
  const panel =
    settled?.kind === "thread"
      ? threadPanel(world, as, settled.root)
      : settled?.kind === "assistant"
        ? assistantPanel(world, as, settled.thread)
        : null;
  const stack = standin.openViewsFor(as);
  const top = stack.at(-1);
  return {
    version: standin.version,
    as,
    open,
    panel: panel?.info ?? null,
    assistant: manifest.assistant !== null,
    composer: shown.composer,
    commands: manifest.commands,
    messageShortcuts: manifest.shortcuts.filter((s) => s.type === "message"),
    globalShortcuts: manifest.shortcuts.filter((s) => s.type === "global"),
    modalViewId: top?.id ?? null,
    regions: {
      topbar: renderTopbar(people(world), as, world.feedUrl, manifest.assistant ? manifest.name : null).value,
      sidebar: sidebar(world, as, channels, appTabs, open).value,
      header: shown.header.value,
      pane: shown.pane.value,
      panel: (panel?.html ?? EMPTY).value,
      modal: top ? renderModal(top, stack.length, renderContext(world, as)).value : "",
    },
  };
}
