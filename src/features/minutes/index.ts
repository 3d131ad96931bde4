import type { App } from "@slack/bolt";
import type { SharedCore } from "../../core-types";
import { DigestBuilder } from "./services/digest-builder";
import { DigestCommands } from "./services/digest-commands";
import { DigestService } from "./services/digest-service";
import type { ConcernCountsProvider, SlackDirectory } from "./services/ports";
import { SourcesService } from "./services/sources-service";
import { taggingVocabularyFrom } from "./domain/kb-vocabulary";
import type { KnowledgeBase, SearchIndex } from "../objectives";
import { DocumentIngester, type IngestedDocument } from "./ingest/document-ingester";
import { HttpFetcher } from "./ingest/http-fetcher";
import { MinutesIndex } from "./ingest/minutes-index";
import { ingestOneOff } from "./ingest/one-off";
import { SourcePoller } from "./ingest/source-poller";
import { DigestJob } from "./jobs/digest-job";
import { MinutesPollJob } from "./jobs/minutes-poll-job";
import { OutboxSender } from "./jobs/outbox-sender";
import { RepeatingJob } from "../../jobs/repeating-job";
import { registerDigestCommand } from "./slack/listeners/digest-command";
import { createDigestRenderer } from "./slack/views/digest";
import { digestHomeBlocks } from "./slack/views/digest-home";
import { WebApiDirectory } from "./slack/slack-directory";
import { createPostingClient, defaultPosterTiming, WebApiPoster } from "./slack/web-api-poster";
import { ClaimRepository } from "./storage/claims";
import { OutboxRepository } from "./storage/outbox";
import { PauseRepository } from "./storage/pause";
import { SubscriptionRepository, type SubscriptionRecord } from "./storage/subscriptions";
import { LeaseRepository } from "../../storage/leases";
import { DocumentRepository } from "./storage/documents";
import { MinutesReader, type StoredMinutes } from "./storage/reader";
import { SourceRepository } from "./storage/sources";

export interface DigestHomeSummary {
  subscriptions: SubscriptionRecord[];
  recent: StoredMinutes[];
}

/** Published minutes: sources, ingestion, subscriptions and digests, with their jobs. */
export interface MinutesFeature {
  commands: DigestCommands;
  digests: DigestService;
  sources: SourcesService;
  reader: MinutesReader;
  ingest(target: string): Promise<IngestedDocument>;
  home(workspaceId: string): Promise<DigestHomeSummary>;
  /** Single runs, for the CLI and tests. */
  pollJob: MinutesPollJob;
  /** Null without Slack settings (the CLI), as digests can't be posted then. */
  digestJob: DigestJob | null;
  homeSection(workspaceId: string): Promise<ReturnType<typeof digestHomeBlocks>>;
  /** Registers `/digest` and returns the polling and digest jobs for the bot's job runner. */
  register(app: App): RepeatingJob[];
}

export interface MinutesDependencies {
  /** The objectives' knowledge base (the tagging vocabulary) and search index (stored minutes are answerable). */
  objectives: { kb: KnowledgeBase; index: SearchIndex };
  /** Concern counts by objective for a digest's period. */
  concernCounts?: ConcernCountsProvider;
}

const USER_AGENT = "localism-bot/0.1 (minutes digests for CCG staff)";

export async function createMinutes(core: SharedCore, input: MinutesDependencies): Promise<MinutesFeature> {
  const { config, clock, logger } = core;
  const { db } = core.database;
  const sourcesRepository = new SourceRepository(db);
  const documents = new DocumentRepository(db);
  const reader = new MinutesReader(db);
  const index = new MinutesIndex(input.objectives.index);
  for (const minutes of await reader.latestVersions()) index.put(minutes);

  const fetcher = new HttpFetcher({ ...config.minutes.fetch, userAgent: USER_AGENT });
  const ingester = new DocumentIngester({ documents, index, vocabulary: taggingVocabularyFrom(input.objectives.kb), clock });
  const poller = new SourcePoller({ sources: sourcesRepository, documents, ingester, fetcher, clock, logger, pollIntervalMs: config.minutes.pollIntervalMs });
  const sources = new SourcesService({ sources: sourcesRepository, poller, clock });
  const pollJob = new MinutesPollJob({ sources: sourcesRepository, poller, leases: new LeaseRepository(db), clock, logger });

  const renderer = createDigestRenderer(new Map(input.objectives.kb.objectives.map((objective) => [objective.number, objective.title])));
  const claims = new ClaimRepository(db);
  const builder = new DigestBuilder({ reader, claims, renderer, ...(input.concernCounts ? { concernCounts: input.concernCounts } : {}) });
  const digests = new DigestService({ subscriptions: new SubscriptionRepository(db), claims, reader, builder, clock, logger });

  const client = config.slack ? createPostingClient(config.slack.botToken, config.slack.apiUrl, logger) : null;
  const sender = client
    ? new OutboxSender({ outbox: new OutboxRepository(db), pauses: new PauseRepository(db), poster: new WebApiPoster(client, { ...defaultPosterTiming, logger }), renderer, clock, logger, holder: digests.instanceId })
    : null;
  const digestJob = sender ? new DigestJob({ digests, sender }) : null;
  const repeating = [
    new RepeatingJob("minutes-poll", config.minutes.digestCheckIntervalMs, async () => void (await pollJob.runOnce()), logger),
    ...(digestJob ? [new RepeatingJob("digests", config.minutes.digestCheckIntervalMs, async () => void (await digestJob.runOnce()), logger)] : []),
  ];
  const digestRunner = repeating[1];

  const feature: MinutesFeature = {
    commands: new DigestCommands({ digests, sources, directory: client ? new WebApiDirectory(client) : noSlack, onQueued: () => digestRunner?.nudge() }),
    digests,
    sources,
    reader,
    ingest: (target) => ingestOneOff(target, { fetcher, ingester }),
    home: async (workspaceId) => ({ subscriptions: await digests.inWorkspace(workspaceId), recent: await reader.recentlyStored(3) }),
    pollJob,
    digestJob,
    homeSection: async (workspaceId) => digestHomeBlocks(await feature.home(workspaceId), clock.now()),
    register: (app) => {
      registerDigestCommand(app, { minutes: feature, logger });
      return repeating;
    },
  };
  return feature;
}

const noSlack: SlackDirectory = {
  channelStatus: () => Promise.reject(new Error("Slack is not configured")),
  isWorkspaceAdmin: () => Promise.reject(new Error("Slack is not configured")),
};
