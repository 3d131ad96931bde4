import type { Concern, ConcernSupporter } from "../../../generated/sqlite/client";
import { type StatementRunner, statement } from "../../../storage/fast-statements";
import {
  BODIES_INVOLVED,
  type BodyInvolved,
  CONCERN_STATUSES,
  type ConcernStatus,
  IDENTITY_MODES,
  type IdentityMode,
  IMPACTS,
  type Impact,
  type ObjectiveChoice,
  QUOTE_CHOICES,
  type QuoteChoice,
} from "../domain/concern";
import type { ReporterIdentity } from "../domain/identity";
import type { ConcernRecord, ConcernSource, NewConcern, SupporterRecord } from "../domain/records";
import type { SignpostKind } from "../domain/signposting";

/** Database rows <-> the plain records the rest of the app uses. */

export type ConcernRow = Concern & { _count: { supporters: number }; recusals: Array<{ leadId: string }> };

/** What every read of a concern includes: how many supporters, and who recused. */
export const withSupporterCount = {
  _count: { select: { supporters: true } },
  recusals: { select: { leadId: true }, orderBy: { at: "asc" } },
} as const;

function oneOf<T extends string>(values: readonly T[], value: string, what: string): T {
  const found = values.find((candidate) => candidate === value);
  if (found === undefined) throw new Error(`Stored concern has an unknown ${what}: "${value}"`);
  return found;
}

export function identityOf(mode: string, userId: string | null, name: string | null): ReporterIdentity {
  const identityMode: IdentityMode = oneOf(IDENTITY_MODES, mode, "identity mode");
  if (identityMode === "anonymous" || userId === null) return { mode: "anonymous" };
  return { mode: identityMode, userId, name };
}

function objectiveOf(value: number | null): ObjectiveChoice {
  return value === 1 || value === 2 || value === 3 || value === 4 ? value : "not_sure";
}

function sourceOf(row: Concern): ConcernSource | null {
  if (row.sourceText === null) return null;
  return {
    text: row.sourceText,
    channelId: row.sourceChannelId,
    ts: row.sourceTs,
    threadTs: row.sourceThreadTs,
    permalink: row.sourcePermalink,
    author: row.sourceAuthor,
  };
}

const SIGNPOST_KINDS: readonly SignpostKind[] = ["patient_safety", "protected_disclosure", "personal_grievance"];

export function toConcernRecord(row: ConcernRow): ConcernRecord {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    number: row.number,
    status: oneOf<ConcernStatus>(CONCERN_STATUSES, row.status, "status"),
    whatHappened: row.whatHappened,
    objective: objectiveOf(row.objective),
    body: oneOf<BodyInvolved>(BODIES_INVOLVED, row.body, "body"),
    impact: oneOf<Impact>(IMPACTS, row.impact, "impact"),
    reporter: identityOf(row.identityMode, row.reporterUserId, row.reporterName),
    source: sourceOf(row),
    quoteChoice: row.quoteChoice === null ? null : oneOf<QuoteChoice>(QUOTE_CHOICES, row.quoteChoice, "quote choice"),
    signposts: row.signposts
      .split(",")
      .filter((kind): kind is SignpostKind => SIGNPOST_KINDS.some((known) => known === kind)),
    receiptHash: row.receiptHash,
    threadBlocked: row.threadBlocked,
    triage: row.triageChannelId && row.triageTs ? { channelId: row.triageChannelId, ts: row.triageTs } : null,
    assigneeId: row.assigneeId,
    recused: row.recusals.map((recusal) => recusal.leadId),
    resolution: { note: row.resolutionNote, outcome: row.outcome, publication: row.publication },
    publishedAt: row.publishedAt,
    createdAt: row.createdAt,
    acknowledgedAt: row.acknowledgedAt,
    resolvedAt: row.resolvedAt,
    updatedAt: row.updatedAt,
    supporterCount: row._count.supporters,
  };
}

export function toSupporterRecord(row: ConcernSupporter): SupporterRecord {
  return {
    id: row.id,
    concernId: row.concernId,
    identity: identityOf(row.identityMode, row.userId, row.userName),
    statement: row.statement,
    createdAt: row.createdAt,
  };
}

/** The columns of a new concern. Anonymous reporters leave every reporter column empty. */
export function newConcernRow(concern: NewConcern, number: number) {
  const reporter = concern.reporter.mode === "anonymous" ? { userId: null, name: null } : concern.reporter;
  return {
    id: concern.id,
    workspaceId: concern.workspaceId,
    number,
    status: "new",
    whatHappened: concern.whatHappened,
    objective: concern.objective === "not_sure" ? null : concern.objective,
    body: concern.body,
    impact: concern.impact,
    identityMode: concern.reporter.mode,
    reporterUserId: reporter.userId,
    reporterName: reporter.name,
    sourceText: concern.source?.text ?? null,
    sourceChannelId: concern.source?.channelId ?? null,
    sourceTs: concern.source?.ts ?? null,
    sourceThreadTs: concern.source?.threadTs ?? null,
    sourcePermalink: concern.source?.permalink ?? null,
    sourceAuthor: concern.source?.author ?? null,
    quoteChoice: concern.quoteChoice,
    sourceKey: concern.sourceKey,
    submissionKey: concern.submissionKey,
    signposts: concern.signposts.join(","),
    receiptHash: concern.receiptHash,
    createdAt: concern.createdAt,
    updatedAt: concern.createdAt,
  };
}

export type NewConcernRow = ReturnType<typeof newConcernRow>;

const INSERT_CONCERN = statement(`
  INSERT INTO "Concern" ("id", "workspaceId", "number", "status", "whatHappened", "objective", "body", "impact",
    "identityMode", "reporterUserId", "reporterName", "sourceText", "sourceChannelId", "sourceTs", "sourceThreadTs",
    "sourcePermalink", "sourceAuthor", "quoteChoice", "sourceKey", "submissionKey", "signposts", "receiptHash",
    "createdAt", "updatedAt")
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);

/**
 * A new concern's row as one prepared INSERT (the same on SQLite and PostgreSQL): it runs in every
 * submission's transaction, before Slack's ack.
 */
export async function insertConcern(tx: StatementRunner, row: NewConcernRow): Promise<void> {
  await tx.run(INSERT_CONCERN, [
    row.id,
    row.workspaceId,
    row.number,
    row.status,
    row.whatHappened,
    row.objective,
    row.body,
    row.impact,
    row.identityMode,
    row.reporterUserId,
    row.reporterName,
    row.sourceText,
    row.sourceChannelId,
    row.sourceTs,
    row.sourceThreadTs,
    row.sourcePermalink,
    row.sourceAuthor,
    row.quoteChoice,
    row.sourceKey,
    row.submissionKey,
    row.signposts,
    row.receiptHash,
    row.createdAt,
    row.updatedAt,
  ]);
}

const NEXT_NUMBER = statement(`
  INSERT INTO "ConcernCounter" ("workspaceId", "lastNumber") VALUES (?, 1)
  ON CONFLICT ("workspaceId") DO UPDATE SET "lastNumber" = "ConcernCounter"."lastNumber" + 1
  RETURNING "lastNumber"`);

/**
 * The next reference number of a workspace, in the caller's transaction: one atomic statement
 * (SQLite and PostgreSQL both have INSERT ... ON CONFLICT ... RETURNING), and the counter row
 * serialises writers.
 */
export async function nextNumber(tx: StatementRunner, workspaceId: string): Promise<number> {
  const rows = await tx.rows<{ lastNumber: number | string }>(NEXT_NUMBER, [workspaceId]);
  const number = Number(rows[0]?.lastNumber);
  if (!Number.isSafeInteger(number) || number < 1) throw new Error("Could not allocate a concern reference");
  return number;
}

/** The row `insertConcern` stored, as a read would return it (every other column at its default). */
export function newlyStored(row: NewConcernRow): ConcernRow {
  return {
    ...row,
    threadBlocked: false,
    triageChannelId: null,
    triageTs: null,
    assigneeId: null,
    resolutionNote: null,
    outcome: null,
    publication: null,
    publishedAt: null,
    acknowledgedAt: null,
    resolvedAt: null,
    _count: { supporters: 0 },
    recusals: [],
  };
}
