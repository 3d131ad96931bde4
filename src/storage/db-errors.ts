import type { Prisma } from "../generated/sqlite/client";

/** A client inside `db.$transaction(async (tx) => ...)`; the same shape for both providers. */
export type DbTransaction = Prisma.TransactionClient;

/** The drivers' own codes, from statements run on them directly (src/storage/fast-statements.ts). */
const DRIVER_UNIQUE_VIOLATIONS = new Set(["SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY", "23505"]);

/**
 * True when a write broke a unique constraint: Prisma's P2002 from a model query, or P2010 (raw
 * query failed) whose driver error says so, or the driver's own code. Both generated clients raise
 * Prisma's, so the code is checked rather than the class.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta } = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } };
  if (code === "P2002" || (typeof code === "string" && DRIVER_UNIQUE_VIOLATIONS.has(code))) return true;
  return code === "P2010" && meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation";
}

/** Another writer got there first: SQLite's lock, or PostgreSQL's serialization or deadlock errors. Safe to retry. */
export function isTransientConflict(error: unknown): boolean {
  const text =
    error instanceof Error ? `${error.message} ${JSON.stringify((error as { meta?: unknown }).meta ?? "")}` : "";
  return /SQLITE_BUSY|database is locked|40001|40P01|could not serialize|deadlock detected/i.test(text);
}

const MAX_ATTEMPTS = 8;

/** Runs `work` again (after a short random pause) when it lost a race that a retry resolves. */
export async function retryingConflicts<T>(work: () => Promise<T>, retryable: (error: unknown) => boolean): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !retryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
}
