import { randomUUID } from "node:crypto";
import type { Clock } from "../../../../clock";
import type { AnonymousRateLimiter } from "../anonymous-rate-limit";
import type { AuditActor } from "../audit-chain";
import type { ConcernDraft } from "../concern";
import { type ReporterIdentity, reporterIdentity, type SlackUser } from "../identity";
import { concernContentHash, contentNote, keyedHash } from "../keys";
import type { ConcernReads, ConcernWrites } from "../ports";
import { type Involvement, keepsLink, type QuoteAnswer, quoteChoiceFor } from "../quote";
import { generateReceiptCode, hashReceiptCode } from "../receipt";
import type { ConcernRecord, ConcernSource, NewConcern } from "../records";
import type { SignpostKind } from "../signposting";

/** The message a concern is raised from, as Slack gave it. */
export interface SourceMessage {
  text: string;
  channelId: string;
  ts: string;
  threadTs: string | null;
  permalink: string | null;
  author: string | null;
}

export interface Submission {
  workspaceId: string;
  /** Who pressed submit. Dropped at once when they chose to be anonymous. */
  user: SlackUser;
  draft: ConcernDraft;
  source: SourceMessage | null;
  /** For confidential and anonymous reporters: keep the channel, link and author of the source message. */
  keepSourceLink: boolean;
  /** For confidential and anonymous reporters: keep the quoted message, or replace it with their own summary. */
  quote?: QuoteAnswer | null;
  /** Whether the reporter wrote the message or took part in its thread (the quote would point at them). */
  involvement?: Involvement;
  /** Slack's id of the submitted modal: the same submission delivered twice has the same id. */
  viewId: string;
  signposts: SignpostKind[];
  /**
   * Whether the confirmation can be shown where the concern was raised (a response URL, or a channel
   * to post it in ephemerally). When not (raised from App Home or a global shortcut), the confirmation
   * DM is owed at once rather than after the grace in which showing it there would settle it.
   */
  confirmableWhereRaised: boolean;
}

export type SubmissionResult =
  | { kind: "created"; concern: ConcernRecord; receiptCode: string | null }
  | { kind: "supported"; concern: ConcernRecord }
  | { kind: "already_raised"; concern: ConcernRecord }
  | { kind: "duplicate"; concern: ConcernRecord }
  | { kind: "rate_limited"; retryAt: Date };

export function reporterActor(identity: ReporterIdentity): AuditActor {
  return identity.mode === "named" ? `reporter:${identity.userId}` : `reporter:${identity.mode}`;
}

/** Raising a concern: one record per message, further reporters become supporters, retries change nothing. */
export class SubmissionService {
  constructor(
    private readonly writes: ConcernWrites,
    private readonly reads: ConcernReads,
    private readonly limiter: AnonymousRateLimiter,
    private readonly pepper: string | null,
    private readonly clock: Clock,
    private readonly limitFor: (workspaceId: string) => Promise<number | undefined> = async () => undefined,
  ) {}

  async submit(submission: Submission): Promise<SubmissionResult> {
    const pepper = this.requirePepper();
    const now = this.clock.now();
    const identity = reporterIdentity(submission.draft.identityMode, submission.user);
    if (identity.mode === "anonymous") {
      const decision = this.limiter.check(
        submission.user.id,
        now,
        (await this.limitFor(submission.workspaceId)) ?? undefined,
      );
      if (!decision.allowed) return { kind: "rate_limited", retryAt: decision.retryAt };
    }
    const keys = {
      sourceKey: submission.source
        ? keyedHash(pepper, "source", submission.workspaceId, submission.source.channelId, submission.source.ts)
        : null,
      submissionKey: keyedHash(pepper, "submission", submission.workspaceId, submission.viewId),
    };
    const receiptCode = identity.mode === "anonymous" ? generateReceiptCode() : null;
    const concern = this.newConcern(
      submission,
      identity,
      keys,
      receiptCode && hashReceiptCode(receiptCode, pepper),
      now,
    );
    const actor = reporterActor(identity);
    const outcome = await this.writes.create(concern, {
      at: now,
      actor,
      action: "submit",
      to: "new",
      note: contentNote(concernContentHash(concern)),
    });
    switch (outcome.kind) {
      case "created":
        return { kind: "created", concern: outcome.concern, receiptCode };
      case "duplicate_submission":
        return { kind: "duplicate", concern: outcome.concern };
      case "same_source":
        return this.support(outcome.concern, concern, actor);
    }
  }

  /** The concern already raised from this message, if any (to say so before the form is filled in). */
  async alreadyLogged(workspaceId: string, channelId: string, ts: string): Promise<ConcernRecord | null> {
    if (!this.pepper) return null;
    return this.reads.bySourceKey(workspaceId, keyedHash(this.pepper, "source", workspaceId, channelId, ts));
  }

  /** The concern this very modal already created or supported (a retry that arrives after the draft was discarded). */
  async alreadySubmitted(workspaceId: string, viewId: string): Promise<ConcernRecord | null> {
    if (!this.pepper) return null;
    return this.reads.bySubmissionKey(workspaceId, keyedHash(this.pepper, "submission", workspaceId, viewId));
  }

  private async support(existing: ConcernRecord, concern: NewConcern, actor: AuditActor): Promise<SubmissionResult> {
    const outcome = await this.writes.addSupporter(
      {
        id: randomUUID(),
        concernId: existing.id,
        identity: concern.reporter,
        statement: concern.whatHappened,
        submissionKey: concern.submissionKey,
        createdAt: concern.createdAt,
        confirmableWhereRaised: concern.confirmableWhereRaised,
      },
      { at: concern.createdAt, actor, action: "support" },
    );
    const kinds = { added: "supported", duplicate_submission: "duplicate", already_raised: "already_raised" } as const;
    return { kind: kinds[outcome.kind], concern: outcome.concern };
  }

  private newConcern(
    submission: Submission,
    reporter: ReporterIdentity,
    keys: { sourceKey: string | null; submissionKey: string },
    receiptHash: string | null,
    now: Date,
  ): NewConcern {
    const { draft } = submission;
    const quoteChoice = quoteChoiceFor(
      reporter.mode,
      submission.source !== null,
      submission.involvement ?? null,
      submission.quote ?? null,
    );
    return {
      id: randomUUID(),
      workspaceId: submission.workspaceId,
      whatHappened: draft.whatHappened,
      objective: draft.objective,
      body: draft.body,
      impact: draft.impact,
      reporter,
      source: storedSource(submission, reporter, quoteChoice),
      quoteChoice,
      ...keys,
      signposts: submission.signposts,
      receiptHash,
      createdAt: now,
      confirmableWhereRaised: submission.confirmableWhereRaised,
    };
  }

  private requirePepper(): string {
    if (!this.pepper) throw new Error("CONCERN_RECEIPT_PEPPER is not set, so concerns cannot be submitted");
    return this.pepper;
  }
}

/**
 * Named reporters keep the whole source. The others keep the quoted text only when they chose to,
 * and its link, channel and author only as `keepsLink` allows.
 */
function storedSource(
  submission: Submission,
  reporter: ReporterIdentity,
  quote: ConcernRecord["quoteChoice"],
): ConcernSource | null {
  const { source } = submission;
  if (!source || quote === "replaced") return null;
  if (keepsLink(reporter.mode, quote, submission.involvement ?? null, submission.keepSourceLink)) {
    return {
      text: source.text,
      channelId: source.channelId,
      ts: source.ts,
      threadTs: source.threadTs,
      permalink: source.permalink,
      author: source.author,
    };
  }
  return { text: source.text, channelId: null, ts: null, threadTs: null, permalink: null, author: null };
}
