import { afterEach, describe, expect, it } from "vitest";
import { type Database, fastStatements, openDatabase } from "../../src/storage/database";
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
