import type { App } from "@slack/bolt";
import type { Clock } from "../../../clock";
import type { Config } from "../../../config";
import { RepeatingJob } from "../../../jobs/repeating-job";
import type { Logger } from "../../../logger";
import type { WorkspaceClients } from "../../../slack/workspace-clients";
import type { Db } from "../../../storage/database";
import { DigestJob } from "../jobs/digest-job";
import { OutboxSender } from "../jobs/outbox-sender";
import { DigestCommands } from "../services/digest-commands";
import type { DigestService } from "../services/digest-service";
import type { ConcernCountsProvider } from "../services/ports";
import type { SourcesService } from "../services/sources-service";
import { OutboxRepository } from "../storage/outbox";
import { PauseRepository } from "../storage/pause";
import { registerDigestCommand } from "./listeners/digest-command";
import { WebApiDirectory } from "./slack-directory";
import type { createDigestRenderer } from "./views/digest";
import { defaultPosterTiming, WebApiPoster } from "./web-api-poster";

export interface MinutesSlackParts {
  config: Config;
  /** Each workspace's Slack client (its own bot token in install mode). */
  clients: WorkspaceClients;
  db: Db;
  digests: DigestService;
  sources: SourcesService;
  renderer: ReturnType<typeof createDigestRenderer>;
  clock: Clock;
  logger: Logger;
  concernCounts?: ConcernCountsProvider;
  /** The time `/digest subscribe` uses when it names none, in this workspace. */
  defaultDigestTime(workspaceId: string): Promise<string | null>;
}

/** The Slack side of digests: posting through the outbox, the digest job, and `/digest`. */
export function registerMinutesSlack(
  app: App,
  parts: MinutesSlackParts,
): { digestJob: DigestJob; jobs: RepeatingJob[] } {
  const { config, db, digests, sources, renderer, clock, logger, clients } = parts;
  const poster = new WebApiPoster(clients, { ...defaultPosterTiming, logger });
  const sender = new OutboxSender({
    outbox: new OutboxRepository(db),
    pauses: new PauseRepository(db),
    poster,
    renderer,
    clock,
    logger,
    holder: digests.instanceId,
  });
  const digestJob = new DigestJob({ digests, sender });
  const runner = new RepeatingJob(
    "digests",
    config.minutes.digestCheckIntervalMs,
    async () => void (await digestJob.runOnce()),
    logger,
  );
  const commands = new DigestCommands({
    digests,
    sources,
    directory: new WebApiDirectory(clients),
    onQueued: () => runner.nudge(),
  });
  registerDigestCommand(app, { minutes: { commands }, defaultDigestTime: parts.defaultDigestTime, logger });
  return { digestJob, jobs: [runner] };
}
