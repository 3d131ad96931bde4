import { describe, expect, it } from "vitest";
import { RepeatingJob } from "../../src/jobs/repeating-job";
import { Logger } from "../../src/logger";

describe("a repeating job", () => {
  it("never runs twice at once: a run asked for meanwhile follows the one in progress", async () => {
    let active = 0;
    let most = 0;
    let runs = 0;
    const job = new RepeatingJob(
      "test",
      3_600_000,
      async () => {
        active++;
        most = Math.max(most, active);
        await new Promise((resolve) => setTimeout(resolve, 20));
        runs++;
        active--;
      },
      new Logger("error"),
    );
    job.start();
    await Promise.all([job.runNow(), job.runNow(), job.runNow()]);
    expect(most).toBe(1);
    expect(runs).toBe(2);
    await job.stop();
  });

  it("keeps going after a failed run, logging it, and does nothing once stopped", async () => {
    const lines: string[] = [];
    let runs = 0;
    const job = new RepeatingJob(
      "flaky",
      3_600_000,
      async () => {
        runs++;
        throw new Error("database unavailable");
      },
      new Logger("error", (line) => lines.push(line)),
    );
    job.start();
    await job.runNow();
    await job.runNow();
    expect(runs).toBe(2);
    expect(lines.join("\n")).toContain("Job flaky failed; it will run again in 3600 s");
    await job.stop();
    await job.runNow();
    expect(runs).toBe(2);
  });

  it("runs again when asked to within a delay shorter than its interval, also when asked during a run", async () => {
    const counted = hourlyJobCountingRuns(3_600_000, (job, runs) => runs === 1 && job.runAfter(10));
    counted.job.start();
    await counted.job.runNow();
    await counted.secondRun;
    expect(counted.runs()).toBe(2);
    await counted.job.stop();
    counted.job.runAfter(0);
    // Nothing is to happen: give a timer left behind the time to fire.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(counted.runs()).toBe(2);
  });

  it("keeps a run asked for later than the one already due, for after that one", async () => {
    const counted = hourlyJobCountingRuns(5);
    counted.job.start();
    counted.job.runAfter(40);
    await counted.secondRun;
    expect(counted.runs()).toBe(2);
    await counted.job.stop();
  });
});

/** A job every hour (its first run after `firstRunAfterMs`) that counts its runs; `secondRun` resolves on the second. */
function hourlyJobCountingRuns(firstRunAfterMs: number, onRun: (job: RepeatingJob, runs: number) => void = () => {}) {
  let runs = 0;
  let ran: () => void = () => undefined;
  const secondRun = new Promise<void>((resolve) => {
    ran = () => runs === 2 && resolve();
  });
  const job: RepeatingJob = new RepeatingJob(
    "outbox",
    3_600_000,
    async () => {
      runs++;
      onRun(job, runs);
      ran();
    },
    new Logger("error"),
    firstRunAfterMs,
  );
  return { job, secondRun, runs: () => runs };
}
