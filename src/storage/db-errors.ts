import type { Prisma } from "../generated/sqlite/client";

/** A client inside `db.$transaction(async (tx) => ...)`; the same shape for both providers. */
export type DbTransaction = Prisma.TransactionClient;

/**
 * True when a write broke a unique constraint (Prisma's P2002). Both generated clients raise it,
 * so the code is checked rather than the class.
 */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
