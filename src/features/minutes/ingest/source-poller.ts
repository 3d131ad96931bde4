import type { Clock } from "../../../clock";
import type { Logger } from "../../../logger";
import { reportOps } from "../../../ops/events";
import { DocumentLimitError } from "../domain/limits";
import type { SourceKind, SourceRecord, SourceRepository } from "../storage/sources";
import type { IngestedDocument } from "./document-ingester";
import { FetchError } from "./fetch-error";
import type { Fetcher } from "./http-fetcher";
import { reasonOf, type SourceReader } from "./source-reader";

export interface PollReport {
  sourceId: number;
  kind: SourceKind | null;
  notModified: boolean;
  documents: IngestedDocument[];
  /** Why the source, or some of its entries, could not be read. */
  errors: string[];
  /** False when the source itself was refused for good (a private address, not a web address). */
  retryable: boolean;
  /** Why the source was paused by this poll (a limit on reading refused what it gave); null when it was not. */
  paused: string | null;
}

/** Told when a source is paused, to tell whoever added it. */
export type SourcePausedListener = (source: SourceRecord, reason: string, at: Date) => Promise<void>;

const FIRST_RETRY_MS = 5 * 60_000;
const MAX_RETRY_MS = 24 * 60 * 60_000;

/** After n failures in a row: 5 minutes, 10, 20, ... at most a day. */
export function retryDelayMs(failures: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1), MAX_RETRY_MS);
}

/**
 * Fetches one source (feed or document) and ingests what changed. Never throws: a failure is
 * recorded on the source with its reason and retried with backoff, and one unreadable feed entry
 * does not stop the others.
 */
export class SourcePoller {
  constructor(
    private readonly deps: {
      sources: SourceRepository;
      reader: SourceReader;
      fetcher: Fetcher;
      clock: Clock;
      logger: Logger;
      pollIntervalMs: number;
      onPaused?: SourcePausedListener;
    },
  ) {}

  async poll(source: SourceRecord): Promise<PollReport> {
    const report = await this.pollOnce(source);
    reportOps.minutesPolled({
      ok: report.errors.length === 0,
      documentOutcomes: report.documents.map((document) => document.outcome),
    });
    return report;
  }

  private async pollOnce(source: SourceRecord): Promise<PollReport> {
    const report: PollReport = {
      sourceId: source.id,
      kind: source.kind,
      notModified: false,
      documents: [],
      errors: [],
      retryable: true,
      paused: null,
    };
    try {
      const fetched = await this.deps.fetcher.fetch(source.url, source);
      if (fetched.status === "not-modified") {
        report.notModified = true;
        await this.recordSuccess(
          source,
          { kind: source.kind ?? "document", title: null, etag: null, lastModified: null, keepValidators: true },
          report,
        );
        return report;
      }
      const read = await this.deps.reader.read(fetched, { link: source.url, sourceId: source.id });
      report.kind = read.kind;
      report.documents.push(...read.documents);
      report.errors.push(...read.errors);
      // If an entry failed, forget the validators so the next poll reads the feed in full again.
      const validators =
        report.errors.length > 0
          ? { etag: null, lastModified: null }
          : { etag: fetched.etag, lastModified: fetched.lastModified };
      await this.recordSuccess(source, { kind: read.kind, title: read.title, ...validators }, report);
      if (read.refusedByLimit) await this.pause(source, read.refusedByLimit, report);
    } catch (error) {
      if (error instanceof DocumentLimitError) {
        report.errors.push(error.reason);
        await this.pause(source, error.reason, report);
        return report;
      }
      report.errors.push(reasonOf(error));
      report.retryable = !(error instanceof FetchError) || error.retryable;
      const now = this.deps.clock.now();
      await this.deps.sources.recordFailure(source.id, {
        reason: reasonOf(error),
        at: now,
        nextFetchAt: new Date(now.getTime() + retryDelayMs(source.failures + 1)),
      });
      this.deps.logger.warn(`Minutes source ${source.id} could not be read: ${reasonOf(error)}`);
    }
    return report;
  }

  /**
   * A document refused by a limit would be refused again, at the same cost, on every poll: the source
   * waits until an admin adds it again, and whoever added it is told.
   */
  private async pause(source: SourceRecord, reason: string, report: PollReport): Promise<void> {
    const at = this.deps.clock.now();
    report.paused = reason;
    if (!(await this.deps.sources.pause(source.id, reason, at))) return;
    this.deps.logger.warn(`Paused minutes source ${source.id}: ${reason}`);
    try {
      await this.deps.onPaused?.(source, reason, at);
    } catch (error) {
      this.deps.logger.error(`Could not queue the notice that minutes source ${source.id} was paused`, error);
    }
  }

  private async recordSuccess(
    source: SourceRecord,
    state: {
      kind: SourceKind;
      title: string | null;
      etag: string | null;
      lastModified: string | null;
      keepValidators?: boolean;
    },
    report: PollReport,
  ): Promise<void> {
    const now = this.deps.clock.now();
    const partialError =
      report.errors.length > 0
        ? `${report.errors.length} document(s) could not be read: ${report.errors.join("; ")}`
        : undefined;
    const delay = partialError ? retryDelayMs(source.failures + 1) : this.deps.pollIntervalMs;
    await this.deps.sources.recordSuccess(source.id, {
      ...state,
      at: now,
      nextFetchAt: new Date(now.getTime() + delay),
      ...(partialError ? { partialError } : {}),
    });
  }
}
