import type { App } from "@slack/bolt";
import type { Clock } from "../../../clock";
import type { Config } from "../../../config";
import { RepeatingJob } from "../../../jobs/repeating-job";
import type { Logger } from "../../../logger";
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
import { createPostingClient, defaultPosterTiming, WebApiPoster } from "./web-api-poster";

export interface MinutesSlackParts {
  config: Config & { slack: NonNullable<Config["slack"]> };
  db: Db;
  digests: DigestService;
  sources: SourcesService;
  renderer: ReturnType<typeof createDigestRenderer>;
  clock: Clock;
  logger: Logger;
  concernCounts?: ConcernCountsProvider;
}

/** The Slack side of digests: posting through the outbox, the digest job, and `/digest`. */
export function registerMinutesSlack(
  app: App,
  parts: MinutesSlackParts,
): { digestJob: DigestJob; jobs: RepeatingJob[] } {
  const { config, db, digests, sources, renderer, clock, logger } = parts;
  const client = createPostingClient(config.slack.botToken, config.slack.apiUrl, logger, config.minutes.postTimeoutMs);
  const poster = new WebApiPoster(client, { ...defaultPosterTiming, logger });
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
    directory: new WebApiDirectory(client),
    onQueued: () => runner.nudge(),
  });
  registerDigestCommand(app, { minutes: { commands }, logger });
  return { digestJob, jobs: [runner] };
}
