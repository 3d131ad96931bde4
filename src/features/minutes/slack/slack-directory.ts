import type { WorkspaceClients } from "../../../slack/workspace-clients";
import type { ChannelStatus, SlackDirectory } from "../services/ports";

/** What Slack says about a workspace's channels and people, through conversations.info and users.info. */
export class WebApiDirectory implements SlackDirectory {
  constructor(private readonly clients: WorkspaceClients) {}

  private async client(workspaceId: string) {
    const client = await this.clients.forWorkspace(workspaceId);
    if (!client) throw new Error(`The app is not installed in ${workspaceId}`);
    return client;
  }

  async channelStatus(workspaceId: string, channelId: string): Promise<ChannelStatus> {
    const client = await this.client(workspaceId);
    try {
      const { channel } = await client.conversations.info({ channel: channelId });
      if (!channel) return "not-found";
      if (channel.is_archived) return "archived";
      return channel.is_im || channel.is_member ? "member" : "not-member";
    } catch (error) {
      // A private channel the bot is not in does not exist for the bot.
      if (platformError(error) === "channel_not_found") return "not-member";
      throw error;
    }
  }

  async isWorkspaceAdmin(workspaceId: string, userId: string): Promise<boolean> {
    const { user } = await (await this.client(workspaceId)).users.info({ user: userId });
    return Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner);
  }
}

function platformError(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === "string" ? data.error : undefined;
}
