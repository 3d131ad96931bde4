import BetterSqlite3 from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { type Database, fastStatements, openDatabase, sqliteFilePath, tuneDatabase } from "../../src/storage/database";
import { type StatementRunner, statement, statementsIn } from "../../src/storage/fast-statements";
import { freshDatabaseUrl, type Provider } from "../support/databases";

const providers: Provider[] = ["sqlite", "postgres"];

const SEEN = statement(`INSERT INTO "SlackRequestSeen" ("hash", "expiresAt") VALUES (?, ?)`);
const AMONG = statement({
  sqlite: `SELECT "hash" FROM "SlackRequestSeen" WHERE "hash" IN (SELECT "value" FROM json_each(?)) ORDER BY "hash"`,
  postgres: `SELECT "hash" FROM "SlackRequestSeen" WHERE "hash" = ANY(?::text[]) ORDER BY "hash"`,
});
const COUNT_BEFORE = statement(`SELECT COUNT(*) AS "count" FROM "SlackRequestSeen" WHERE "expiresAt" < ?`);
const BLOCKED = statement(`SELECT COUNT(*) AS "count" FROM "Concern" WHERE "threadBlocked" = ?`);

describe.each(providers)("a statement in a Prisma transaction and in one of prepared statements, on %s", (provider) => {
  let database: Database | undefined;
  afterEach(async () => {
    await database?.close();
    database = undefined;
  });

  it("binds lists, dates and booleans alike and reads the same rows back", async () => {
    database = await openDatabase(await freshDatabaseUrl(provider));
    const { db } = database;
    const at = new Date("2026-03-02T10:00:00.123Z");
    const reads = async (tx: StatementRunner, tag: string) => {
      await tx.run(SEEN, [`${tag}-a`, at]);
      await tx.run(SEEN, [`${tag}-b`, new Date(at.getTime() + 1)]);
      return [
        await tx.rows(AMONG, [[`${tag}-a`, `${tag}-b`, "absent"]]),
        await tx.rows(COUNT_BEFORE, [new Date(at.getTime() + 1)]),
        await tx.rows(BLOCKED, [false]),
      ];
    };
    const throughPrisma = await db.$transaction((tx) => reads(statementsIn(tx, provider), "x"));
    await db.slackRequestSeen.deleteMany();
    const prepared = await fastStatements(db).transaction((tx) => reads(tx, "x"));
    expect(throughPrisma).toEqual(prepared);
    expect(prepared[0]).toEqual([{ hash: "x-a" }, { hash: "x-b" }]);
  });
});

const SEEN_ONE = statement(`INSERT INTO "SlackRequestSeen" ("hash", "expiresAt") VALUES (?, ?)`);

describe("prepared transactions asked for at the same moment, on SQLite", () => {
  let database: Database | undefined;
  let reader: BetterSqlite3.Database | undefined;
  afterEach(async () => {
    reader?.close();
    await database?.close();
    database = undefined;
  });

  it("commit together: each resolves once another connection can read it, and one that throws rolls back alone", async () => {
    const url = await freshDatabaseUrl("sqlite");
    database = await openDatabase(url);
    await tuneDatabase(database);
    await database.db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
    reader = new BetterSqlite3(sqliteFilePath(url), { readonly: true });
    const stored = reader.prepare(`SELECT COUNT(*) AS "count" FROM "SlackRequestSeen" WHERE "hash" = ?`);
    const fast = fastStatements(database.db);
    const at = new Date("2026-03-02T10:00:00.123Z");
    const visibleWhenResolved: boolean[] = [];
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        fast
          .transaction(async (tx) => {
            await tx.run(SEEN_ONE, [`request-${i}`, at]);
            if (i === 7) throw new Error("this one changes its mind");
            // The same hash as request 3: a unique violation, for this transaction alone.
            if (i === 12) await tx.run(SEEN_ONE, ["request-3", at]);
            return i;
          })
          .then((value) => {
            visibleWhenResolved.push((stored.get(`request-${i}`) as { count: number }).count === 1);
            return value;
          }),
      ),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(
      Array.from({ length: 20 }, (_, i) => (i === 7 || i === 12 ? "rejected" : "fulfilled")),
    );
    expect(visibleWhenResolved).toEqual(Array.from({ length: 18 }, () => true));
    const hashes = await database.db.slackRequestSeen.findMany({ orderBy: { hash: "asc" } });
    expect(hashes.map((row) => row.hash).sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => `request-${i}`)
        .filter((hash) => hash !== "request-7" && hash !== "request-12")
        .sort(),
    );
    // Committed together: far fewer frames in the write-ahead log than one commit each would write.
    const [checkpoint] = await database.db.$queryRawUnsafe<Array<{ log: bigint | number }>>("PRAGMA wal_checkpoint");
    expect(Number(checkpoint?.log)).toBeLessThan(18);
  });

  it("keep a statement run on its own while they are open out of them: a member that fails does not undo it", async () => {
    database = await openDatabase(await freshDatabaseUrl("sqlite"));
    const fast = fastStatements(database.db);
    const at = new Date("2026-03-02T10:00:00.123Z");
    let statementDone: Promise<number> | null = null;
    const failing = fast.transaction(async (tx) => {
      await tx.run(SEEN_ONE, ["inside", at]);
      // Another request's own statement arrives while this transaction is open.
      statementDone = fast.run(SEEN_ONE, ["on-its-own", at]);
      await new Promise((resolve) => setImmediate(resolve));
      throw new Error("this one changes its mind");
    });
    await expect(failing).rejects.toThrow("changes its mind");
    expect(await statementDone).toBe(1);
    const hashes = await database.db.slackRequestSeen.findMany();
    expect(hashes.map((row) => row.hash)).toEqual(["on-its-own"]);
  });
});

/** Lets the event loop go round, so that what other callers asked for reaches the connection. */
async function turns(count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

describe("a Prisma transaction open on SQLite while other work writes outside it", () => {
  let database: Database | undefined;
  afterEach(async () => {
    await database?.close();
    database = undefined;
  });

  it("keeps what Prisma and the prepared statements wrote outside it when it rolls back", async () => {
    database = await openDatabase(await freshDatabaseUrl("sqlite"));
    const { db } = database;
    const fast = fastStatements(db);
    const at = new Date("2026-03-02T10:00:00.123Z");
    let outsideDone: Promise<unknown> | null = null;
    const failing = db.$transaction(async (tx) => {
      await tx.slackRequestSeen.create({ data: { hash: "inside", expiresAt: at } });
      // Other requests' writes arrive while this transaction is open.
      outsideDone = Promise.all([
        db.$executeRaw`INSERT INTO "SlackRequestSeen" ("hash", "expiresAt") VALUES ('through-prisma', ${at})`,
        fast.run(SEEN_ONE, ["prepared", at]),
      ]);
      await turns(5);
      await tx.slackRequestSeen.create({ data: { hash: "inside-later", expiresAt: at } });
      throw new Error("this one changes its mind");
    });
    await expect(failing).rejects.toThrow("changes its mind");
    await outsideDone;
    const hashes = await db.slackRequestSeen.findMany({ orderBy: { hash: "asc" } });
    expect(hashes.map((row) => row.hash)).toEqual(["prepared", "through-prisma"]);
  });

  it("shows a read outside it nothing of what it then rolls back", async () => {
    database = await openDatabase(await freshDatabaseUrl("sqlite"));
    const { db } = database;
    const at = new Date("2026-03-02T10:00:00.123Z");
    let seenOutside: Promise<number> | null = null;
    const failing = db.$transaction(async (tx) => {
      await tx.slackRequestSeen.create({ data: { hash: "never-stored", expiresAt: at } });
      // Prisma runs a query once something waits for it.
      seenOutside = Promise.resolve(db.slackRequestSeen.count());
      await turns(5);
      throw new Error("this one changes its mind");
    });
    await expect(failing).rejects.toThrow("changes its mind");
    expect(await seenOutside).toBe(0);
  });

  it("lets a statement that waited run before the transactions queued behind the one it waited for", async () => {
    database = await openDatabase(await freshDatabaseUrl("sqlite"));
    const { db } = database;
    const fast = fastStatements(db);
    const at = new Date("2026-03-02T10:00:00.123Z");
    const order: string[] = [];
    let queued: Promise<unknown>[] = [];
    await db.$transaction(async (tx) => {
      await tx.slackRequestSeen.create({ data: { hash: "first", expiresAt: at } });
      queued = [
        fast.run(SEEN_ONE, ["outside", at]).then(() => order.push("outside")),
        ...["second", "third"].map((name) =>
          db.$transaction(async (next) => {
            order.push(name);
            await next.slackRequestSeen.create({ data: { hash: name, expiresAt: at } });
          }),
        ),
      ];
      await turns(5);
    });
    await Promise.all(queued);
    expect(order).toEqual(["outside", "second", "third"]);
  });
});
