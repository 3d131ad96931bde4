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
    let runs = 0;
    let ran: () => void = () => undefined;
    const job = new RepeatingJob(
      "outbox",
      3_600_000,
      async () => {
        runs++;
        if (runs === 1) job.runAfter(10);
        ran();
      },
      new Logger("error"),
      3_600_000,
    );
    const second = new Promise<void>((resolve) => {
      ran = () => runs === 2 && resolve();
    });
    job.start();
    await job.runNow();
    await second;
    expect(runs).toBe(2);
    await job.stop();
    job.runAfter(0);
    // Nothing is to happen: give a timer left behind the time to fire.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(runs).toBe(2);
  });

  it("keeps a run asked for later than the one already due, for after that one", async () => {
    let runs = 0;
    let ran: () => void = () => undefined;
    const job = new RepeatingJob(
      "outbox",
      3_600_000,
      async () => {
        runs++;
        ran();
      },
      new Logger("error"),
      5,
    );
    const second = new Promise<void>((resolve) => {
      ran = () => runs === 2 && resolve();
    });
    job.start();
    job.runAfter(40);
    await second;
    expect(runs).toBe(2);
    await job.stop();
  });
});
