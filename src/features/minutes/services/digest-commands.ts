import type { DigestCommand } from "../domain/command";
import type { SourceRecord, SourceWithCount } from "../storage/sources";
import type { MuteOutcome, SubscriptionRecord } from "../storage/subscriptions";
import type { DigestService, DigestStatus, PostNowResult } from "./digest-service";
import type { ChannelStatus, DigestPart, SlackDirectory } from "./ports";
import type { AddSourceResult, SourcesService } from "./sources-service";

export interface CommandContext {
  workspaceId: string;
  channelId: string;
  userId: string;
}

/** The outcome of a `/digest` command, for the view to put into words. */
export type DigestCommandReply =
  | { kind: "help" }
  | { kind: "invalid"; message: string }
  | { kind: "not-member"; channelStatus: Exclude<ChannelStatus, "member"> }
  | { kind: "admins-only" }
  | { kind: "subscribed"; subscription: SubscriptionRecord; created: boolean; nextRun: Date }
  | { kind: "unsubscribed"; existed: boolean }
  | { kind: "resumed"; subscription: SubscriptionRecord | null }
  | { kind: "status"; status: DigestStatus | null }
  | { kind: "preview"; subscribed: boolean; parts: DigestPart[]; updates: number }
  | { kind: "now"; result: PostNowResult }
  | { kind: "sources"; sources: SourceWithCount[]; muted: number[] }
  | { kind: "source-added"; result: AddSourceResult }
  | { kind: "source-removed"; id: number; source: SourceRecord | null }
  | { kind: "source-muted"; id: number; muted: boolean; outcome: MuteOutcome | "not-subscribed" };

/** Carries out `/digest` commands; checks with Slack that the bot can post, and that source changes come from an admin. */
export class DigestCommands {
  constructor(
    private readonly deps: {
      digests: DigestService;
      sources: SourcesService;
      directory: SlackDirectory;
      /** Called when messages were queued, so they are sent at once rather than at the next run. */
      onQueued: () => void;
    },
  ) {}

  async run(command: DigestCommand, context: CommandContext): Promise<DigestCommandReply> {
    const { digests } = this.deps;
    switch (command.kind) {
      case "help":
      case "invalid":
        return command;
      case "subscribe":
        return this.whenMember(context, async () => ({
          kind: "subscribed",
          ...(await digests.subscribe({
            ...context,
            schedule: command.schedule,
            quietNotes: command.quietNotes,
            filter: command.filter,
          })),
        }));
      case "unsubscribe":
        return { kind: "unsubscribed", existed: await digests.unsubscribe(context.workspaceId, context.channelId) };
      case "resume":
        return this.whenMember(context, () => this.resume(context));
      case "status":
        return { kind: "status", status: await digests.status(context.workspaceId, context.channelId) };
      case "preview":
        return this.preview(context);
      case "now":
        return this.whenMember(context, () => this.postNow(context));
      case "sources": {
        const subscription = await digests.find(context.workspaceId, context.channelId);
        return { kind: "sources", sources: await this.deps.sources.list(), muted: subscription?.mutedSources ?? [] };
      }
      case "source-add":
        return this.asAdmin(context, async () => ({
          kind: "source-added",
          result: await this.deps.sources.add(command.url, context.userId),
        }));
      case "source-remove":
        return this.asAdmin(context, async () => ({
          kind: "source-removed",
          id: command.id,
          source: await this.deps.sources.remove(command.id),
        }));
      case "source-mute":
      case "source-unmute": {
        const muted = command.kind === "source-mute";
        const outcome = await digests.setMuted({ ...context, sourceId: command.id }, muted);
        return { kind: "source-muted", id: command.id, muted, outcome };
      }
    }
  }

  private async resume(context: CommandContext): Promise<DigestCommandReply> {
    const subscription = await this.deps.digests.find(context.workspaceId, context.channelId);
    if (subscription) await this.deps.digests.resume(subscription);
    return { kind: "resumed", subscription };
  }

  private async preview(context: CommandContext): Promise<DigestCommandReply> {
    const subscription = await this.deps.digests.find(context.workspaceId, context.channelId);
    if (!subscription) return { kind: "preview", subscribed: false, parts: [], updates: 0 };
    const { parts, prepared } = await this.deps.digests.preview(subscription);
    return { kind: "preview", subscribed: true, parts, updates: prepared.threadUpdates.length };
  }

  private async postNow(context: CommandContext): Promise<DigestCommandReply> {
    const result = await this.deps.digests.postNow(context.workspaceId, context.channelId);
    if (result.outcome === "queued") this.deps.onQueued();
    return { kind: "now", result };
  }

  private async whenMember(
    context: CommandContext,
    action: () => Promise<DigestCommandReply>,
  ): Promise<DigestCommandReply> {
    const channelStatus = await this.deps.directory.channelStatus(context.workspaceId, context.channelId);
    return channelStatus === "member" ? action() : { kind: "not-member", channelStatus };
  }

  private async asAdmin(
    context: CommandContext,
    action: () => Promise<DigestCommandReply>,
  ): Promise<DigestCommandReply> {
    return (await this.deps.directory.isWorkspaceAdmin(context.workspaceId, context.userId))
      ? action()
      : { kind: "admins-only" };
  }
}
