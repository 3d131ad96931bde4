import type { App } from "@slack/bolt";
import type { ViewBlockBuilder } from "slack-block-builder";
import type { SharedCore } from "../../core-types";
import { RepeatingJob } from "../../jobs/repeating-job";
import type { WorkspaceClients } from "../../slack/workspace-clients";
import { LeaseRepository } from "../../storage/leases";
import type { KnowledgeBase } from "../objectives";
import { taggingVocabularyFrom } from "./domain/kb-vocabulary";
import { DocumentIngester } from "./ingest/document-ingester";
import { HttpFetcher } from "./ingest/http-fetcher";
import { ingestOneOff, type OneOffReport } from "./ingest/one-off";
import { SourcePoller } from "./ingest/source-poller";
import { SourceReader } from "./ingest/source-reader";
import type { DigestJob } from "./jobs/digest-job";
import { MinutesPollJob } from "./jobs/minutes-poll-job";
import { APP_NOT_INSTALLED } from "./jobs/outbox-sender";
import { DigestBuilder } from "./services/digest-builder";
import { DigestService } from "./services/digest-service";
import type { ConcernCountsProvider } from "./services/ports";
import { SourcesService } from "./services/sources-service";
import { createDigestRenderer } from "./slack/views/digest";
import { ClaimRepository } from "./storage/claims";
import { DocumentRepository } from "./storage/documents";
import { OutboxRepository } from "./storage/outbox";
import { PauseRepository } from "./storage/pause";
import { MinutesReader, type StoredMinutes } from "./storage/reader";
import { MinutesSearchRepository } from "./storage/search";
import { SourceRepository } from "./storage/sources";
import { type SubscriptionRecord, SubscriptionRepository } from "./storage/subscriptions";

export { MinutesSearchRepository } from "./storage/search";

export interface DigestHomeSummary {
  subscriptions: SubscriptionRecord[];
  recent: StoredMinutes[];
}

/** Published minutes: sources, ingestion, subscriptions and digests, with their jobs. */
export interface MinutesFeature {
  digests: DigestService;
  sources: SourcesService;
  reader: MinutesReader;
  /** `localism ingest`: a document, or a feed and what happened to each of its entries. */
  ingest(target: string): Promise<OneOffReport>;
  home(workspaceId: string): Promise<DigestHomeSummary>;
  /** Single runs, for the CLI and tests. */
  pollJob: MinutesPollJob;
  /** Set when registered with Slack: digests are posted only by the bot. */
  digestJob: DigestJob | null;
  homeSection(workspaceId: string): Promise<ViewBlockBuilder[]>;
  /** Registers `/digest` and returns the polling and digest jobs for the bot's job runner. */
  register(app: App, clients: WorkspaceClients): Promise<RepeatingJob[]>;
  /** The app was uninstalled from a workspace: its digests are paused until it is installed again. */
  workspaceUninstalled(workspaceId: string): Promise<number>;
  /** The app was installed (again) in a workspace: digests paused by an uninstall resume. */
  workspaceInstalled(workspaceId: string): Promise<number>;
}

export interface MinutesDependencies {
  /** The objectives' knowledge base: the tagging vocabulary. */
  objectives: { kb: KnowledgeBase };
  /** Concern counts by objective for a digest's period. */
  concernCounts?: ConcernCountsProvider;
  /** Each workspace's default digest time ("HH:MM"), for `/digest subscribe` without one; the environment's otherwise. */
  settings?: { forWorkspace(workspaceId: string): Promise<{ digestTime: string | null }> };
}

const USER_AGENT = "localism-bot/0.1 (minutes digests for CCG staff)";

export async function createMinutes(core: SharedCore, input: MinutesDependencies): Promise<MinutesFeature> {
  const { config, clock, logger } = core;
  const { db } = core.database;
  const sourcesRepository = new SourceRepository(db);
  const documents = new DocumentRepository(db);
  const reader = new MinutesReader(db);
  // Documents stored before search was kept in the database are indexed once, by whichever instance starts first.
  const indexed = await new MinutesSearchRepository(db, core.database.provider).indexUnindexed();
  if (indexed > 0) logger.info(`Made ${indexed} stored minutes documents searchable`);

  const fetcher = new HttpFetcher({ ...config.minutes.fetch, userAgent: USER_AGENT });
  const ingester = new DocumentIngester({
    documents,
    vocabulary: taggingVocabularyFrom(input.objectives.kb),
    clock,
  });
  const sourceReader = new SourceReader({ documents, ingester, fetcher });
  const poller = new SourcePoller({
    sources: sourcesRepository,
    reader: sourceReader,
    fetcher,
    clock,
    logger,
    pollIntervalMs: config.minutes.pollIntervalMs,
    onPaused: async (source, reason, at) => {
      if (!source.addedBy) return;
      const { sourcePausedNotice } = await import("./slack/views/digest-sources");
      const notice = sourcePausedNotice(source, reason);
      // Sent by the bot's outbox sender, whichever process paused the source (the bot, or `localism`).
      await new OutboxRepository(db).enqueue(
        { key: `source-paused:${source.id}:${at.getTime()}`, channelId: source.addedBy, ...notice },
        at,
      );
    },
  });
  const sources = new SourcesService({ sources: sourcesRepository, poller, clock });
  const pollJob = new MinutesPollJob({
    sources: sourcesRepository,
    poller,
    leases: new LeaseRepository(db),
    clock,
    logger,
  });

  const renderer = createDigestRenderer(
    new Map(input.objectives.kb.objectives.map((objective) => [objective.number, objective.title])),
  );
  const claims = new ClaimRepository(db);
  const builder = new DigestBuilder({
    reader,
    claims,
    renderer,
    ...(input.concernCounts ? { concernCounts: input.concernCounts } : {}),
  });
  const subscriptions = new SubscriptionRepository(db);
  const pauses = new PauseRepository(db);
  const digests = new DigestService({
    subscriptions,
    claims,
    reader,
    builder,
    clock,
    logger,
  });

  const pollRunner = new RepeatingJob(
    "minutes-poll",
    config.minutes.digestCheckIntervalMs,
    async () => void (await pollJob.runOnce()),
    logger,
  );

  const feature: MinutesFeature = {
    digests,
    sources,
    reader,
    ingest: (target) => ingestOneOff(target, { fetcher, reader: sourceReader }),
    home: async (workspaceId) => ({
      subscriptions: await digests.inWorkspace(workspaceId),
      recent: await reader.recentlyStored(3),
    }),
    pollJob,
    digestJob: null,
    homeSection: async (workspaceId) => {
      const [{ digestHomeBlocks }, summary] = await Promise.all([
        import("./slack/views/digest-home"),
        feature.home(workspaceId),
      ]);
      return digestHomeBlocks(summary, clock.now());
    },
    workspaceUninstalled: async (workspaceId) => {
      let paused = 0;
      for (const subscription of await subscriptions.inWorkspace(workspaceId)) {
        if (subscription.pausedAt) continue;
        if (await pauses.pauseForChannelError(subscription.id, APP_NOT_INSTALLED, clock.now())) paused++;
      }
      if (paused > 0) logger.info(`Paused ${paused} digest subscription(s) of ${workspaceId}: the app was uninstalled`);
      return paused;
    },
    workspaceInstalled: async (workspaceId) => {
      let resumed = 0;
      for (const subscription of await subscriptions.inWorkspace(workspaceId)) {
        if (subscription.pausedAt && subscription.pausedReason === APP_NOT_INSTALLED) {
          await digests.resume(subscription);
          resumed++;
        }
      }
      if (resumed > 0) logger.info(`Resumed ${resumed} digest subscription(s) of ${workspaceId}: the app is installed`);
      return resumed;
    },
    register: async (app, clients) => {
      const { registerMinutesSlack } = await import("./slack/wiring");
      const registered = registerMinutesSlack(app, {
        config,
        clients,
        db,
        digests,
        sources,
        renderer,
        clock,
        logger,
        defaultDigestTime: async (workspaceId) =>
          input.settings
            ? (await input.settings.forWorkspace(workspaceId)).digestTime
            : config.minutes.defaultDigestTime,
      });
      feature.digestJob = registered.digestJob;
      return [pollRunner, ...registered.jobs];
    },
  };
  return feature;
}
