import { type Db, fastStatements } from "../../../storage/database";
import { isUniqueViolation, retryingConflicts } from "../../../storage/db-errors";
import { statement } from "../../../storage/fast-statements";
import type { ConcernStatus } from "../domain/concern";
import type { RecusalRecord } from "../domain/handling";
import type {
  AuditDraft,
  ConcernRecord,
  CreateOutcome,
  NewConcern,
  NewSupporter,
  ResolutionTexts,
  SupportOutcome,
} from "../domain/records";
import type { AuditLog } from "./audit-log";
import { CONFIRM_GRACE_MS, ConcernOutbox, changeKey, confirmKey, statusKey } from "./outbox";
import { insertConcern, newConcernRow, newlyStored, nextNumber, toConcernRecord, withSupporterCount } from "./rows";

export interface StatusUpdate {
  from: ConcernStatus;
  to: ConcernStatus;
  at: Date;
  /** Set on resolution: the texts it stores (and the publication state starts again). */
  resolution?: ResolutionTexts;
}

const SET_TRIAGE_MESSAGE = statement(`UPDATE "Concern" SET "triageChannelId" = ?, "triageTs" = ? WHERE "id" = ?`);

/**
 * Writes to concerns, each in one transaction with its audit entry. Duplicates are recognised by the
 * database's unique keys (submission, source message, reference), never by an earlier read.
 */
export class ConcernRepository {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly outbox: ConcernOutbox = new ConcernOutbox(db),
  ) {}

  async create(concern: NewConcern, audit: AuditDraft): Promise<CreateOutcome> {
    return retryingConflicts(async () => {
      try {
        // Prepared statements on the driver: this transaction runs in every submission before Slack's ack.
        return await this.audit.fastTransaction(async (tx) => {
          const number = await nextNumber(tx, concern.workspaceId);
          const row = newConcernRow(concern, number);
          await insertConcern(tx, row);
          await this.audit.append(tx, concern.id, audit);
          // The leads are owed the card from the moment the concern exists, whatever happens to this process.
          await this.outbox.add(tx, {
            workspaceId: concern.workspaceId,
            concernId: concern.id,
            kind: "card",
            at: audit.at,
          });
          // An anonymous reporter is owed nothing by DM: no row names them.
          if (concern.reporter.mode !== "anonymous")
            await this.outbox.add(
              tx,
              confirmation(
                concern.workspaceId,
                concern.id,
                concern.reporter.userId,
                "reporter",
                audit.at,
                concern.confirmableWhereRaised,
              ),
            );
          return { kind: "created", concern: toConcernRecord(newlyStored(row)) } as const;
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        return (await this.explainConflict(concern)) ?? Promise.reject(error);
      }
    }, isUniqueViolation);
  }

  async addSupporter(supporter: NewSupporter, audit: AuditDraft): Promise<SupportOutcome> {
    const concern = await this.byId(supporter.concernId);
    const userId = supporter.identity.mode === "anonymous" ? null : supporter.identity.userId;
    if (userId !== null && concern.reporter.mode !== "anonymous" && concern.reporter.userId === userId) {
      return { kind: "already_raised", concern };
    }
    try {
      await this.audit.transaction(async (tx) => {
        await tx.concernSupporter.create({
          data: {
            id: supporter.id,
            concernId: supporter.concernId,
            identityMode: supporter.identity.mode,
            userId,
            userName: supporter.identity.mode === "anonymous" ? null : supporter.identity.name,
            statement: supporter.statement,
            submissionKey: supporter.submissionKey,
            createdAt: supporter.createdAt,
          },
        });
        const entry = await this.audit.append(tx, supporter.concernId, audit);
        const workspaceId = concern.workspaceId;
        await this.outbox.add(tx, {
          workspaceId,
          concernId: supporter.concernId,
          kind: "note",
          key: changeKey("note", supporter.concernId, entry.seq),
          // Only a named supporter is named under the card.
          payload: {
            note: "supporter",
            mode: supporter.identity.mode,
            userId: supporter.identity.mode === "named" ? userId : null,
          },
          at: audit.at,
        });
        if (userId !== null)
          await this.outbox.add(
            tx,
            confirmation(
              workspaceId,
              supporter.concernId,
              userId,
              "supporter",
              audit.at,
              supporter.confirmableWhereRaised,
            ),
          );
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const again = await this.db.concernSupporter.findUnique({
        where: { concernId_submissionKey: { concernId: supporter.concernId, submissionKey: supporter.submissionKey } },
      });
      return { kind: again ? "duplicate_submission" : "already_raised", concern: await this.byId(supporter.concernId) };
    }
    return { kind: "added", concern: await this.byId(supporter.concernId) };
  }

  /** Moves a concern from one status to the next; false when it was no longer in `from` (someone else acted first). */
  async changeStatus(
    workspaceId: string,
    id: string,
    change: StatusUpdate,
    audit: AuditDraft,
    more: AuditDraft[] = [],
  ): Promise<boolean> {
    const stamps = {
      acknowledgedAt: change.to === "acknowledged" && change.from === "new" ? change.at : undefined,
      resolvedAt: change.to === "resolved" ? change.at : change.from === "resolved" ? null : undefined,
    };
    const texts = change.resolution
      ? {
          resolutionNote: change.resolution.note,
          outcome: change.resolution.outcome,
          publication: change.resolution.publication,
          publishedAt: null,
        }
      : {};
    return this.audit.transaction(async (tx) => {
      const updated = await tx.concern.updateMany({
        where: { id, workspaceId, status: change.from },
        data: { status: change.to, updatedAt: change.at, ...stamps, ...texts },
      });
      if (updated.count !== 1) return false;
      const entry = await this.audit.append(tx, id, audit);
      for (const draft of more) await this.audit.append(tx, id, draft);
      // Owed to the reporter and supporters with the change itself, keyed by its audit entry: a crash
      // after this commit cannot lose it, and a repeated click changes nothing, so it owes nothing.
      await this.outbox.add(tx, {
        workspaceId,
        concernId: id,
        kind: "status",
        key: statusKey(id, entry.seq),
        payload: { from: change.from, to: change.to, note: audit.note ?? null },
        at: change.at,
      });
      return true;
    });
  }

  async assign(
    workspaceId: string,
    id: string,
    { assigneeId, by }: { assigneeId: string; by: string },
    audit: AuditDraft,
  ): Promise<boolean> {
    return this.audit.transaction(async (tx) => {
      // Not when it is already theirs: the same form sent twice at once assigns (and tells) once.
      const updated = await tx.concern.updateMany({
        where: { id, workspaceId, OR: [{ assigneeId: null }, { assigneeId: { not: assigneeId } }] },
        data: { assigneeId, updatedAt: audit.at },
      });
      if (updated.count !== 1) return false;
      const entry = await this.audit.append(tx, id, audit);
      // The lead it is assigned to is told, unless they assigned it to themselves.
      if (assigneeId !== by)
        await this.outbox.add(tx, {
          workspaceId,
          concernId: id,
          kind: "assigned",
          key: changeKey("assigned", id, entry.seq),
          payload: { assigneeId, by },
          at: audit.at,
        });
      return true;
    });
  }

  /** The recusal, its audit entries, and the assignment cleared when it was the recusing lead's, at once. */
  async recuse(workspaceId: string, recusal: RecusalRecord, audits: AuditDraft[]): Promise<boolean> {
    try {
      return await this.audit.transaction(async (tx) => {
        const touched = await tx.concern.updateMany({
          where: { id: recusal.concernId, workspaceId },
          data: { updatedAt: recusal.at },
        });
        if (touched.count !== 1) return false;
        await tx.concernRecusal.create({ data: recusal });
        await tx.concern.updateMany({
          where: { id: recusal.concernId, assigneeId: recusal.leadId },
          data: { assigneeId: null },
        });
        const entries = [];
        for (const draft of audits) entries.push(await this.audit.append(tx, recusal.concernId, draft));
        const [first] = entries;
        // Whoever handles it once this commits is told; who that is is worked out when it is sent.
        if (first)
          await this.outbox.add(tx, {
            workspaceId,
            concernId: recusal.concernId,
            kind: "recusal",
            key: changeKey("recusal", recusal.concernId, first.seq),
            payload: { leadId: recusal.leadId, reason: recusal.reason },
            at: recusal.at,
          });
        return true;
      });
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async markPublished(
    workspaceId: string,
    ids: string[],
    at: Date,
    audit: (id: string) => AuditDraft,
  ): Promise<string[]> {
    const marked: string[] = [];
    for (const id of ids) {
      const done = await this.audit.transaction(async (tx) => {
        const updated = await tx.concern.updateMany({
          where: { id, workspaceId, status: "resolved", publishedAt: null, publication: { not: null } },
          data: { publishedAt: at },
        });
        if (updated.count !== 1) return false;
        await this.audit.append(tx, id, audit(id));
        return true;
      });
      if (done) marked.push(id);
    }
    return marked;
  }

  /** An audit entry that changes nothing else (a lead's note). */
  async record(workspaceId: string, id: string, audit: AuditDraft): Promise<boolean> {
    return this.audit.transaction(async (tx) => {
      const touched = await tx.concern.updateMany({ where: { id, workspaceId }, data: { updatedAt: audit.at } });
      if (touched.count !== 1) return false;
      await this.audit.append(tx, id, audit);
      return true;
    });
  }

  /** Blocks or unblocks an anonymous thread; false when it already was. */
  async setThreadBlocked(workspaceId: string, id: string, blocked: boolean, audit: AuditDraft): Promise<boolean> {
    return this.audit.transaction(async (tx) => {
      const updated = await tx.concern.updateMany({
        where: { id, workspaceId, threadBlocked: !blocked },
        data: { threadBlocked: blocked, updatedAt: audit.at },
      });
      if (updated.count !== 1) return false;
      await this.audit.append(tx, id, audit);
      return true;
    });
  }

  async addMessage(
    workspaceId: string,
    message: {
      id: string;
      concernId: string;
      author: "lead" | "reporter";
      leadUserId: string | null;
      text: string;
      createdAt: Date;
    },
    audit: AuditDraft,
  ): Promise<boolean> {
    return this.audit.transaction(async (tx) => {
      const touched = await tx.concern.updateMany({
        where: { id: message.concernId, workspaceId },
        data: { updatedAt: message.createdAt },
      });
      if (touched.count !== 1) return false;
      await tx.concernMessage.create({ data: message });
      const entry = await this.audit.append(tx, message.concernId, audit);
      // Under the card, for the leads: a lead's reply, or the anonymous reporter's (who is never named).
      await this.outbox.add(tx, {
        workspaceId,
        concernId: message.concernId,
        kind: "note",
        key: changeKey("note", message.concernId, entry.seq),
        payload:
          message.author === "lead"
            ? { note: "lead_reply", text: message.text, leadId: message.leadUserId }
            : { note: "reporter_reply", text: message.text },
        at: message.createdAt,
      });
      return true;
    });
  }

  /** After every card posted: one plain statement. */
  async setTriageMessage(id: string, channelId: string, ts: string): Promise<void> {
    const changed = await fastStatements(this.db).run(SET_TRIAGE_MESSAGE, [channelId, ts, id]);
    if (changed !== 1) throw new Error("The concern whose card was posted is no longer stored");
  }

  private async byId(id: string): Promise<ConcernRecord> {
    return toConcernRecord(await this.db.concern.findUniqueOrThrow({ where: { id }, include: withSupporterCount }));
  }

  private async explainConflict(concern: NewConcern): Promise<CreateOutcome | null> {
    const { workspaceId, submissionKey, sourceKey } = concern;
    const submitted = await this.db.concern.findUnique({
      where: { workspaceId_submissionKey: { workspaceId, submissionKey } },
      include: withSupporterCount,
    });
    if (submitted) return { kind: "duplicate_submission", concern: toConcernRecord(submitted) };
    if (sourceKey === null) return null;
    const sameSource = await this.db.concern.findUnique({
      where: { workspaceId_sourceKey: { workspaceId, sourceKey } },
      include: withSupporterCount,
    });
    return sameSource ? { kind: "same_source", concern: toConcernRecord(sameSource) } : null;
  }
}

/**
 * The DM confirming a concern was stored, due once the confirmation where it was raised had its
 * chance; at once when there is nowhere it could be shown.
 */
function confirmation(
  workspaceId: string,
  concernId: string,
  userId: string,
  as: "reporter" | "supporter",
  at: Date,
  confirmableWhereRaised: boolean,
) {
  return {
    workspaceId,
    concernId,
    kind: "confirm" as const,
    key: confirmKey(concernId, userId),
    payload: { userId, as },
    at: confirmableWhereRaised ? new Date(at.getTime() + CONFIRM_GRACE_MS) : at,
  };
}
