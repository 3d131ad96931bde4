import type { DatabaseProvider } from "../../../config";
import { type Db, fastStatements } from "../../../storage/database";
import {
  isTransientConflict,
  isUniqueViolation,
  retryingConflicts,
  type DbTransaction as Tx,
} from "../../../storage/db-errors";
import {
  type FastStatements,
  type StatementRunner,
  statement,
  statementsIn,
  type Transaction,
} from "../../../storage/fast-statements";
import {
  type AuditActor,
  type AuditEntry,
  appendEntry,
  type ConcernAuditAction,
  type PurgeRecord,
} from "../domain/audit-chain";
import type { ConcernStatus } from "../domain/concern";
import type { AuditDraft } from "../domain/records";
import { AuditHeadMoved } from "./errors";

export type { Tx };

// Any constant: the advisory lock that makes PostgreSQL writers take turns at the head of the chain.
const AUDIT_LOCK_KEY = 3_100_042;

const LOCK_HEAD = statement(`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
const READ_HEAD = statement(`SELECT "seq", "hash" FROM "ConcernAuditEntry" ORDER BY "seq" DESC LIMIT 1`);
const INSERT_ENTRY = statement(`
  INSERT INTO "ConcernAuditEntry" ("seq", "at", "concernRef", "actor", "action", "fromStatus", "toStatus", "note",
    "purge", "prevHash", "hash")
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);

type AuditRow = {
  seq: number;
  at: Date;
  concernRef: string | null;
  actor: string;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  purge: string | null;
  prevHash: string;
  hash: string;
};

/** The tamper-evident audit trail in the database: appends inside other writes' transactions. */
export class AuditLog {
  private readonly fast: FastStatements;

  constructor(
    private readonly db: Db,
    private readonly provider: DatabaseProvider,
  ) {
    this.fast = fastStatements(db);
  }

  /** A transaction that may append to the chain, retried when another writer took the head first. */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return retryingConflicts(
      () => this.db.$transaction((tx) => work(tx)),
      (error) => error instanceof AuditHeadMoved || isTransientConflict(error),
    );
  }

  /** The same, with prepared statements (see src/storage/fast-statements.ts): a concern's submission. */
  fastTransaction<T>(work: (tx: StatementRunner) => Promise<T>): Promise<T> {
    return retryingConflicts(
      () => this.fast.transaction(work),
      (error) => error instanceof AuditHeadMoved || isTransientConflict(error),
    );
  }

  /**
   * Appends to the chain, in `tx` (either kind of transaction) or in a transaction of its own. In a
   * transaction, the head is read with PostgreSQL's advisory lock held, so writers take turns at it;
   * a writer that takes the head first anyway makes this throw AuditHeadMoved, which the transactions
   * above retry.
   */
  append(concernRef: string, draft: AuditDraft): Promise<AuditEntry>;
  append(tx: Transaction, concernRef: string, draft: AuditDraft): Promise<AuditEntry>;
  async append(...args: [string, AuditDraft] | [Transaction, string, AuditDraft]): Promise<AuditEntry> {
    if (args.length === 2) {
      const [concernRef, draft] = args;
      return this.transaction((tx) => this.append(tx, concernRef, draft));
    }
    const [tx, concernRef, draft] = args;
    const statements = statementsIn(tx, this.provider);
    await this.lock(statements);
    const [head] = await statements.rows<{ seq: number | string; hash: string }>(READ_HEAD, []);
    const entry = appendEntry(head ? { seq: Number(head.seq), hash: head.hash } : null, { concernRef, ...draft });
    await this.insert(statements, entry);
    return entry;
  }

  /** The whole chain, read with the head locked (for planning a purge). */
  async lockedChainIn(tx: Tx): Promise<AuditEntry[]> {
    await this.lock(statementsIn(tx, this.provider));
    const rows = await tx.concernAuditEntry.findMany({ orderBy: { seq: "asc" } });
    return rows.map(toEntry);
  }

  /** Writes an entry built by the caller on the chain it read in `tx`. */
  async insert(tx: Transaction, entry: AuditEntry): Promise<void> {
    const row = toRow(entry);
    try {
      await statementsIn(tx, this.provider).run(INSERT_ENTRY, [
        row.seq,
        row.at,
        row.concernRef,
        row.actor,
        row.action,
        row.fromStatus,
        row.toStatus,
        row.note,
        row.purge,
        row.prevHash,
        row.hash,
      ]);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AuditHeadMoved(`Audit entry ${entry.seq} was taken by another writer`);
      throw error;
    }
  }

  async chain(): Promise<AuditEntry[]> {
    const rows = await this.db.concernAuditEntry.findMany({ orderBy: { seq: "asc" } });
    return rows.map(toEntry);
  }

  async entriesFor(concernRef: string): Promise<AuditEntry[]> {
    const rows = await this.db.concernAuditEntry.findMany({ where: { concernRef }, orderBy: { seq: "asc" } });
    return rows.map(toEntry);
  }

  private async lock(tx: StatementRunner): Promise<void> {
    if (this.provider === "postgres") await tx.run(LOCK_HEAD, []);
  }
}

function toRow(entry: AuditEntry): AuditRow {
  const common = {
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    prevHash: entry.prevHash,
    hash: entry.hash,
  };
  if (entry.action === "purge") {
    return {
      ...common,
      concernRef: null,
      fromStatus: null,
      toStatus: null,
      note: null,
      purge: JSON.stringify(entry.purge),
    };
  }
  return {
    ...common,
    concernRef: entry.concernRef,
    fromStatus: entry.from ?? null,
    toStatus: entry.to ?? null,
    note: entry.note ?? null,
    purge: null,
  };
}

/**
 * Rows are read back as recorded, without judging them: whether an entry is genuine is for the
 * hash chain to say (`audit verify`), so a tampered value must reach the verifier, not be refused here.
 */
function toEntry(row: AuditRow): AuditEntry {
  const common = { seq: row.seq, at: row.at, prevHash: row.prevHash, hash: row.hash };
  if (row.action === "purge") {
    return { ...common, concernRef: null, actor: "system", action: "purge", purge: parsePurge(row.purge) };
  }
  return {
    ...common,
    concernRef: row.concernRef ?? "",
    actor: row.actor as AuditActor,
    action: row.action as ConcernAuditAction,
    from: row.fromStatus as ConcernStatus | null,
    to: row.toStatus as ConcernStatus | null,
    note: row.note,
  };
}

function parsePurge(json: string | null): PurgeRecord {
  const parsed = JSON.parse(json ?? "{}") as Omit<PurgeRecord, "cutoff"> & { cutoff: string };
  return { ...parsed, cutoff: new Date(parsed.cutoff) };
}
