import { type Db, fastStatements } from "./database";
import { type FastStatements, statement } from "./fast-statements";

/** Sweep expired rows about once in this many sightings. */
const SWEEP_EVERY = 200;

/** A row that has expired is renewed (a new sighting); a live one is left alone and no row comes back. */
const RECORD_SIGHTING = statement(`
  INSERT INTO "SlackRequestSeen" ("hash", "expiresAt") VALUES (?, ?)
  ON CONFLICT ("hash") DO UPDATE SET "expiresAt" = excluded."expiresAt"
  WHERE "SlackRequestSeen"."expiresAt" <= ?
  RETURNING "hash"`);
const SWEEP = statement(`DELETE FROM "SlackRequestSeen" WHERE "expiresAt" <= ?`);

/**
 * Signed requests (and Slack events) already accepted, shared by every instance through the
 * database, so that the same request sent again has no second effect wherever it lands.
 */
export class SeenRequests {
  private sightings = 0;
  private readonly fast: FastStatements;

  constructor(db: Db) {
    this.fast = fastStatements(db);
  }

  /**
   * True the first time `key` is seen before `expiresAt`; false for a repeat. One prepared statement
   * either way, committed with whatever else is being stored at that moment: every request runs it.
   */
  async firstSighting(key: string, now: Date, expiresAt: Date): Promise<boolean> {
    if (++this.sightings % SWEEP_EVERY === 0) await this.sweep(now);
    const rows = await this.fast.rowsCommittedTogether<{ hash: string }>(RECORD_SIGHTING, [key, expiresAt, now]);
    return rows.length === 1;
  }

  async sweep(now: Date): Promise<number> {
    return this.fast.run(SWEEP, [now]);
  }
}
