import type { Clock } from "../clock";
import type { IdFactory } from "../ids";
import type { ChangeFeed } from "./changes";
import type { MessageStore } from "./messages";
import type { AppIdentity, Block, SlackChannel, SlackUser, SlackUsergroup, StoredMessage, TeamInfo } from "./types";

export interface UserSeed {
  id?: string;
  name: string;
  real_name?: string;
  is_bot?: boolean;
  is_admin?: boolean;
  tz?: string;
  email?: string;
}

export interface ChannelSeed {
  id?: string;
  name: string;
  is_private?: boolean;
  /** Human members; the bot is added unless `botIsMember` is false. */
  members?: string[];
  botIsMember?: boolean;
  is_archived?: boolean;
  topic?: string;
  purpose?: string;
}

export interface UsergroupSeed {
  id?: string;
  handle: string;
  name?: string;
  users: string[];
}

/** Team, people, channels and user groups of the stand-in workspace. Seed it from tests. */
export class Workspace {
  private readonly users = new Map<string, SlackUser>();
  private readonly channels = new Map<string, SlackChannel>();
  private readonly usergroups = new Map<string, SlackUsergroup>();

  constructor(
    readonly team: TeamInfo,
    readonly app: AppIdentity,
    readonly messages: MessageStore,
    private readonly ids: IdFactory,
    private readonly clock: Clock,
    private readonly changes: ChangeFeed,
  ) {
    this.addUser({ id: app.botUserId, name: app.botName, real_name: app.botName, is_bot: true });
  }

  addUser(seed: UserSeed): SlackUser {
    const user: SlackUser = {
      id: seed.id ?? this.ids.next("U"),
      name: seed.name,
      real_name: seed.real_name ?? seed.name,
      is_bot: seed.is_bot ?? false,
      is_admin: seed.is_admin ?? false,
      deleted: false,
      tz: seed.tz ?? "Europe/London",
      email: seed.email,
    };
    this.users.set(user.id, user);
    this.changes.notify();
    return user;
  }

  addChannel(seed: ChannelSeed): SlackChannel {
    const humans = seed.members ?? [];
    const members = seed.botIsMember === false ? humans : [...humans, this.app.botUserId];
    const channel: SlackChannel = {
      id: seed.id ?? this.ids.next(seed.is_private ? "G" : "C"),
      name: seed.name,
      is_private: seed.is_private ?? false,
      is_im: false,
      is_mpim: false,
      is_archived: seed.is_archived ?? false,
      members: [...new Set(members)],
      created: this.nowSeconds(),
      creator: humans[0] ?? this.app.botUserId,
      topic: seed.topic ?? "",
      purpose: seed.purpose ?? "",
    };
    this.channels.set(channel.id, channel);
    this.changes.notify();
    return channel;
  }

  addUsergroup(seed: UsergroupSeed): SlackUsergroup {
    const group: SlackUsergroup = {
      id: seed.id ?? this.ids.next("S"),
      handle: seed.handle,
      name: seed.name ?? seed.handle,
      users: [...seed.users],
    };
    this.usergroups.set(group.id, group);
    return group;
  }

  user(id: string): SlackUser | undefined {
    return this.users.get(id);
  }

  allUsers(): SlackUser[] {
    return [...this.users.values()];
  }

  /** By id, "#name" or "name". */
  channel(idOrName: string): SlackChannel | undefined {
    const byId = this.channels.get(idOrName);
    if (byId) return byId;
    const name = idOrName.replace(/^#/, "");
    return [...this.channels.values()].find((c) => !c.is_im && c.name === name);
  }

  allChannels(): SlackChannel[] {
    return [...this.channels.values()];
  }

  usergroup(id: string): SlackUsergroup | undefined {
    return this.usergroups.get(id);
  }

  /** The app's DM with a user (created on first use, like conversations.open). */
  dmWith(userId: string): SlackChannel {
    const existing = [...this.channels.values()].find((c) => c.is_im && c.user === userId);
    if (existing) return existing;
    const dm: SlackChannel = {
      id: this.ids.next("D"),
      name: userId,
      is_private: true,
      is_im: true,
      is_mpim: false,
      is_archived: false,
      members: [userId, this.app.botUserId],
      created: this.nowSeconds(),
      creator: this.app.botUserId,
      topic: "",
      purpose: "",
      user: userId,
    };
    this.channels.set(dm.id, dm);
    this.changes.notify();
    return dm;
  }

  botIsMember(channel: SlackChannel): boolean {
    return channel.members.includes(this.app.botUserId);
  }

  setBotMembership(channelId: string, member: boolean): void {
    const channel = this.requireChannel(channelId);
    const others = channel.members.filter((m) => m !== this.app.botUserId);
    channel.members = member ? [...others, this.app.botUserId] : others;
    this.changes.notify();
  }

  /**
   * `/invite @app` in a channel: the bot becomes a member and the channel shows it joined, as
   * Slack shows it. Only a member can invite; returns the "joined" message.
   */
  inviteBot(channelId: string, invitedBy: string): StoredMessage {
    const channel = this.requireChannel(channelId);
    if (!channel.members.includes(invitedBy)) throw new Error(`${invitedBy} is not in #${channel.name}`);
    if (this.botIsMember(channel)) throw new Error(`${this.app.botName} is already in #${channel.name}`);
    this.setBotMembership(channel.id, true);
    return this.messages.post({
      channel: channel.id,
      user: this.app.botUserId,
      subtype: "channel_join",
      text: `<@${this.app.botUserId}> was added to #${channel.name} by <@${invitedBy}>.`,
    });
  }

  archive(channelId: string): void {
    this.requireChannel(channelId).is_archived = true;
    this.changes.notify();
  }

  /**
   * A person posts in a channel (joining it if needed); returns the stored message. `at` backdates
   * it, for seeding a channel's history oldest first.
   */
  postAsUser(
    channelId: string,
    userId: string,
    text: string,
    opts: { thread_ts?: string; blocks?: Block[]; at?: Date; client_msg_id?: string } = {},
  ): StoredMessage {
    const channel = this.requireChannel(channelId);
    if (!this.users.has(userId)) throw new Error(`Unknown user ${userId}: add it with workspace.addUser first`);
    if (!channel.members.includes(userId)) channel.members.push(userId);
    return this.messages.post(
      {
        channel: channel.id,
        user: userId,
        text,
        blocks: opts.blocks,
        thread_ts: opts.thread_ts,
        ...(opts.client_msg_id ? { client_msg_id: opts.client_msg_id } : {}),
      },
      opts.at,
    );
  }

  private requireChannel(idOrName: string): SlackChannel {
    const channel = this.channel(idOrName);
    if (!channel) throw new Error(`Unknown channel ${idOrName}: add it with workspace.addChannel first`);
    return channel;
  }

  private nowSeconds(): number {
    return Math.floor(this.clock.now().getTime() / 1000);
  }
}
