import type { ComposedDocument, ConcernCount, Digest } from "../domain/compose";

/** A message as posted: Block Kit blocks and the plain-text fallback for notifications and screen readers. */
export interface OutgoingMessage {
  text: string;
  blocks: unknown[];
}

/** One message of a digest and the documents (indexes into `digest.documents`) it shows. */
export interface DigestPart {
  message: OutgoingMessage;
  documents: number[];
}

export interface DigestRenderContext {
  /** Runs missed while the bot was down, covered by this one digest. */
  missedRuns: number;
  preview?: boolean;
}

/** Turns digests into Slack messages (implemented by src/slack/views/digest.ts). */
export interface DigestRenderer {
  /** The digest, split so each message is within Block Kit's limits: the first is posted, the rest reply in its thread. */
  digest(digest: Digest, context: DigestRenderContext): DigestPart[];
  /** The reply under an earlier digest when a document it showed has changed: `changes` are the new or reworded items. */
  updatedReply(document: ComposedDocument, changes: string[]): OutgoingMessage;
  /** The DM to the person who subscribed a channel that can no longer be posted to. */
  pausedNotice(channelId: string, reason: string): OutgoingMessage;
}

/** What Slack says about a channel, for subscribing. */
export type ChannelStatus = "member" | "not-member" | "archived" | "not-found";

export interface SlackDirectory {
  channelStatus(workspaceId: string, channelId: string): Promise<ChannelStatus>;
  isWorkspaceAdmin(workspaceId: string, userId: string): Promise<boolean>;
}

/**
 * Concern counts by objective for a period, shown at the end of each digest. Supplied once the
 * concerns feature is wired in (src/app.ts); without it digests have no concerns section.
 */
export type ConcernCountsProvider = (period: {
  workspaceId: string;
  start: Date;
  end: Date;
}) => Promise<ConcernCount[]>;
