import type { StandinContext } from "../context";
import type { SlackChannel, SlackUser, StoredFile, StoredMessage, StoredView } from "../state/types";

/** Stored objects in the shapes Slack's Web API answers with. */

export function renderMessage(ctx: StandinContext, m: StoredMessage): Record<string, unknown> {
  const fromBot = m.bot_id !== undefined;
  return {
    ...(fromBot ? { bot_id: m.bot_id, app_id: m.app_id } : {}),
    type: "message",
    ...(m.subtype ? { subtype: m.subtype } : {}),
    ...(m.client_msg_id ? { client_msg_id: m.client_msg_id } : {}),
    text: m.text,
    user: m.user ?? ctx.app.botUserId,
    ts: m.ts,
    team: ctx.team.id,
    ...(m.blocks ? { blocks: m.blocks } : {}),
    ...(fromBot ? { bot_profile: botProfile(ctx) } : {}),
    ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}),
    ...(m.reply_count > 0
      ? { reply_count: m.reply_count, reply_users: m.reply_users, latest_reply: m.latest_reply }
      : {}),
    ...(m.edited ? { edited: m.edited } : {}),
    ...(m.metadata ? { metadata: m.metadata } : {}),
  };
}

function botProfile(ctx: StandinContext): Record<string, unknown> {
  return {
    id: ctx.app.botId,
    deleted: false,
    name: ctx.app.botName,
    updated: 0,
    app_id: ctx.app.appId,
    team_id: ctx.team.id,
  };
}

export function renderView(ctx: StandinContext, v: StoredView): Record<string, unknown> {
  return {
    id: v.id,
    team_id: ctx.team.id,
    type: v.type,
    ...(v.title ? { title: v.title } : {}),
    ...(v.type === "modal" ? { submit: v.submit ?? null, close: v.close ?? null } : {}),
    blocks: v.blocks,
    private_metadata: v.private_metadata,
    callback_id: v.callback_id,
    state: v.state,
    hash: v.hash,
    clear_on_close: v.clear_on_close,
    notify_on_close: v.notify_on_close,
    submit_disabled: v.submit_disabled,
    root_view_id: v.root_view_id,
    previous_view_id: v.previous_view_id,
    app_id: ctx.app.appId,
    external_id: v.external_id,
    app_installed_team_id: ctx.team.id,
    bot_id: ctx.app.botId,
  };
}

export function renderUser(ctx: StandinContext, u: SlackUser): Record<string, unknown> {
  return {
    id: u.id,
    team_id: ctx.team.id,
    name: u.name,
    deleted: u.deleted,
    real_name: u.real_name,
    tz: u.tz,
    is_admin: u.is_admin,
    is_owner: false,
    is_bot: u.is_bot,
    is_app_user: false,
    updated: 0,
    profile: {
      real_name: u.real_name,
      display_name: u.name,
      real_name_normalized: u.real_name,
      display_name_normalized: u.name,
      ...(u.email ? { email: u.email } : {}),
      team: ctx.team.id,
    },
  };
}

export function renderChannel(ctx: StandinContext, c: SlackChannel): Record<string, unknown> {
  const common = {
    id: c.id,
    created: c.created,
    is_archived: c.is_archived,
    is_org_shared: false,
    context_team_id: ctx.team.id,
  };
  if (c.is_im) return { ...common, is_im: true, user: c.user, is_user_deleted: false };
  return {
    ...common,
    name: c.name,
    name_normalized: c.name,
    is_channel: !c.is_private,
    is_group: c.is_private,
    is_im: false,
    is_mpim: c.is_mpim,
    is_private: c.is_private,
    is_general: false,
    is_shared: false,
    is_ext_shared: false,
    is_member: ctx.workspace.botIsMember(c),
    creator: c.creator,
    topic: { value: c.topic, creator: "", last_set: 0 },
    purpose: { value: c.purpose, creator: "", last_set: 0 },
    num_members: c.members.length,
  };
}

export function renderFile(ctx: StandinContext, f: StoredFile): Record<string, unknown> {
  return {
    id: f.id,
    created: f.created,
    timestamp: f.created,
    name: f.filename,
    title: f.title,
    mimetype: "application/octet-stream",
    filetype: f.snippet_type ?? "binary",
    user: f.user,
    size: f.bytes?.length ?? 0,
    mode: "hosted",
    is_external: false,
    is_public: f.channels.some((id) => !ctx.workspace.channel(id)?.is_private),
    url_private: `${ctx.baseUrl}/files/${f.id}/${encodeURIComponent(f.filename)}`,
    permalink: `https://${ctx.team.domain}.slack.com/files/${f.user}/${f.id}/${encodeURIComponent(f.filename)}`,
    channels: f.channels,
    ...(f.alt_text ? { alt_txt: f.alt_text } : {}),
  };
}
