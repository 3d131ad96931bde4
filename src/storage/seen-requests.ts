import type { Db } from "./database";
import { isUniqueViolation } from "./db-errors";

/** Sweep expired rows about once in this many sightings. */
const SWEEP_EVERY = 200;

/**
 * Signed requests (and Slack events) already accepted, shared by every instance through the
 * database, so that the same request sent again has no second effect wherever it lands.
 */
export class SeenRequests {
  private sightings = 0;

  constructor(private readonly db: Db) {}

  /** True the first time `key` is seen before `expiresAt`; false for a repeat. */
  async firstSighting(key: string, now: Date, expiresAt: Date): Promise<boolean> {
    if (++this.sightings % SWEEP_EVERY === 0) await this.sweep(now);
    try {
      await this.db.slackRequestSeen.create({ data: { hash: key, expiresAt } });
      return true;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Seen, but so long ago that the row has expired: this is a new sighting.
      const renewed = await this.db.slackRequestSeen.updateMany({
        where: { hash: key, expiresAt: { lte: now } },
        data: { expiresAt },
      });
      return renewed.count === 1;
    }
  }

  async sweep(now: Date): Promise<number> {
    const { count } = await this.db.slackRequestSeen.deleteMany({ where: { expiresAt: { lte: now } } });
    return count;
  }
}
