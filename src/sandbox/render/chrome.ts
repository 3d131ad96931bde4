import { EMPTY, html, type SafeHtml } from "./html";
import { LOCK } from "./icons";

/** The workspace around the conversation: top bar, sidebar and the conversation's header. */

export interface Person {
  id: string;
  name: string;
  title: string;
  role: string;
}

export interface SidebarEntry {
  open: string;
  label: string;
  isPrivate: boolean;
  /** ts of the newest thing the person can see there, for "unread" marks. */
  latest: string;
  /** ts of the newest messages from others (direct messages), for the count of unread ones. */
  recent?: string[];
}

export function renderTopbar(people: Person[], as: string, feedUrl: string, assistant: string | null = null): SafeHtml {
  const options = people.map(
    (p) =>
      html`<option value="${p.id}" title="${p.title}"${p.id === as ? html` selected` : EMPTY}>${p.name} (${p.role})</option>`,
  );
  return html`<div class="topbar-title"><strong>localism-bot sandbox</strong> <span class="topbar-note">the real bot, with a local stand-in for Slack</span></div><label class="acting-as">Acting as <select id="acting-as" aria-label="Acting as">${options}</select></label>${assistant ? html`<button type="button" class="topbar-btn topbar-assistant" id="open-assistant" title="Opens ${assistant}'s assistant panel beside the conversation">✦ Ask ${assistant}</button>` : EMPTY}<button type="button" class="topbar-btn" id="run-digest" title="Sends /digest now in the current channel">Run digest now</button><a class="topbar-link" href="${feedUrl}" target="_blank" rel="noopener" title="The sample minutes feed: /digest source add ${feedUrl}">Sample minutes feed</a>`;
}

export function renderSidebar(team: string, channels: SidebarEntry[], apps: SidebarEntry[], open: string): SafeHtml {
  const item = (entry: SidebarEntry, icon: SafeHtml) =>
    html`<a href="#" class="side-item${entry.open === open ? " active" : ""}" data-open="${entry.open}" data-latest="${entry.latest}">${icon}<span class="side-label">${entry.label}</span>${entry.recent ? html`<span class="unread-badge" data-recent="${entry.recent.join(" ")}" aria-label="unread messages"></span>` : EMPTY}</a>`;
  return html`<div class="team-name">${team}</div><div class="side-section">Channels</div>${channels.map((c) => item(c, html`<span class="side-icon" aria-hidden="true">${c.isPrivate ? LOCK : "#"}</span>`))}<div class="side-section">Apps</div>${apps.map((a) => item(a, html`<span class="side-icon app-dot" aria-hidden="true">●</span>`))}`;
}

export function renderChannelHeader(
  name: string,
  isPrivate: boolean,
  topic: string,
  memberCount: number,
  botIsMember: boolean,
): SafeHtml {
  const notInChannel = botIsMember ? EMPTY : html`<span class="header-note">localism-bot is not in this channel</span>`;
  return html`<div class="header-name">${isPrivate ? LOCK : "#"} ${name}</div><div class="header-topic">${topic}</div><div class="header-meta">${memberCount} ${memberCount === 1 ? "member" : "members"}${notInChannel}</div>`;
}

export function renderAppHeader(
  appName: string,
  tab: "home" | "messages",
  tabs: { home: boolean; messages: boolean },
): SafeHtml {
  const tabLink = (id: "home" | "messages", label: string) =>
    html`<a href="#" class="app-tab${tab === id ? " active" : ""}" data-open="app:${id}" role="tab" aria-selected="${tab === id ? "true" : "false"}">${label}</a>`;
  return html`<div class="header-name"><span class="avatar avatar-app avatar-small" aria-hidden="true">lb</span> ${appName}</div><nav class="app-tabs" role="tablist">${tabs.home ? tabLink("home", "Home") : EMPTY}${tabs.messages ? tabLink("messages", "Messages") : EMPTY}</nav>`;
}
