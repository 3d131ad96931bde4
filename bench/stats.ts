export interface Summary {
  count: number;
  p50: number;
  p99: number;
  max: number;
  /** Requests per second over the whole run. */
  throughput: number;
  /** CPU time of the process under test per request, where measured. */
  cpuMs?: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

export function summarise(latenciesMs: number[], elapsedMs: number): Summary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    throughput: (sorted.length / elapsedMs) * 1000,
  };
}

export function formatRow(name: string, summary: Summary): string {
  const busy = summary.cpuMs === undefined ? "" : `  CPU ${summary.cpuMs.toFixed(2)} ms/req`;
  return `  ${name.padEnd(16)} p50 ${summary.p50.toFixed(2).padStart(7)} ms  p99 ${summary.p99.toFixed(2).padStart(7)} ms  max ${summary.max.toFixed(1).padStart(7)} ms  ${summary.throughput.toFixed(0).padStart(6)} req/s${busy}`;
}
