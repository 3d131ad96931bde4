import type { SlackChannel } from "@localism/slack-standin";
import type { PageState } from "../page/contract";
import { renderAppHeader, renderChannelHeader, renderSidebar, renderTopbar, type SidebarEntry } from "../render/chrome";
import { EMPTY, type SafeHtml } from "../render/html";
import { renderHome, renderModal } from "../render/surfaces";
import { conversation, latestTs, recentFromOthers, renderContext } from "./conversations";
import { assistantPanel, settlePanel, threadPanel } from "./panels";
import { APP_HOME, APP_MESSAGES, people, type SandboxWorld, visibleChannels } from "./world";

export { people, type SandboxWorld, visibleChannels } from "./world";

function existingDm(world: SandboxWorld, as: string): SlackChannel | undefined {
  return world.standin.workspace.allChannels().find((c) => c.is_im && c.user === as);
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
