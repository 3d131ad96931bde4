import { type Db, fastStatements } from "./database";
import { type FastStatements, statement } from "./fast-statements";

/** The leases this process holds, per database client, so that stopping can give them all back. */
const held = new WeakMap<Db, Map<string, string>>();

/** Taken when free, lapsed or already this holder's: a row comes back only then. */
const ACQUIRE = statement(`
  INSERT INTO "JobLease" ("name", "holder", "until") VALUES (?, ?, ?)
  ON CONFLICT ("name") DO UPDATE SET "holder" = excluded."holder", "until" = excluded."until"
  WHERE "JobLease"."until" <= ? OR "JobLease"."holder" = excluded."holder"
  RETURNING "name"`);
const RELEASE = statement(`DELETE FROM "JobLease" WHERE "name" = ? AND "holder" = ?`);

/**
 * Named leases in the database, so that a job runs in one process at a time however many share
 * the database. A lease is taken when it is free, expired or already ours; it lapses at `until`,
 * so a process that dies holding one blocks the job only until then.
 */
export class LeaseRepository {
  private statements: FastStatements | null = null;

  constructor(private readonly db: Db) {}

  /** Taking and giving back run prepared (see src/storage/fast-statements.ts): the outbox does both on every pass. */
  private get fast(): FastStatements {
    this.statements ??= fastStatements(this.db);
    return this.statements;
  }

  async acquire(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
    const until = new Date(now.getTime() + ttlMs);
    const taken = await this.fast.rows<{ name: string }>(ACQUIRE, [name, holder, until, now]);
    return taken.length === 1 && this.remember(name, holder);
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
    await this.fast.run(RELEASE, [name, holder]);
    if (held.get(this.db)?.get(name) === holder) held.get(this.db)?.delete(name);
  }

  /** Runs `work` while holding the lease; null (and nothing run) when another process holds it. */
  async whileHolding<T>(
    lease: { name: string; holder: string; ttlMs: number },
    now: () => Date,
    work: () => Promise<T>,
  ): Promise<T | null> {
    if (!(await this.acquire(lease.name, lease.holder, now(), lease.ttlMs))) return null;
    try {
      return await work();
    } finally {
      await this.release(lease.name, lease.holder);
    }
  }

  private remember(name: string, holder: string): true {
    const leases = held.get(this.db) ?? new Map<string, string>();
    leases.set(name, holder);
    held.set(this.db, leases);
    return true;
  }
}

/** Gives back every lease this process holds on `db` (a stopping instance, so others need not wait for them to lapse). */
export async function releaseHeldLeases(db: Db): Promise<number> {
  const leases = held.get(db);
  if (!leases || leases.size === 0) return 0;
  let released = 0;
  for (const [name, holder] of [...leases]) {
    released += (await db.jobLease.deleteMany({ where: { name, holder } })).count;
    leases.delete(name);
  }
  return released;
}
