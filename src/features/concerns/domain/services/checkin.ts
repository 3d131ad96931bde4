import { randomUUID, timingSafeEqual } from "node:crypto";
import { type CheckinAnswer, readCheckinAnswer } from "../checkin";
import { formatReference } from "../concern";
import { keyedHash } from "../keys";
import type { CheckinStore, ConcernReads } from "../ports";
import { quarterOf } from "../quarters";
import { verifyReceiptCode } from "../receipt";
import type { ConcernRecord } from "../records";
import type { ConcernLookup } from "./lookup";

/**
 * What a check-in button carries: the concern, and for an anonymous reporter a proof that they
 * quoted the receipt code (a keyed hash of the concern and its receipt hash, never the code).
 */
export interface CheckinTicket {
  concernId: string;
  proof: string | null;
}

export type CheckinOpen = { ok: true; concern: ConcernRecord } | { ok: false; reason: string };

const ALREADY = "You have already answered the check-in for this concern. Thank you.";
const NOT_YET = "The check-in opens once the concern is resolved.";

/**
 * The check-in after resolution: offered once to each named or confidential reporter and supporter
 * (by who they are) and to an anonymous reporter (through their receipt code). What is stored says
 * only that someone answered (a keyed hash) and, separately, the answer with its workspace and
 * quarter: nothing ties an answer to a person or a concern.
 */
export class CheckinService {
  constructor(
    private readonly reads: ConcernReads,
    private readonly store: CheckinStore,
    private readonly lookup: Pick<ConcernLookup, "hasRaised">,
    private readonly pepper: string | null,
  ) {}

  /** A ticket for a named or confidential person who raised the concern, if they have not answered yet. */
  async ticketFor(concern: ConcernRecord, userId: string): Promise<CheckinTicket | null> {
    if (!this.pepper || concern.status !== "resolved") return null;
    if (await this.store.answered(this.marker(concern, userId))) return null;
    return { concernId: concern.id, proof: null };
  }

  /** A ticket for the anonymous reporter who has just quoted the receipt code. */
  async ticketForReceipt(concern: ConcernRecord, receiptCode: string): Promise<CheckinTicket | null> {
    const pepper = this.pepper;
    if (!pepper || concern.status !== "resolved" || !concern.receiptHash) return null;
    if (!verifyReceiptCode(receiptCode, concern.receiptHash, pepper)) return null;
    if (await this.store.answered(this.marker(concern, null))) return null;
    return { concernId: concern.id, proof: this.proof(concern, pepper) };
  }

  /** Checks a ticket before the questions are shown (and again when they are answered). */
  async open(workspaceId: string, userId: string, ticket: CheckinTicket): Promise<CheckinOpen> {
    const pepper = this.pepper;
    const concern = await this.reads.byId(workspaceId, ticket.concernId);
    if (!pepper || !concern) return { ok: false, reason: "That concern could not be found in this workspace." };
    if (ticket.proof !== null) {
      const expected = Buffer.from(this.proof(concern, pepper), "hex");
      const given = Buffer.from(ticket.proof, "hex");
      if (expected.length !== given.length || !timingSafeEqual(expected, given))
        return { ok: false, reason: "That check-in could not be verified." };
    } else if (!(await this.lookup.hasRaised(concern, userId))) {
      return { ok: false, reason: `Only the people who raised ${formatReference(concern.number)} are asked.` };
    }
    if (concern.status !== "resolved") return { ok: false, reason: NOT_YET };
    const respondent = ticket.proof === null ? userId : null;
    if (await this.store.answered(this.marker(concern, respondent))) return { ok: false, reason: ALREADY };
    return { ok: true, concern };
  }

  async answer(
    workspaceId: string,
    userId: string,
    ticket: CheckinTicket,
    answers: { clear?: string; again?: string },
  ): Promise<{ ok: true } | { ok: false; reason: string; field?: "clear" | "again" }> {
    const answer: CheckinAnswer | null = readCheckinAnswer(answers.clear, answers.again);
    if (!answer)
      return { ok: false, reason: "Please answer both questions.", field: answers.clear ? "again" : "clear" };
    const opened = await this.open(workspaceId, userId, ticket);
    if (!opened.ok) return opened;
    const { concern } = opened;
    const stored = await this.store.answer(this.marker(concern, ticket.proof === null ? userId : null), {
      id: randomUUID(),
      workspaceId,
      quarter: quarterOf(concern.createdAt).key,
      ...answer,
    });
    return stored ? { ok: true } : { ok: false, reason: ALREADY };
  }

  /** "Answered" for one person and concern: a keyed hash, so the row alone names neither. */
  private marker(concern: ConcernRecord, userId: string | null): string {
    return keyedHash(this.pepper ?? "", "checkin", concern.workspaceId, concern.id, userId ?? "anonymous");
  }

  private proof(concern: ConcernRecord, pepper: string): string {
    return keyedHash(pepper, "checkin", "receipt", concern.workspaceId, concern.id, concern.receiptHash ?? "");
  }
}
