import type { Server } from "node:http";
import type { App } from "@slack/bolt";
import type { Config } from "../config";
import type { Core } from "../core";
import type { RepeatingJob } from "../jobs/repeating-job";
import type { FrontDoorOps } from "../slack/front-door";
import { releaseHeldLeases } from "../storage/leases";
import { Drain } from "./drain";
import { listenToOps } from "./events";
import { BotMetrics, MetricsExposition, ReadGauge } from "./metrics";
import { startMetricsServer } from "./metrics-server";
import { countSlackApiCalls, prepareSlackApiCounting } from "./slack-api-metrics";

/** What the bot needs to stop cleanly. */
export interface Stoppable {
  jobs: RepeatingJob[];
  /** The front door (HTTP mode). */
  server: Server | null;
  /** Bolt's app; stopped first in Socket Mode, so Slack sends new events to the other connections. */
  app: App;
  socketMode: boolean;
}

/**
 * Running as one of several instances: draining on shutdown, and metrics when METRICS_PORT is set.
 * The composition root wires it in with a few lines (the front door's hooks, Bolt's middleware).
 */
export class Ops {
  readonly drain = new Drain();
  readonly metrics: BotMetrics | null;
  private metricsServer: Server | null = null;
  private stopping: Promise<void> | undefined;
  private readonly stopListening: (() => void)[] = [];

  constructor(
    private readonly config: Config,
    private readonly core: Core,
  ) {
    this.metrics = config.ops.metrics ? new BotMetrics() : null;
    if (this.metrics) this.recordInto(this.metrics);
  }

  /** Before any Slack client is made: what must be in place for the metrics to see every Web API call. */
  static prepare(config: Config): void {
    if (config.ops.metrics) prepareSlackApiCounting();
  }

  readonly frontDoor: FrontDoorOps = {
    draining: () => this.drain.draining,
    requestStarted: () => {
      const finished = this.drain.requestStarted();
      return ({ surface, status, seconds }) => {
        finished();
        if (!this.metrics || !surface) return;
        this.metrics.requests.inc({ surface, outcome: outcomeOf(status) });
        if (status >= 200 && status < 300) this.metrics.ackSeconds.observe({ surface }, seconds);
      };
    },
  };

  registerWithBolt(app: App): void {
    app.use(this.drain.middleware);
  }

  /** Starts the metrics server, if configured; returns its port. */
  async start(): Promise<number | null> {
    const settings = this.config.ops.metrics;
    if (!settings || !this.metrics) return null;
    const started = await startMetricsServer({
      ...settings,
      exposition: new MetricsExposition(this.metrics),
      logger: this.core.logger,
    });
    this.metricsServer = started.server;
    return started.port;
  }

  /**
   * Stops taking work (readiness fails at once, new requests are turned away, Socket Mode
   * disconnects), waits a bounded time for requests and handlers in flight and for a job's run in
   * progress, gives back the job leases still held, and closes the servers and the database.
   */
  shutdown(parts: Stoppable): Promise<void> {
    this.stopping ??= this.stop(parts);
    return this.stopping;
  }

  private async stop(parts: Stoppable): Promise<void> {
    const { logger } = this.core;
    const deadline = Date.now() + this.config.ops.shutdownGraceMs;
    this.drain.begin();
    logger.info(
      `Stopping: taking no new work; waiting up to ${this.config.ops.shutdownGraceMs / 1000} s for work in flight`,
    );
    const jobsStopped = Promise.all(parts.jobs.map((job) => job.stop()));
    if (parts.socketMode)
      await parts.app.stop().catch((error: unknown) => logger.warn("Socket Mode did not close cleanly", error));
    if (!(await this.drain.idle(Math.max(0, deadline - Date.now())))) {
      const { requests, handlers } = this.drain.inFlight;
      logger.warn(`Stopping with ${requests} request(s) and ${handlers} handler(s) still in flight`);
    }
    const jobsDone = await Promise.race([
      jobsStopped.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), Math.max(0, deadline - Date.now())).unref()),
    ]);
    if (!jobsDone) logger.warn("Stopping while a scheduled job is still running; its lease is given back");
    await releaseHeldLeases(this.core.database.db).catch((error: unknown) =>
      logger.warn("Could not give back the job leases; they lapse on their own", error),
    );
    for (const stop of this.stopListening.splice(0)) stop();
    await Promise.all([parts.server, this.metricsServer].map((server) => (server ? closeServer(server) : undefined)));
    await this.core.close();
  }

  private recordInto(metrics: BotMetrics): void {
    this.stopListening.push(
      countSlackApiCalls(metrics),
      listenToOps({
        minutesPolled: ({ ok, documentOutcomes }) => {
          metrics.minutesPolls.inc({ outcome: ok ? "ok" : "failed" });
          for (const outcome of documentOutcomes) metrics.minutesDocuments.inc({ outcome });
        },
        digestMessage: (outcome) => metrics.digests.inc({ outcome }),
      }),
    );
    const db = this.core.database.db;
    metrics.addReadGauge(
      new ReadGauge("localism_concerns", "Concerns by status (read from the database at each scrape)", async () => {
        const rows = await db.concern.groupBy({ by: ["status"], _count: { _all: true } });
        return rows.map((row) => ({ labels: { status: row.status }, value: row._count._all }));
      }),
    );
  }
}

function outcomeOf(status: number): string {
  if (status >= 200 && status < 300) return "acked";
  if (status === 503) return "refused";
  if (status >= 400 && status < 500) return "rejected";
  return "failed";
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
