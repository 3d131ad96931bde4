import type { Db } from "./database";

/** Sweep expired rows about once in this many sightings. */
const SWEEP_EVERY = 200;

/**
 * Signed requests (and Slack events) already accepted, shared by every instance through the
 * database, so that the same request sent again has no second effect wherever it lands.
 */
export class SeenRequests {
  private sightings = 0;

  constructor(private readonly db: Db) {}

  /**
   * True the first time `key` is seen before `expiresAt`; false for a repeat. One statement either
   * way: a row that has expired is renewed (a new sighting), a live one is left alone and no row comes back.
   */
  async firstSighting(key: string, now: Date, expiresAt: Date): Promise<boolean> {
    if (++this.sightings % SWEEP_EVERY === 0) await this.sweep(now);
    const rows = await this.db.$queryRaw<Array<{ hash: string }>>`
      INSERT INTO "SlackRequestSeen" ("hash", "expiresAt") VALUES (${key}, ${expiresAt})
      ON CONFLICT ("hash") DO UPDATE SET "expiresAt" = excluded."expiresAt"
      WHERE "SlackRequestSeen"."expiresAt" <= ${now}
      RETURNING "hash"`;
    return rows.length === 1;
  }

  async sweep(now: Date): Promise<number> {
    const { count } = await this.db.slackRequestSeen.deleteMany({ where: { expiresAt: { lte: now } } });
    return count;
  }
}
