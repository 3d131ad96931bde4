import { afterEach, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../src/storage/database";
import { SeenRequests } from "../../src/storage/seen-requests";
import { freshDatabaseUrl, type Provider } from "../support/databases";

const providers: Provider[] = ["sqlite", "postgres"];
const MINUTE = 60_000;

describe.each(providers)("signed requests already seen, on %s", (provider) => {
  let database: Database | undefined;
  afterEach(async () => {
    await database?.close();
    database = undefined;
  });

  async function seen(): Promise<SeenRequests> {
    database = await openDatabase(await freshDatabaseUrl(provider));
    return new SeenRequests(database.db);
  }

  it("accepts a request once, and turns away the same request while it is remembered", async () => {
    const requests = await seen();
    const now = new Date("2026-03-02T10:00:00Z");
    const until = new Date(now.getTime() + 5 * MINUTE);
    expect(await requests.firstSighting("sig-a", now, until)).toBe(true);
    expect(await requests.firstSighting("sig-a", new Date(now.getTime() + MINUTE), until)).toBe(false);
    expect(await requests.firstSighting("sig-b", now, until)).toBe(true);
  });

  it("accepts the same key again once it has been forgotten, and remembers it anew", async () => {
    const requests = await seen();
    const now = new Date("2026-03-02T10:00:00Z");
    expect(await requests.firstSighting("sig-a", now, new Date(now.getTime() + 5 * MINUTE))).toBe(true);
    const later = new Date(now.getTime() + 6 * MINUTE);
    expect(await requests.firstSighting("sig-a", later, new Date(later.getTime() + 5 * MINUTE))).toBe(true);
    expect(await requests.firstSighting("sig-a", new Date(later.getTime() + MINUTE), later)).toBe(false);
  });

  it("lets exactly one of several instances seeing the same request at once act on it", async () => {
    const requests = await seen();
    const other = new SeenRequests((database as Database).db);
    const now = new Date("2026-03-02T10:00:00Z");
    const until = new Date(now.getTime() + 5 * MINUTE);
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => (i % 2 ? other : requests).firstSighting("sig-same", now, until)),
    );
    expect(answers.filter(Boolean)).toHaveLength(1);
  });

  it("forgets a request exactly when it expires, and stores the expiry as Prisma reads it", async () => {
    const requests = await seen();
    const now = new Date("2026-03-02T10:00:00Z");
    const until = new Date(now.getTime() + 5 * MINUTE);
    expect(await requests.firstSighting("sig-a", now, until)).toBe(true);
    const stored = await (database as Database).db.slackRequestSeen.findUnique({ where: { hash: "sig-a" } });
    expect(stored?.expiresAt.toISOString()).toBe(until.toISOString());
    const expired = await (database as Database).db.slackRequestSeen.count({ where: { expiresAt: { lte: until } } });
    expect(expired).toBe(1);
    expect(await requests.sweep(new Date(until.getTime() - 1))).toBe(0);
    expect(await requests.firstSighting("sig-a", new Date(until.getTime() - 1), until)).toBe(false);
    expect(await requests.sweep(until)).toBe(1);
    expect(await requests.firstSighting("sig-a", until, new Date(until.getTime() + MINUTE))).toBe(true);
  });
});
