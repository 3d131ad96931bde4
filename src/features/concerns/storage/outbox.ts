import { type Db, fastStatements } from "../../../storage/database";
import {
  type FastStatements,
  type SqlValue,
  statement,
  statementsIn,
  type Transaction,
} from "../../../storage/fast-statements";

/**
 * "card": a concern's triage card. "status": a status change owed to the people who raised or
 * supported the concern, turned into one "dm" row per person when delivered. "dm": one direct
 * message, rendered. "reminder": a lead reminder for one day. "confirm": the DM confirming to a
 * named or confidential reporter or supporter that it was stored (never owed to an anonymous one),
 * due after a grace in which the confirmation shown where they raised it settles it instead.
 * "assigned": the DM to a lead a concern was assigned to. "recusal": a recusal, turned into one "dm"
 * row per person handling the concern when delivered. "note": a note under the concern's card (a
 * supporter added, a reply to or from an anonymous reporter).
 */
export type OutboxKind = "card" | "status" | "dm" | "reminder" | "confirm" | "assigned" | "recusal" | "note";

/** How long a confirmation DM waits for the confirmation shown where the concern was raised. */
export const CONFIRM_GRACE_MS = 2 * 60_000;

/** One per person and concern (a person supports a concern at most once, and never one they raised). */
export function confirmKey(concernId: string, userId: string): string {
  return `confirm:${concernId}:${userId}`;
}

/** Keyed by the audit entry of the change that owes it, as a status change is. */
export function changeKey(kind: "assigned" | "recusal" | "note", concernId: string, auditSeq: number): string {
  return `${kind}:${concernId}:${auditSeq}`;
}

export interface OutboxRow {
  id: number;
  key: string;
  workspaceId: string;
  concernId: string;
  kind: OutboxKind;
  attempts: number;
  /** Set when a post was attempted and its outcome never recorded: the card may be in Slack already. */
  postingAt: Date | null;
  leadsTold: boolean;
  /** What the row needs to render its message; null for cards. */
  payload: Record<string, unknown> | null;
}

export interface NewOutboxEntry {
  workspaceId: string;
  concernId: string;
  kind: OutboxKind;
  at: Date;
  /** The idempotency key; a card's is `card:<concern id>`. */
  key?: string;
  payload?: Record<string, unknown>;
}

export function statusKey(concernId: string, auditSeq: number): string {
  return `status:${concernId}:${auditSeq}`;
}

export function reminderKey(concernId: string, day: string): string {
  return `reminder:${concernId}:${day}`;
}

/** A note about newly stored minutes: once per concern and minutes document. */
export function minutesNoteKey(concernId: string, documentId: number): string {
  return `minutes:${concernId}:${documentId}`;
}

export function cardKey(concernId: string): string {
  return `card:${concernId}`;
}

function entryKey(entry: NewOutboxEntry): string {
  return entry.key ?? (entry.kind === "card" ? cardKey(entry.concernId) : `${entry.kind}:${entry.concernId}`);
}

const INSERT_ENTRY = `
  INSERT INTO "ConcernOutbox" ("key", "workspaceId", "concernId", "kind", "payload", "createdAt", "nextAttemptAt")
  VALUES (?, ?, ?, ?, ?, ?, ?)`;
const ADD_ENTRY = statement(INSERT_ENTRY);
const ENSURE_ENTRY = statement(`${INSERT_ENTRY} ON CONFLICT ("key") DO NOTHING`);

function entryValues(entry: NewOutboxEntry): SqlValue[] {
  const payload = entry.payload ? JSON.stringify(entry.payload) : null;
  return [entryKey(entry), entry.workspaceId, entry.concernId, entry.kind, payload, entry.at, entry.at];
}

/** Whoever holds a claim on a due row that has not lapsed: a holder that has died can be taken over. */
const DUE_HOLDERS = statement(`
  SELECT DISTINCT "lockedBy" FROM "ConcernOutbox"
  WHERE "sentAt" IS NULL AND "nextAttemptAt" <= ? AND "lockedUntil" > ?`);

/** What a claimed row is delivered with. A date read back as UTC text on both databases. */
const CLAIMED_COLUMNS = (postingAt: string) => `
  RETURNING "id", "key", "workspaceId", "concernId", "kind", "attempts", ${postingAt} AS "postingAt",
    "leadsToldAt" IS NOT NULL AS "leadsTold", "payload"`;

/**
 * Claims the first due rows that are free: nobody holds them, their claim lapsed, or their holder
 * is among those given as gone. On PostgreSQL a row another sender is claiming at the same moment is
 * skipped, and the claim's condition is checked again on the row as that sender left it.
 */
const CLAIM_DUE = statement({
  sqlite: `
    UPDATE "ConcernOutbox" SET "lockedBy" = ?, "lockedUntil" = ?
    WHERE "id" IN (
      SELECT "id" FROM "ConcernOutbox"
      WHERE "sentAt" IS NULL AND "nextAttemptAt" <= ?
        AND ("lockedUntil" IS NULL OR "lockedUntil" <= ? OR "lockedBy" IN (SELECT "value" FROM json_each(?)))
      ORDER BY "id" LIMIT ?)
    ${CLAIMED_COLUMNS(`"postingAt"`)}`,
  postgres: `
    UPDATE "ConcernOutbox" SET "lockedBy" = ?, "lockedUntil" = ?
    WHERE "id" IN (
      SELECT "id" FROM "ConcernOutbox"
      WHERE "sentAt" IS NULL AND "nextAttemptAt" <= ?
        AND ("lockedUntil" IS NULL OR "lockedUntil" <= ? OR "lockedBy" = ANY(?::text[]))
      ORDER BY "id" LIMIT ? FOR UPDATE SKIP LOCKED)
      AND "sentAt" IS NULL AND ("lockedUntil" IS NULL OR "lockedUntil" <= ? OR "lockedBy" = ANY(?::text[]))
    ${CLAIMED_COLUMNS(`to_char("postingAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`)}`,
});
/** The first mark stays until Slack refuses a post: a later try looks back to the earliest that may have gone. */
const MARK_POSTING = statement(`
  UPDATE "ConcernOutbox" SET "postingAt" = COALESCE("postingAt", ?)
  WHERE "id" = ? AND "lockedBy" = ? AND "sentAt" IS NULL`);
const MARK_SENT = statement(`
  UPDATE "ConcernOutbox" SET "sentAt" = ?, "channelId" = ?, "ts" = ?,
    "lockedBy" = NULL, "lockedUntil" = NULL, "payload" = NULL
  WHERE "id" = ?`);

const PUT_OFF = statement(`
  UPDATE "ConcernOutbox" SET "nextAttemptAt" = ?, "lockedBy" = NULL, "lockedUntil" = NULL
  WHERE "id" = ? AND "lockedBy" = ? AND "sentAt" IS NULL`);

const NEXT_DUE = statement(`
  SELECT MIN("nextAttemptAt") AS "next" FROM "ConcernOutbox" WHERE "sentAt" IS NULL AND "nextAttemptAt" > ?`);

/** The confirmation's DM after a submission that could show it where raised: settled when shown, else due now. */
const SETTLE = statement(`
  UPDATE "ConcernOutbox" SET "sentAt" = ?, "payload" = NULL
  WHERE "key" = ? AND "sentAt" IS NULL AND "postingAt" IS NULL AND "lockedBy" IS NULL`);
const DUE_NOW = statement(`
  UPDATE "ConcernOutbox" SET "nextAttemptAt" = ? WHERE "key" = ? AND "sentAt" IS NULL AND "attempts" = 0`);

type ClaimedRow = {
  id: number;
  key: string;
  workspaceId: string;
  concernId: string;
  kind: string;
  attempts: number;
  postingAt: string | null;
  leadsTold: boolean | number;
  payload: string | null;
};

/**
 * What the concerns feature still owes Slack. Rows are written inside the transaction that causes
 * them, claimed by one sender at a time (a claim that lapses is taken over), and kept once sent.
 */
export class ConcernOutbox {
  private readonly fast: FastStatements;

  constructor(private readonly db: Db) {
    this.fast = fastStatements(db);
  }

  /** Inside another write's transaction (either kind): the change and what it owes Slack commit together. */
  async add(tx: Transaction, entry: NewOutboxEntry): Promise<void> {
    await statementsIn(tx, this.fast.provider).run(ADD_ENTRY, entryValues(entry));
  }

  /**
   * The same, on its own; an entry already there (sent or not) is left alone. Asked after every
   * submission, whose entry is nearly always there already: one statement, and no error to raise.
   */
  async ensure(entry: NewOutboxEntry): Promise<void> {
    await this.fast.run(ENSURE_ENTRY, entryValues(entry));
  }

  /**
   * Claims up to `limit` due rows for `holder` until `until`: rows nobody holds, whose claim lapsed,
   * or held by a holder `isGone` says has died. Only the rows this call claimed are returned.
   */
  async claimDue(
    holder: string,
    now: Date,
    until: Date,
    isGone: (holder: string | null) => boolean,
    limit = 20,
  ): Promise<OutboxRow[]> {
    const held = await this.fast.rows<{ lockedBy: string | null }>(DUE_HOLDERS, [now, now]);
    const gone = held.flatMap((row) => (row.lockedBy !== null && isGone(row.lockedBy) ? [row.lockedBy] : []));
    const values =
      this.fast.provider === "postgres"
        ? [holder, until, now, now, gone, limit, now, gone]
        : [holder, until, now, now, gone, limit];
    const rows = await this.fast.rows<ClaimedRow>(CLAIM_DUE, values);
    return rows
      .sort((a, b) => a.id - b.id)
      .map((row) => ({
        id: row.id,
        key: row.key,
        workspaceId: row.workspaceId,
        concernId: row.concernId,
        kind: row.kind as OutboxKind,
        attempts: row.attempts,
        postingAt: row.postingAt === null ? null : new Date(row.postingAt),
        leadsTold: Boolean(row.leadsTold),
        payload: row.payload ? (JSON.parse(row.payload) as Record<string, unknown>) : null,
      }));
  }

  /** Just before the post: if this process dies now, the next sender looks in Slack before posting. */
  async posting(id: number, holder: string, now: Date): Promise<boolean> {
    return (await this.fast.run(MARK_POSTING, [now, id, holder])) === 1;
  }

  /** Settled: what it was to say (a DM's text, whom it was for) is no longer kept. */
  async sent(id: number, where: { channelId: string; ts: string } | null, now: Date): Promise<void> {
    const changed = await this.fast.run(MARK_SENT, [now, where?.channelId ?? null, where?.ts ?? null, id]);
    if (changed !== 1) throw new Error("The outbox row being marked sent is no longer stored");
  }

  /**
   * `notPosted`: Slack refused the post, so it is certainly not there. `counted`: false when Slack
   * only said "not now" (429), which is no sign the message will never go.
   */
  async retryAt(id: number, next: Date, error: string, notPosted: boolean, counted = true): Promise<void> {
    await this.db.concernOutbox.update({
      where: { id },
      data: {
        nextAttemptAt: next,
        ...(counted ? { attempts: { increment: 1 } } : {}),
        lastError: error,
        lockedBy: null,
        lockedUntil: null,
        ...(notPosted ? { postingAt: null } : {}),
      },
    });
  }

  /** When the next row not yet due comes due; null when none waits. */
  async nextDueAfter(now: Date): Promise<Date | null> {
    const [row] = await this.fast.rows<{ next: string | number | Date | null }>(NEXT_DUE, [now]);
    return row?.next === null || row?.next === undefined ? null : new Date(row.next);
  }

  /** Not tried now, to keep to Slack's pace in its channel: due again at `next`, no attempt counted. */
  async putOff(id: number, next: Date, holder: string): Promise<void> {
    await this.fast.run(PUT_OFF, [next, id, holder]);
  }

  /** Slack refused for good (the person cannot be messaged): settled, and kept with its error. */
  async failed(id: number, error: string, now: Date): Promise<void> {
    await this.db.concernOutbox.update({
      where: { id },
      data: { sentAt: now, failedAt: now, lastError: error, lockedBy: null, lockedUntil: null, payload: null },
    });
  }

  /**
   * The rows one row turns into (a status change's DMs, or what the leads are told in place of a
   * message that failed for good), then that row settled, as failed when `failure` is given. Each
   * is inserted only if its key is new, so a sender that dies half-way and the one that takes over
   * add each once, and the row is never settled before what replaces it is stored.
   */
  async expand(id: number, entries: NewOutboxEntry[], now: Date, failure: string | null = null): Promise<void> {
    for (const entry of entries) await this.ensure(entry);
    if (failure === null) await this.sent(id, null, now);
    else await this.failed(id, failure, now);
  }

  /** A row not yet posted, settled without posting (what it owed was said some other way). */
  async settle(key: string, now: Date): Promise<void> {
    await this.fast.run(SETTLE, [now, key]);
  }

  /** A row waiting out a grace, due now (the confirmation could not be shown where raised): one prepared statement. */
  async dueNow(key: string, now: Date): Promise<void> {
    await this.fast.run(DUE_NOW, [now, key]);
  }

  async leadsTold(id: number, now: Date): Promise<void> {
    await this.db.concernOutbox.update({ where: { id }, data: { leadsToldAt: now } });
  }

  /** Rows not yet sent, oldest first (for the CLI and tests). */
  async pending(): Promise<Array<{ key: string; attempts: number; lastError: string | null }>> {
    return this.db.concernOutbox.findMany({
      where: { sentAt: null },
      orderBy: { id: "asc" },
      select: { key: true, attempts: true, lastError: true },
    });
  }
}
