import type { Clock } from "../../../clock";
import type { PollReport, SourcePoller } from "../ingest/source-poller";
import type { SourceRecord, SourceRepository, SourceWithCount } from "../storage/sources";

export type AddSourceResult =
  | { outcome: "added" | "exists"; source: SourceRecord; report: PollReport }
  | { outcome: "refused"; reason: string };

/** Managing the places minutes are watched: the same for `/digest source ...` and `localism sources ...`. */
export class SourcesService {
  constructor(private readonly deps: { sources: SourceRepository; poller: SourcePoller; clock: Clock }) {}

  list(): Promise<SourceWithCount[]> {
    return this.deps.sources.list();
  }

  /** Adds the source and reads it at once, so whoever added it sees what it holds or why it can't be read. */
  async add(url: string, addedBy: string | null): Promise<AddSourceResult> {
    const { source, created } = await this.deps.sources.add(url.trim(), addedBy, this.deps.clock.now());
    const report = await this.deps.poller.poll(source);
    if (!report.retryable) {
      if (created) await this.deps.sources.remove(source.id);
      return { outcome: "refused", reason: report.errors[0] ?? "This address can't be fetched." };
    }
    const updated = (await this.deps.sources.find(source.id)) ?? source;
    return { outcome: created ? "added" : "exists", source: updated, report };
  }

  remove(id: number): Promise<SourceRecord | null> {
    return this.deps.sources.remove(id);
  }
}
