import type { webApi } from "@slack/bolt";
import type { ChannelStatus, SlackDirectory } from "../services/ports";

/** What Slack says about channels and people, through conversations.info and users.info. */
export class WebApiDirectory implements SlackDirectory {
  constructor(private readonly client: webApi.WebClient) {}

  async channelStatus(channelId: string): Promise<ChannelStatus> {
    try {
      const { channel } = await this.client.conversations.info({ channel: channelId });
      if (!channel) return "not-found";
      if (channel.is_archived) return "archived";
      return channel.is_im || channel.is_member ? "member" : "not-member";
    } catch (error) {
      // A private channel the bot is not in does not exist for the bot.
      if (platformError(error) === "channel_not_found") return "not-member";
      throw error;
    }
  }

  async isWorkspaceAdmin(userId: string): Promise<boolean> {
    const { user } = await this.client.users.info({ user: userId });
    return Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner);
  }
}

function platformError(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === "string" ? data.error : undefined;
}
