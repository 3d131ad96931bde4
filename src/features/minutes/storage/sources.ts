import type { Db } from "../../../storage/database";
import { isUniqueViolation } from "../../../storage/db-errors";

export type SourceKind = "feed" | "document";

export interface SourceRecord {
  id: number;
  url: string;
  kind: SourceKind | null;
  title: string | null;
  addedBy: string | null;
  addedAt: Date;
  etag: string | null;
  lastModified: string | null;
  lastFetchedAt: Date | null;
  lastSuccessAt: Date | null;
  nextFetchAt: Date;
  failures: number;
  lastError: string | null;
  /** Set when a limit on reading refused what it gave: it is not fetched again until added again. */
  pausedAt: Date | null;
  pausedReason: string | null;
}

export interface SourceWithCount extends SourceRecord {
  documents: number;
}

export interface FetchSuccess {
  kind: SourceKind;
  title: string | null;
  etag: string | null;
  lastModified: string | null;
  /** Keep the stored validators (a 304 sends none back). */
  keepValidators?: boolean;
  at: Date;
  nextFetchAt: Date;
  /** Set when part of a feed could not be read: the source still counts as failing. */
  partialError?: string;
}

/** The places minutes are watched, with their fetch state. */
export class SourceRepository {
  constructor(private readonly db: Db) {}

  /**
   * Adds a source to be fetched at `now`. An existing URL is returned as it is, except that a paused
   * one is resumed (adding it again is how an admin asks for another try), by whoever added it again.
   */
  async add(url: string, addedBy: string | null, now: Date): Promise<{ source: SourceRecord; created: boolean }> {
    try {
      const row = await this.db.minutesSource.create({ data: { url, addedBy, addedAt: now, nextFetchAt: now } });
      return { source: toRecord(row), created: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await this.db.minutesSource.updateMany({
        where: { url, pausedAt: { not: null } },
        data: { pausedAt: null, pausedReason: null, nextFetchAt: now, ...(addedBy ? { addedBy } : {}) },
      });
      const existing = await this.db.minutesSource.findUniqueOrThrow({ where: { url } });
      return { source: toRecord(existing), created: false };
    }
  }

  /** Stops fetching a source until it is added again; false if it was already paused (or is gone). */
  async pause(id: number, reason: string, at: Date): Promise<boolean> {
    const paused = await this.db.minutesSource.updateMany({
      where: { id, pausedAt: null },
      data: {
        pausedAt: at,
        pausedReason: reason,
        lastFetchedAt: at,
        lastError: reason,
        failures: { increment: 1 },
        etag: null,
        lastModified: null,
      },
    });
    return paused.count > 0;
  }

  async remove(id: number): Promise<SourceRecord | null> {
    const row = await this.db.minutesSource.findUnique({ where: { id } });
    if (!row) return null;
    await this.db.minutesSource.deleteMany({ where: { id } });
    return toRecord(row);
  }

  async find(id: number): Promise<SourceRecord | null> {
    const row = await this.db.minutesSource.findUnique({ where: { id } });
    return row ? toRecord(row) : null;
  }

  async list(): Promise<SourceWithCount[]> {
    const rows = await this.db.minutesSource.findMany({
      orderBy: { id: "asc" },
      include: { _count: { select: { documents: true } } },
    });
    return rows.map((row) => ({ ...toRecord(row), documents: row._count.documents }));
  }

  /** Sources whose next fetch is due, the longest-waiting first; paused ones never are. */
  async due(now: Date, limit = 100): Promise<SourceRecord[]> {
    const rows = await this.db.minutesSource.findMany({
      where: { nextFetchAt: { lte: now }, pausedAt: null },
      orderBy: { nextFetchAt: "asc" },
      take: limit,
    });
    return rows.map(toRecord);
  }

  async recordSuccess(id: number, success: FetchSuccess): Promise<void> {
    const validators = success.keepValidators ? {} : { etag: success.etag, lastModified: success.lastModified };
    await this.db.minutesSource.updateMany({
      where: { id },
      data: {
        kind: success.kind,
        ...(success.title ? { title: success.title } : {}),
        ...validators,
        lastFetchedAt: success.at,
        lastSuccessAt: success.at,
        nextFetchAt: success.nextFetchAt,
        failures: success.partialError ? { increment: 1 } : 0,
        lastError: success.partialError ?? null,
      },
    });
  }

  async recordFailure(id: number, failure: { reason: string; at: Date; nextFetchAt: Date }): Promise<void> {
    await this.db.minutesSource.updateMany({
      where: { id },
      data: {
        lastFetchedAt: failure.at,
        nextFetchAt: failure.nextFetchAt,
        failures: { increment: 1 },
        lastError: failure.reason,
      },
    });
  }
}

function toRecord(row: Omit<SourceRecord, "kind"> & { kind: string | null }): SourceRecord {
  const kind = row.kind === "feed" || row.kind === "document" ? row.kind : null;
  return {
    id: row.id,
    url: row.url,
    kind,
    title: row.title,
    addedBy: row.addedBy,
    addedAt: row.addedAt,
    etag: row.etag,
    lastModified: row.lastModified,
    lastFetchedAt: row.lastFetchedAt,
    lastSuccessAt: row.lastSuccessAt,
    nextFetchAt: row.nextFetchAt,
    failures: row.failures,
    lastError: row.lastError,
    pausedAt: row.pausedAt,
    pausedReason: row.pausedReason,
  };
}
