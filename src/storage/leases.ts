import type { Db } from "./database";
import { isUniqueViolation } from "./db-errors";

/**
 * Named leases in the database, so that a job runs in one process at a time however many share
 * the database. A lease is taken when it is free, expired or already ours; it lapses at `until`,
 * so a process that dies holding one blocks the job only until then.
 */
export class LeaseRepository {
  constructor(private readonly db: Db) {}

  async acquire(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
    const until = new Date(now.getTime() + ttlMs);
    const taken = await this.db.jobLease.updateMany({
      where: { name, OR: [{ until: { lte: now } }, { holder }] },
      data: { holder, until },
    });
    if (taken.count === 1) return true;
    try {
      await this.db.jobLease.create({ data: { name, holder, until } });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /** Who holds the lease now, if anyone (expired or not). */
  async holderOf(name: string): Promise<string | null> {
    const lease = await this.db.jobLease.findUnique({ where: { name } });
    return lease?.holder ?? null;
  }

  /** Takes the lease from `previous` (a holder known to be gone), if it still holds it. */
  async takeOver(name: string, previous: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
    const taken = await this.db.jobLease.updateMany({
      where: { name, holder: previous },
      data: { holder, until: new Date(now.getTime() + ttlMs) },
    });
    return taken.count === 1;
  }

  async release(name: string, holder: string): Promise<void> {
    await this.db.jobLease.deleteMany({ where: { name, holder } });
  }
}
