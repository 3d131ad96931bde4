import { randomUUID } from "node:crypto";
import type { Clock } from "../../../clock";
import type { Logger } from "../../../logger";
import type { LeaseRepository } from "../../../storage/leases";
import type { PollReport, SourcePoller } from "../ingest/source-poller";
import type { SourceRepository } from "../storage/sources";

const LEASE = "minutes-poll";
/**
 * Renewed while a poll runs (a single fetch may take minutes), so a process that dies holding the
 * lease blocks polling for at most this long.
 */
const LEASE_MS = 60_000;
const RENEW_MS = 15_000;

/**
 * Fetches every source that is due. A database lease keeps two processes from polling at once;
 * each source is polled on its own, so one that fails never stops the others.
 */
export class MinutesPollJob {
  private readonly holder = randomUUID();

  constructor(
    private readonly deps: {
      sources: SourceRepository;
      poller: SourcePoller;
      leases: LeaseRepository;
      clock: Clock;
      logger: Logger;
    },
  ) {}

  /** The reports of the sources polled, or null when another process holds the lease. */
  async runOnce(): Promise<PollReport[] | null> {
    const { leases, clock } = this.deps;
    if (!(await leases.acquire(LEASE, this.holder, clock.now(), LEASE_MS))) return null;
    const renew = setInterval(() => {
      leases.acquire(LEASE, this.holder, clock.now(), LEASE_MS).catch(() => {});
    }, RENEW_MS);
    renew.unref();
    try {
      const reports: PollReport[] = [];
      for (const source of await this.deps.sources.due(clock.now())) {
        reports.push(await this.deps.poller.poll(source));
        // Keep the lease for as long as the polling takes.
        await leases.acquire(LEASE, this.holder, clock.now(), LEASE_MS);
      }
      const stored = reports.reduce(
        (sum, report) => sum + report.documents.filter((d) => d.outcome !== "unchanged").length,
        0,
      );
      if (reports.length > 0)
        this.deps.logger.info(`Polled ${reports.length} minutes source(s): ${stored} new or changed document(s)`);
      return reports;
    } finally {
      clearInterval(renew);
      await leases.release(LEASE, this.holder);
    }
  }
}
