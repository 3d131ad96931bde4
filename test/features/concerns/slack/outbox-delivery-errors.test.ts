import { afterEach, describe, expect, it } from "vitest";
import {
  ConcernOutboxDelivery,
  type OutboxDeliveryDeps,
} from "../../../../src/features/concerns/slack/outbox-delivery";
import { Logger } from "../../../../src/logger";
import { LeaseRepository } from "../../../../src/storage/leases";
import { type ConcernFixture, concernFixture, LEAD, submission, WORKSPACE } from "../storage/setup";

describe("a concern message whose delivery fails outside Slack's answer", () => {
  let f: ConcernFixture;
  afterEach(() => f?.database.close());

  it("is backed off and counted, and the rest of the batch is still delivered", async () => {
    f = await concernFixture("sqlite");
    const created = await f.services.submissions.submit(submission());
    if (created.kind !== "created") throw new Error(created.kind);
    const { db } = f.database;
    const now = f.clock.now();
    await db.concernOutbox.deleteMany({});
    await f.storage.outbox.add(db, {
      workspaceId: WORKSPACE,
      concernId: created.concern.id,
      kind: "recusal",
      key: `recusal:${created.concern.id}:1`,
      payload: { leadId: LEAD, reason: "conflict" },
      at: now,
    });
    await f.storage.outbox.add(db, {
      workspaceId: WORKSPACE,
      concernId: "a-concern-purged-since",
      kind: "note",
      key: "note:a-concern-purged-since:2",
      payload: { note: "lead_reply", text: "Thanks", leadId: LEAD },
      at: now,
    });
    const logged: string[] = [];
    const deps = {
      outbox: f.storage.outbox,
      leases: new LeaseRepository(db),
      concerns: f.storage.reads,
      notices: {
        handling: async () => {
          throw new Error("the roster could not be read");
        },
      },
      clock: f.clock,
      logger: new Logger("debug", (line) => logged.push(line)),
      holder: "test-host/1/sender",
    } as unknown as OutboxDeliveryDeps;

    expect(await new ConcernOutboxDelivery(deps).runOnce()).toBe(1);

    const rows = await db.concernOutbox.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((row) => [row.kind, row.sentAt !== null, row.attempts, row.lockedBy])).toEqual([
      ["recusal", false, 1, null],
      ["note", true, 0, null],
    ]);
    expect(rows[0]?.nextAttemptAt.getTime()).toBeGreaterThan(now.getTime());
    expect(logged.join("\n")).toContain("Could not deliver a concern message (recusal");
    expect(logged.join("\n")).not.toContain(LEAD);
  });

  it("is taken up again by the next pass when a pass ended after claiming it, without waiting for the claim to lapse", async () => {
    f = await concernFixture("sqlite");
    const { db } = f.database;
    await f.storage.outbox.add(db, {
      workspaceId: WORKSPACE,
      concernId: "a-concern-purged-since",
      kind: "note",
      key: "note:a-concern-purged-since:1",
      payload: { note: "lead_reply", text: "Thanks", leadId: LEAD },
      at: f.clock.now(),
    });
    let reads = 0;
    const deps = {
      outbox: f.storage.outbox,
      leases: new LeaseRepository(db),
      concerns: {
        // The database connection is cut after the claim, as when the server restarts mid-pass.
        byIds: async (ids: Parameters<typeof f.storage.reads.byIds>[0]) => {
          if (++reads === 1) throw new Error("Connection terminated unexpectedly");
          return f.storage.reads.byIds(ids);
        },
      },
      clock: f.clock,
      logger: new Logger("error", () => {}),
      holder: "test-host/1/sender",
    } as unknown as OutboxDeliveryDeps;
    const delivery = new ConcernOutboxDelivery(deps);

    await expect(delivery.runOnce()).rejects.toThrow("Connection terminated");
    expect(await delivery.runOnce()).toBe(1);
    expect((await db.concernOutbox.findFirstOrThrow()).sentAt).not.toBeNull();
  });
});
