import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { BotMetrics, ReadGauge, renderText } from "../src/ops/metrics";

function observed(): BotMetrics {
  const metrics = new BotMetrics();
  metrics.requests.inc({ surface: "slash_command", outcome: "acked" });
  metrics.requests.inc({ surface: "slash_command", outcome: "acked" });
  metrics.requests.inc({ surface: "event", outcome: "refused" });
  metrics.ackSeconds.observe({ surface: "slash_command" }, 0.04);
  metrics.ackSeconds.observe({ surface: "slash_command" }, 2.5);
  metrics.apiCalls.inc({ method: "chat.postMessage", outcome: 'odd"label\\' });
  metrics.addReadGauge(
    new ReadGauge("localism_concerns", "Concerns by status", async () => [{ labels: { status: "new" }, value: 3 }]),
  );
  return metrics;
}

describe("the metrics' text format", () => {
  it("has cumulative histogram buckets, a sum and a count", async () => {
    const text = await renderText(observed().all());
    expect(text).toContain('localism_slack_requests_total{surface="slash_command",outcome="acked"} 2');
    expect(text).toContain('localism_slack_ack_seconds_bucket{surface="slash_command",le="0.05"} 1');
    expect(text).toContain('localism_slack_ack_seconds_bucket{surface="slash_command",le="3"} 2');
    expect(text).toContain('localism_slack_ack_seconds_bucket{surface="slash_command",le="+Inf"} 2');
    expect(text).toContain('localism_slack_ack_seconds_count{surface="slash_command"} 2');
    expect(text).toContain('localism_slack_api_calls_total{method="chat.postMessage",outcome="odd\\"label\\\\"} 1');
    expect(text).toContain('localism_concerns{status="new"} 3');
  });

  it.runIf(canLoad("prom-client"))("is what prom-client's registry writes for the same metrics", async () => {
    const client = createRequire(import.meta.url)("prom-client") as {
      Registry: new () => { registerMetric(metric: unknown): void; metrics(): Promise<string> };
    };
    const metrics = observed();
    const registry = new client.Registry();
    for (const metric of metrics.all()) registry.registerMetric(metric);
    const lines = (text: string) => text.split("\n").filter((line) => line.trim() !== "");
    expect(lines(await registry.metrics())).toEqual(lines(await renderText(metrics.all())));
  });
});

function canLoad(name: string): boolean {
  try {
    createRequire(import.meta.url).resolve(name);
    return true;
  } catch {
    return false;
  }
}
