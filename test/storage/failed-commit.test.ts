import { afterEach, describe, expect, it } from "vitest";
import { type Database, fastStatements, openDatabase } from "../../src/storage/database";
import { statement } from "../../src/storage/fast-statements";
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

const DEFER_FOREIGN_KEYS = statement("PRAGMA defer_foreign_keys = ON");
const ORPHAN_SUPPORTER = statement(`
  INSERT INTO "ConcernSupporter" ("id", "concernId", "identityMode", "statement", "submissionKey", "createdAt")
  VALUES (?, 'no-such-concern', 'named', 'x', ?, 0)`);

describe("a transaction of prepared statements whose COMMIT fails, on SQLite", () => {
  it("is reported, and the next transactions run, Prisma's and prepared ones", async () => {
    database = await openDatabase(await freshDatabaseUrl("sqlite"));
    const { db } = database;
    const fast = fastStatements(db);
    await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
    for (let attempt = 0; attempt < 3; attempt++) {
      const failed = await fast
        .transaction(async (tx) => {
          await tx.run(DEFER_FOREIGN_KEYS, []);
          await tx.run(ORPHAN_SUPPORTER, [`orphan-${attempt}`, `k-${attempt}`]);
        })
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect(failed).not.toBeNull();
    }
    const next = Promise.all([
      db.$transaction(async (tx) => tx.$queryRawUnsafe<Array<{ one: bigint }>>("SELECT 1 AS one")),
      fast.transaction(async (tx) => tx.rows(statement("SELECT 1 AS one"), [])),
    ]);
    const outcome = await Promise.race([
      next.then(() => "ran"),
      new Promise((resolve) => setTimeout(() => resolve("still waiting"), 5_000).unref()),
    ]);
    expect(outcome).toBe("ran");
    expect(await db.concernSupporter.count()).toBe(0);
  });
});

/** The file may not grow (SQLITE_FULL from here on), and the free space inside it is used up. */
async function fillDisk(db: Database["db"]): Promise<void> {
  await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  const [row] = await db.$queryRawUnsafe<Array<{ page_count: number | bigint }>>("PRAGMA page_count");
  await db.$queryRawUnsafe(`PRAGMA max_page_count = ${Number(row?.page_count ?? 0)}`);
  for (let size = 64_000, n = 0; size >= 16; n++) {
    try {
      await db.$executeRaw`INSERT INTO "SlackRequestSeen" ("hash", "expiresAt") VALUES (${`filler-${n}-${"x".repeat(size)}`}, ${new Date()})`;
    } catch {
      size = Math.floor(size / 2);
    }
  }
}

describe("a SQLite transaction whose statement finds the disk full", () => {
  it("is reported, and the next transactions run once there is space", async () => {
    database = await openDatabase(await freshDatabaseUrl("sqlite"));
    const { db } = database;
    await fillDisk(db);
    for (let attempt = 0; attempt < 3; attempt++) {
      const failed = await db
        .$transaction(async (tx) => {
          await tx.$executeRaw`INSERT INTO "SlackRequestSeen" ("hash", "expiresAt") VALUES (${`big-${attempt}-${"y".repeat(200_000)}`}, ${new Date()})`;
        })
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect(failed).not.toBeNull();
    }
    await db.$queryRawUnsafe("PRAGMA max_page_count = 1073741823");
    const next = db.$transaction(
      (tx) => tx.$executeRaw`INSERT INTO "SlackRequestSeen" ("hash", "expiresAt") VALUES ('after', ${new Date()})`,
    );
    const outcome = await Promise.race([
      next.then(() => "ran"),
      new Promise((resolve) => setTimeout(() => resolve("still waiting"), 5_000).unref()),
    ]);
    expect(outcome).toBe("ran");
    expect(await db.slackRequestSeen.count({ where: { hash: { startsWith: "big-" } } })).toBe(0);
  });
});
