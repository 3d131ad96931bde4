import { createRequire } from "node:module";

/**
 * The bot's Prometheus metrics. Observations are counted here in plain objects (a few maps, no
 * dependency), so recording costs nothing worth measuring; prom-client is loaded on the first
 * scrape, to expose these beside its process metrics (memory, CPU, event loop, GC). Without
 * prom-client the same metrics are written in the text format by `renderText`.
 */

export type Surface = "slash_command" | "shortcut" | "action" | "view" | "event" | "options";

type Labels = Record<string, string>;
type MetricType = "counter" | "gauge" | "histogram";

/** One value of a metric as prom-client's registry formats it (`MetricValueWithName`). */
interface MetricValue {
  value: number;
  labels: Labels;
  metricName?: string;
}

interface MetricSnapshot {
  name: string;
  help: string;
  type: MetricType;
  values: MetricValue[];
  aggregator: "sum";
}

interface Collectable {
  readonly name: string;
  get(): Promise<MetricSnapshot>;
}

function key(labels: Labels): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));
}

export class CounterMetric implements Collectable {
  private readonly values = new Map<string, { labels: Labels; value: number }>();
  constructor(
    readonly name: string,
    private readonly help: string,
  ) {}
  inc(labels: Labels = {}, by = 1): void {
    const k = key(labels);
    const entry = this.values.get(k);
    if (entry) entry.value += by;
    else this.values.set(k, { labels, value: by });
  }
  value(labels: Labels = {}): number {
    return this.values.get(key(labels))?.value ?? 0;
  }
  async get(): Promise<MetricSnapshot> {
    const values = [...this.values.values()].map(({ labels, value }) => ({ labels, value }));
    return { name: this.name, help: this.help, type: "counter", values, aggregator: "sum" };
  }
}

/** A gauge whose values are read when scraped (e.g. from the database). */
export class ReadGauge implements Collectable {
  constructor(
    readonly name: string,
    private readonly help: string,
    private readonly read: () => Promise<MetricValue[]>,
  ) {}
  async get(): Promise<MetricSnapshot> {
    return { name: this.name, help: this.help, type: "gauge", values: await this.read(), aggregator: "sum" };
  }
}

export class HistogramMetric implements Collectable {
  private readonly series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
  constructor(
    readonly name: string,
    private readonly help: string,
    private readonly buckets: readonly number[],
  ) {}
  observe(labels: Labels, value: number): void {
    const k = key(labels);
    let entry = this.series.get(k);
    if (!entry) {
      entry = { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
      this.series.set(k, entry);
    }
    this.buckets.forEach((bound, index) => {
      if (value <= bound) (entry.counts[index] as number) += 1;
    });
    entry.sum += value;
    entry.count += 1;
  }
  async get(): Promise<MetricSnapshot> {
    const values: MetricValue[] = [];
    for (const { labels, counts, sum, count } of this.series.values()) {
      this.buckets.forEach((bound, index) => {
        values.push({
          metricName: `${this.name}_bucket`,
          labels: { ...labels, le: String(bound) },
          value: counts[index] ?? 0,
        });
      });
      values.push({ metricName: `${this.name}_bucket`, labels: { ...labels, le: "+Inf" }, value: count });
      values.push({ metricName: `${this.name}_sum`, labels, value: sum });
      values.push({ metricName: `${this.name}_count`, labels, value: count });
    }
    return { name: this.name, help: this.help, type: "histogram", values, aggregator: "sum" };
  }
}

/** Slack answers within 3 seconds or shows the person an error: the buckets crowd below that. */
const ACK_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5];

export class BotMetrics {
  readonly requests = new CounterMetric(
    "localism_slack_requests_total",
    "Requests from Slack by surface and outcome (acked, refused, rejected, failed)",
  );
  readonly ackSeconds = new HistogramMetric(
    "localism_slack_ack_seconds",
    "Seconds from a Slack request's arrival to its acknowledgement",
    ACK_BUCKETS,
  );
  readonly apiCalls = new CounterMetric(
    "localism_slack_api_calls_total",
    "Slack Web API calls by method and outcome (ok, or Slack's error code)",
  );
  readonly rateLimited = new CounterMetric(
    "localism_slack_rate_limited_total",
    "Times a Slack Web API call was rate limited and waited to retry",
  );
  readonly rateLimitWaitSeconds = new CounterMetric(
    "localism_slack_rate_limit_wait_seconds_total",
    "Seconds Slack told the bot to wait before retrying rate-limited calls",
  );
  readonly minutesDocuments = new CounterMetric(
    "localism_minutes_documents_total",
    "Minutes documents seen by polling, by outcome (new, changed, unchanged, failed...)",
  );
  readonly minutesPolls = new CounterMetric(
    "localism_minutes_source_polls_total",
    "Minutes sources polled, by outcome (ok, failed)",
  );
  readonly digests = new CounterMetric(
    "localism_digest_messages_total",
    "Digest messages (and their threaded replies) by outcome (posted, failed, retry)",
  );
  private readonly collectables: Collectable[] = [
    this.requests,
    this.ackSeconds,
    this.apiCalls,
    this.rateLimited,
    this.rateLimitWaitSeconds,
    this.minutesPolls,
    this.minutesDocuments,
    this.digests,
  ];

  /** A gauge read from somewhere else at each scrape (the concerns by status, from the database). */
  addReadGauge(gauge: ReadGauge): void {
    this.collectables.push(gauge);
  }

  all(): readonly Collectable[] {
    return this.collectables;
  }
}

/** The Prometheus text format (0.0.4) of these metrics alone, as prom-client writes it. */
export async function renderText(collectables: readonly Collectable[]): Promise<string> {
  const blocks: string[] = [];
  for (const metric of collectables) {
    const item = await metric.get();
    const lines = [`# HELP ${item.name} ${escapeHelp(item.help)}`, `# TYPE ${item.name} ${item.type}`];
    for (const value of item.values) {
      const labels = Object.entries(value.labels).map(([name, text]) => `${name}="${escapeLabel(text)}"`);
      lines.push(`${value.metricName ?? item.name}${labels.length > 0 ? `{${labels.join(",")}}` : ""} ${value.value}`);
    }
    blocks.push(`${lines.join("\n")}\n`);
  }
  return blocks.join("\n");
}

function escapeHelp(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
}

function escapeLabel(text: string): string {
  return escapeHelp(text).replace(/"/g, '\\"');
}

export const TEXT_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

/** The part of prom-client used here (the module is optional, so its types are not imported). */
interface PromClientModule {
  Registry: new () => PromRegistry;
  collectDefaultMetrics(options: { register: PromRegistry }): void;
}
interface PromRegistry {
  registerMetric(metric: Collectable): void;
  metrics(): Promise<string>;
  readonly contentType: string;
}

/**
 * Writes the metrics for a scrape: with prom-client (loaded on the first scrape, with its default
 * process metrics) when it is installed, else in the same format without the process metrics.
 */
export class MetricsExposition {
  private registry: PromRegistry | null | undefined;

  constructor(private readonly metrics: BotMetrics) {}

  async scrape(): Promise<{ contentType: string; body: string; engine: "prom-client" | "built-in" }> {
    if (this.registry === undefined) this.registry = loadRegistry(this.metrics);
    if (this.registry) {
      return { contentType: this.registry.contentType, body: await this.registry.metrics(), engine: "prom-client" };
    }
    return { contentType: TEXT_CONTENT_TYPE, body: await renderText(this.metrics.all()), engine: "built-in" };
  }
}

function loadRegistry(metrics: BotMetrics): PromRegistry | null {
  let client: PromClientModule;
  try {
    client = createRequire(import.meta.url)("prom-client") as PromClientModule;
  } catch {
    return null;
  }
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  // Read gauges added later (after the first scrape) are not expected: they are added at start-up.
  for (const metric of metrics.all()) registry.registerMetric(metric);
  return registry;
}
