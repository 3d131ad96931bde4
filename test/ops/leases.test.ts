import { afterEach, describe, expect, it } from "vitest";
import { LeaseRepository } from "../../src/storage/leases";
import { startTestBot, type TestBot } from "../support/bot";
import type { Provider } from "../support/databases";

/**
 * Two instances on one database: a lease held by an instance that stops is given back at once, so
 * the other takes the job over without waiting for the lease to lapse.
 */
describe.each<Provider>(["sqlite", "postgres"])("job leases when an instance stops (%s)", (provider) => {
  const bots: TestBot[] = [];
  afterEach(async () => {
    for (const bot of bots.splice(0)) await bot.close();
  });

  it("are given back, and another instance takes the job at once", async () => {
    const first = await startTestBot({ provider });
    bots.push(first);
    const second = await startTestBot({ provider, databaseUrl: first.databaseUrl });
    bots.push(second);
    const now = new Date();
    const hour = 60 * 60_000;
    const firstLeases = new LeaseRepository(first.bot.core.database.db);
    const secondLeases = new LeaseRepository(second.bot.core.database.db);
    expect(await firstLeases.acquire("minutes-poll", "first-instance", now, hour)).toBe(true);
    expect(await secondLeases.acquire("minutes-poll", "second-instance", now, hour)).toBe(false);

    await first.close();
    bots.splice(bots.indexOf(first), 1);
    expect(await secondLeases.acquire("minutes-poll", "second-instance", new Date(), hour)).toBe(true);
  });
});
