import { randomUUID } from "node:crypto";
import type { Clock } from "../../../../clock";
import type { AnonymousRateLimiter } from "../anonymous-rate-limit";
import { formatReference } from "../concern";
import type { AuditTrail, ConcernReads, ConcernWrites } from "../ports";
import { verifyReceiptCode } from "../receipt";
import type { ConcernMessageRecord, ConcernRecord } from "../records";
import { londonTimeLabel } from "../time-labels";
import type { ConcernAccess } from "./access";

export interface ReporterView {
  concern: ConcernRecord;
  messages: ConcernMessageRecord[];
  viewer: "reporter" | "lead";
  /** What the leads said when they last resolved or reopened it (they are told it is shared). */
  leadsSaid: string | null;
}

export type StatusLookup = { ok: true; view: ReporterView } | { ok: false; reason: string };

export type ReporterReply =
  | { ok: true; concern: ConcernRecord; message: ConcernMessageRecord }
  | { ok: false; reason: string };

const REPLY_MAX_CHARS = 3000;

function notFound(number: number): string {
  // The same answer whether the concern does not exist or the code is wrong: it confirms nothing.
  return `${formatReference(number)} was not found, or that receipt code does not match it. Please check both and try again.`;
}

/** How reporters follow their concern: by who they are (named, confidential) or by receipt code (anonymous). */
export class FollowUpService {
  constructor(
    private readonly reads: ConcernReads,
    private readonly writes: ConcernWrites,
    private readonly audit: AuditTrail,
    private readonly access: ConcernAccess,
    private readonly replyLimiter: AnonymousRateLimiter,
    private readonly pepper: string | null,
    private readonly clock: Clock,
  ) {}

  async status(workspaceId: string, userId: string, number: number, receiptCode: string | null): Promise<StatusLookup> {
    const concern = await this.reads.byNumber(workspaceId, number);
    if (!concern) return { ok: false, reason: notFound(number) };
    if (receiptCode !== null) {
      if (!this.receiptMatches(concern, receiptCode)) return { ok: false, reason: notFound(number) };
      return { ok: true, view: await this.view(concern, "reporter", true) };
    }
    if (await this.raisedBy(concern, userId)) return { ok: true, view: await this.view(concern, "reporter", false) };
    const role = await this.access.role(concern, userId);
    if (role === "lead" || role === "deputy") return { ok: true, view: await this.view(concern, "lead", true) };
    const hint = concern.reporter.mode === "anonymous" ? " If you raised it anonymously, add your receipt code." : "";
    return { ok: false, reason: `${notFound(number)}${hint}` };
  }

  /** The anonymous reporter answers the leads. `userId` only feeds the in-memory rate limiter. */
  async reply(
    workspaceId: string,
    userId: string,
    number: number,
    receiptCode: string,
    text: string,
  ): Promise<ReporterReply> {
    const concern = await this.reads.byNumber(workspaceId, number);
    if (!concern || !this.receiptMatches(concern, receiptCode)) return { ok: false, reason: notFound(number) };
    const reference = formatReference(number);
    if (concern.threadBlocked)
      return {
        ok: false,
        reason: `The concern leads have closed the conversation on ${reference}, so replies are no longer taken.`,
      };
    const message = text.trim();
    if (message.length > REPLY_MAX_CHARS)
      return { ok: false, reason: `Please keep a reply to ${REPLY_MAX_CHARS.toLocaleString("en-GB")} characters.` };
    const now = this.clock.now();
    const decision = this.replyLimiter.check(userId, now);
    if (!decision.allowed)
      return {
        ok: false,
        reason: `You have sent several replies today. You can reply again at ${londonTimeLabel(decision.retryAt, now)}.`,
      };
    const record: ConcernMessageRecord = {
      id: randomUUID(),
      concernId: concern.id,
      author: "reporter",
      leadUserId: null,
      text: message,
      createdAt: now,
    };
    await this.writes.addMessage(workspaceId, record, {
      at: now,
      actor: "reporter:anonymous",
      action: "reporter_reply",
    });
    return { ok: true, concern, message: record };
  }

  private async view(
    concern: ConcernRecord,
    viewer: ReporterView["viewer"],
    withMessages: boolean,
  ): Promise<ReporterView> {
    const [messages, entries] = await Promise.all([
      withMessages ? this.reads.messages(concern.id) : [],
      this.audit.entriesFor(concern.id),
    ]);
    const said = entries.filter((entry) => entry.action === "resolve" || entry.action === "reopen").at(-1);
    return { concern, messages, viewer, leadsSaid: said && "note" in said ? (said.note ?? null) : null };
  }

  private receiptMatches(concern: ConcernRecord, receiptCode: string): boolean {
    return (
      concern.receiptHash !== null &&
      this.pepper !== null &&
      verifyReceiptCode(receiptCode, concern.receiptHash, this.pepper)
    );
  }

  private async raisedBy(concern: ConcernRecord, userId: string): Promise<boolean> {
    if (concern.reporter.mode !== "anonymous" && concern.reporter.userId === userId) return true;
    const supporters = await this.reads.supporters(concern.id);
    return supporters.some(
      (supporter) => supporter.identity.mode !== "anonymous" && supporter.identity.userId === userId,
    );
  }
}
