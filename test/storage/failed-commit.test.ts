import { afterEach, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../src/storage/database";
import { freshDatabaseUrl } from "../support/databases";

let database: Database | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

/** A transaction whose COMMIT fails, as a full disk makes it fail (the WAL is written at commit). */
async function transactionWhoseCommitFails(db: Database["db"]): Promise<unknown> {
  return db
    .$transaction(async (tx) => {
      // A deferred foreign key is checked at COMMIT: the one way to make COMMIT itself fail on demand.
      await tx.$executeRawUnsafe("PRAGMA defer_foreign_keys = ON");
      await tx.$executeRawUnsafe(
        `INSERT INTO "ConcernSupporter" ("id", "concernId", "identityMode", "statement", "submissionKey", "createdAt")
         VALUES ('orphan', 'no-such-concern', 'named', 'x', 'k', 0)`,
      );
    })
    .then(
      () => null,
      (error: unknown) => error,
    );
}

describe("a SQLite transaction whose COMMIT fails", () => {
  it("is reported, and the next transactions run (rather than wait for ever until a restart)", async () => {
    database = await openDatabase(await freshDatabaseUrl("sqlite"));
    const { db } = database;
    await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
    for (let attempt = 0; attempt < 3; attempt++) expect(await transactionWhoseCommitFails(db)).not.toBeNull();

    const next = db.$transaction(async (tx) => tx.$queryRawUnsafe<Array<{ one: bigint }>>("SELECT 1 AS one"));
    const outcome = await Promise.race([
      next.then(() => "ran"),
      new Promise((resolve) => setTimeout(() => resolve("still waiting"), 5_000).unref()),
    ]);
    expect(outcome).toBe("ran");
    expect(await db.concernSupporter.count()).toBe(0);
  });
});
