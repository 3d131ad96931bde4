export interface Summary {
  count: number;
  p50: number;
  p99: number;
  max: number;
  /** Requests per second over the whole run. */
  throughput: number;
  /** CPU time of the process under test per request, where measured. */
  cpuMs?: number;
  /** Main-thread garbage collection pauses per request, where measured. */
  gcMs?: number;
  /** The process's resident memory at the end of the run, in MB, where measured. */
  rssMb?: number;
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
  const gc = summary.gcMs === undefined ? "" : `  GC ${summary.gcMs.toFixed(3)} ms/req`;
  const rss = summary.rssMb === undefined ? "" : `  RSS ${summary.rssMb.toFixed(0)} MB`;
  return `  ${name.padEnd(16)} p50 ${summary.p50.toFixed(2).padStart(7)} ms  p99 ${summary.p99.toFixed(2).padStart(7)} ms  max ${summary.max.toFixed(1).padStart(7)} ms  ${summary.throughput.toFixed(0).padStart(6)} req/s${busy}${gc}${rss}`;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** "median (lowest to highest)" of a figure over rounds. */
export function medianAndRange(values: number[], digits = 2, unit = ""): string {
  if (values.length === 0) return "-";
  const fixed = (value: number) => `${value.toFixed(digits)}${unit}`;
  if (values.length === 1) return fixed(values[0] as number);
  return `${fixed(median(values))} (${fixed(Math.min(...values))} to ${fixed(Math.max(...values))})`;
}
