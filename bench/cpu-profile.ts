/** CPU profiles of this process's main thread, taken around a stretch of a benchmark, and their summary. */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Starts the profiler; `stop` writes the profile (for Chrome's DevTools or speedscope) and returns it. */
export async function startProfile(): Promise<{ stop(file: string): Promise<CpuProfile> }> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 500 });
  await session.post("Profiler.start");
  return {
    async stop(file) {
      const { profile } = (await session.post("Profiler.stop")) as unknown as { profile: CpuProfile };
      session.disconnect();
      writeFileSync(file, JSON.stringify(profile));
      return profile;
    },
  };
}

/** What a frame is counted under: its npm package, a Node internal module, or a file of the repository. */
function groupOf(node: ProfileNode): string {
  const url = node.callFrame.url;
  if (!url) return `(${node.callFrame.functionName || "native"})`;
  const packages = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/g);
  if (packages) return (packages[packages.length - 1] ?? url).replace("node_modules/", "");
  if (url.startsWith("node:")) return url;
  const own = url.match(/\/((?:src|bench|packages)\/.*)$/);
  return own?.[1] ?? url;
}

/**
 * Self time (where the samples landed) and inclusive time (samples with the group anywhere on the
 * stack) by package or file, as shares of the profile, the largest `top` of each.
 */
export function summarise(profile: CpuProfile, top = 20): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    total += dt;
    const node = byId.get(id);
    if (!node) return;
    const group = groupOf(node);
    self.set(group, (self.get(group) ?? 0) + dt);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at);
      if (!frame) break;
      const name = groupOf(frame);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + dt);
    }
  });
  const lines = (title: string, shares: Map<string, number>) => [
    title,
    ...[...shares]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => `  ${((100 * us) / total).toFixed(1).padStart(5)}%  ${name}`),
  ];
  return [`${(total / 1000).toFixed(0)} ms sampled`, ...lines("self:", self), ...lines("inclusive:", inclusive)].join(
    "\n",
  );
}

export function profileFile(dir: string, name: string): string {
  return path.join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, "-")}.cpuprofile`);
}
