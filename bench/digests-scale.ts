/**
 * How ingestion and digest building grow: the time to parse, tag, store and index N minutes
 * documents, and to claim and render the digests of N subscriptions (each with 20 new documents,
 * outbox rows written, nothing posted), for N = 100, 1,000 and 10,000, with each run's memory peak.
 * Each measurement runs in a fresh process on a fresh, migrated SQLite database. Fetching is not
 * timed (it depends on the publisher's server); Slack posting is not timed (it is paced at one
 * message per second per channel by design).
 *
 *   npx tsx bench/digests-scale.ts [--sizes 100,1000,10000]
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "../src/storage/database";
import { migrateDatabase } from "../src/storage/migrate";
import { type PhaseResult, runPhase } from "./digests-workload";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "100,1000,10000" },
    phase: { type: "string" },
    n: { type: "string" },
    db: { type: "string" },
  },
});

if (values.phase && values.n && values.db) {
  const result = await runPhase(values.phase === "digests" ? "digests" : "ingest", Number(values.n), values.db);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  await main(values.sizes.split(",").map(Number));
}

async function main(sizes: number[]): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "localism-bench-"));
  const template = path.join(dir, "template.db");
  const database = await openDatabase(`file:${template}`);
  await migrateDatabase(`file:${template}`, "sqlite", database.db);
  await database.close();
  console.log(`Minutes and digests at scale (SQLite, Node ${process.version})\n`);
  try {
    for (const phase of ["ingest", "digests"] as const) {
      console.log(
        phase === "ingest"
          ? "Ingest and tag N minutes documents (parse, tag, store, index):"
          : "Build digests for N subscriptions (claim, compose, render, write outbox):",
      );
      const results: PhaseResult[] = [];
      for (const n of sizes) {
        const file = path.join(dir, `${phase}-${n}.db`);
        copyFileSync(template, file);
        const output = execFileSync(
          process.execPath,
          [
            "--expose-gc",
            "--import",
            "tsx",
            import.meta.filename,
            "--phase",
            phase,
            "--n",
            String(n),
            "--db",
            `file:${file}`,
          ],
          { encoding: "utf8", maxBuffer: 1 << 20 },
        );
        const result = JSON.parse(output.trim().split("\n").at(-1) ?? "{}") as PhaseResult;
        results.push(result);
        console.log(row(result, results[0]));
      }
      console.log("");
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function row(result: PhaseResult, first: PhaseResult | undefined): string {
  const perItem = result.ms / result.n;
  const growth =
    first && first !== result ? `  x${(result.ms / first.ms).toFixed(1)} time for x${result.n / first.n} N` : "";
  return `  N=${String(result.n).padStart(6)}  ${(result.ms / 1000).toFixed(2).padStart(8)} s  ${perItem.toFixed(2).padStart(7)} ms each  peak RSS ${result.peakRssMb.toFixed(0).padStart(5)} MB  peak heap ${result.peakHeapMb.toFixed(0).padStart(5)} MB${growth}\n           ${result.detail}`;
}
