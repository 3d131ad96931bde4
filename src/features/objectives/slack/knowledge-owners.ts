import type { App } from "@slack/bolt";
import type { KnowledgeSettings } from "../../../config";
import type { SlackMessage } from "../../../slack/message";

type Client = App["client"];

export interface Post {
  channel: string;
  ts: string;
}

export type KnowledgeOwnersSetting = KnowledgeSettings["owners"];

/** Each workspace's knowledge owners: its admins' choice, else the environment's. */
export interface WorkspaceKnowledgeOwners {
  /** `fresh`: read now, not as remembered (settings are kept for a while to answer quickly). */
  forWorkspace(workspaceId: string | null, options?: { fresh?: boolean }): Promise<KnowledgeOwners>;
}

/**
 * One workspace's knowledge owners (policy leads): a channel, where questions are posted and whose
 * members answer them, or a user group, whose members are each asked by DM.
 */
export class KnowledgeOwners {
  constructor(private readonly owners: KnowledgeOwnersSetting) {}

  get configured(): boolean {
    return this.owners !== null;
  }

  /** How a message names them: the user group's mention, or the channel. */
  get label(): string {
    if (!this.owners) return "nobody";
    return this.owners.kind === "usergroup" ? `<!subteam^${this.owners.id}>` : `<#${this.owners.id}>`;
  }

  /** Whether this person may answer, revise and withdraw: a member of the group or the channel, checked each time. */
  async isOwner(client: Client, userId: string): Promise<boolean> {
    if (!this.owners) return false;
    if (this.owners.kind === "usergroup") {
      const group = await client.usergroups.users.list({ usergroup: this.owners.id });
      return (group.users ?? []).includes(userId);
    }
    let cursor: string | undefined;
    do {
      const page = await client.conversations.members({
        channel: this.owners.id,
        limit: 200,
        ...(cursor ? { cursor } : {}),
      });
      if ((page.members ?? []).includes(userId)) return true;
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    return false;
  }

  /** Posts to the owners: once in their channel, or to each member of their group by DM. */
  async tell(client: Client, message: SlackMessage): Promise<Post[]> {
    if (!this.owners) return [];
    const recipients =
      this.owners.kind === "channel"
        ? [this.owners.id]
        : ((await client.usergroups.users.list({ usergroup: this.owners.id })).users ?? []);
    const posts: Post[] = [];
    for (const channel of recipients) {
      const posted = await client.chat.postMessage({ channel, unfurl_links: false, ...message });
      if (posted.channel && posted.ts) posts.push({ channel: posted.channel, ts: posted.ts });
    }
    return posts;
  }

  /** Redraws the cards the owners were sent (the question answered, a review done). */
  async update(client: Client, posts: Post[], message: SlackMessage): Promise<void> {
    for (const post of posts) await client.chat.update({ channel: post.channel, ts: post.ts, ...message });
  }
}
