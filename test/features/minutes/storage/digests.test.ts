import { afterEach, describe, expect, it } from "vitest";
import { type ClaimInput, ClaimRepository } from "../../../../src/features/minutes/storage/claims";
import { OutboxRepository } from "../../../../src/features/minutes/storage/outbox";
import { PauseRepository } from "../../../../src/features/minutes/storage/pause";
import { SourceRepository } from "../../../../src/features/minutes/storage/sources";
import { SubscriptionRepository } from "../../../../src/features/minutes/storage/subscriptions";
import { type Database, openDatabase } from "../../../../src/storage/database";
import { LeaseRepository } from "../../../../src/storage/leases";
import { freshDatabaseUrl, type Provider } from "../../../support/databases";

const providers: Provider[] = ["sqlite", "postgres"];
const now = new Date("2026-03-23T09:00:00Z");
const schedule = { frequency: "weekly" as const, weekday: 1, time: "09:00", timeZone: "Europe/London" };

describe.each(providers)("digest claims, outbox and leases on %s", (provider) => {
  let database: Database;
  afterEach(() => database?.close());

  async function setUp() {
    database = await openDatabase(await freshDatabaseUrl(provider));
    const subscriptions = new SubscriptionRepository(database.db);
    const { subscription } = await subscriptions.subscribe({
      workspaceId: "T0LOCAL",
      channelId: "C0COMMISS",
      schedule,
      quietNotes: false,
      subscriberId: "U0STAFF01",
      coveredFrom: new Date("2026-03-16T09:00:00Z"),
      now: new Date("2026-03-18T10:00:00Z"),
    });
    return {
      subscriptions,
      subscription,
      claims: new ClaimRepository(database.db),
      outbox: new OutboxRepository(database.db),
    };
  }

  const claimInput = (subscriptionId: number, claimedBy: string): ClaimInput => ({
    subscriptionId,
    periodKey: "2026-W12",
    periodStart: new Date("2026-03-16T09:00:00Z"),
    periodEnd: now,
    runAt: now,
    claimedBy,
    now,
    documents: 1,
    drafts: [
      { key: "digest:1:2026-W12:part-0", channelId: "C0COMMISS", text: "Minutes digest", blocks: [], entries: [] },
      {
        key: "digest:1:2026-W12:part-1",
        channelId: "C0COMMISS",
        text: "continued",
        blocks: [],
        threadParentIndex: 0,
        entries: [],
      },
    ],
  });

  it("lets exactly one of several simultaneous claims on a period win, with its messages", async () => {
    const { subscription, claims, outbox, subscriptions } = await setUp();
    const results = await Promise.all(
      ["a", "b", "c", "d"].map((holder) => claims.claim(claimInput(subscription.id, holder))),
    );
    expect(results.filter((id) => id !== null)).toHaveLength(1);
    const due = await outbox.due(now);
    expect(due.map((message) => [message.key, message.thread])).toEqual([
      ["digest:1:2026-W12:part-0", null],
      ["digest:1:2026-W12:part-1", "pending"],
    ]);
    expect(await subscriptions.get(subscription.id)).toMatchObject({ lastRunAt: now, coveredUntil: now });
  });

  it("lets one sender at a time take a message; a lapsed lock can be taken again; a sent one never", async () => {
    const { subscription, claims, outbox } = await setUp();
    const claimId = await claims.claim(claimInput(subscription.id, "a"));
    const [first] = await outbox.due(now);
    const until = new Date(now.getTime() + 120_000);
    const taken = await Promise.all([outbox.lock(first!.id, "a", now, until), outbox.lock(first!.id, "b", now, until)]);
    expect(taken.filter(Boolean)).toHaveLength(1);
    expect(await outbox.lock(first!.id, "c", new Date(now.getTime() + 60_000), until)).toBe(false);
    expect(await outbox.lock(first!.id, "c", until, new Date(until.getTime() + 120_000))).toBe(true);
    await outbox.markSent(first!.id, "1795446988.436000", until);
    expect(
      await outbox.lock(first!.id, "d", new Date(until.getTime() + 999_999), new Date(until.getTime() + 9_999_999)),
    ).toBe(false);
    const [reply] = await outbox.due(until);
    expect(reply?.thread).toEqual({ ts: "1795446988.436000" });
    await outbox.markSent(reply!.id, "1795446989.000000", until);
    expect(await claims.latest(subscription.id)).toMatchObject({ id: claimId, status: "posted" });
  });

  it("offers the messages behind a long run held by a live sender, and a dead sender's messages first", async () => {
    const { outbox } = await setUp();
    for (let i = 0; i < 14; i++)
      await outbox.enqueue({ key: `dm:${i}`, channelId: "U0STAFF01", text: `message ${i}`, blocks: [] }, now);
    const queued = await outbox.due(now, 20);
    const until = new Date(now.getTime() + 120_000);
    for (const message of queued.slice(0, 12)) expect(await outbox.lock(message.id, "live", now, until)).toBe(true);

    const free = await outbox.due(now, 5);
    expect(free.map((message) => message.key)).toEqual(["dm:12", "dm:13"]);
    const afterDeath = await outbox.due(now, 5, (holder) => holder === "live");
    expect(afterDeath.map((message) => message.key)).toEqual(["dm:0", "dm:1", "dm:2", "dm:3", "dm:4"]);
  });

  it("pauses a subscription, dropping its unsent messages and offering their minutes again after it resumes", async () => {
    const { subscription, claims, outbox, subscriptions } = await setUp();
    await claims.claim(claimInput(subscription.id, "a"));
    const paused = await new PauseRepository(database.db).pauseForChannelError(subscription.id, "is_archived", now);
    expect(paused).toMatchObject({ pausedReason: "is_archived", coveredUntil: new Date("2026-03-16T09:00:00Z") });
    expect(await new PauseRepository(database.db).pauseForChannelError(subscription.id, "is_archived", now)).toBeNull();
    expect(await outbox.due(now)).toEqual([]);
    expect(await claims.latest(subscription.id)).toMatchObject({ status: "failed" });
    expect(await subscriptions.active()).toEqual([]);
    await subscriptions.resume(subscription.id);
    expect(await subscriptions.active()).toHaveLength(1);
  });

  it("keeps a subscription's narrowing and muted sources; a removed source is unmuted with it", async () => {
    const { subscriptions, subscription } = await setUp();
    const sources = new SourceRepository(database.db);
    const { source: first } = await sources.add("https://www.gov.uk/a.atom", null, now);
    const { source: second } = await sources.add("https://www.gov.uk/b.atom", null, now);
    expect(subscription).toMatchObject({ filter: { objectives: [], autonomyOnly: false }, mutedSources: [] });

    expect(await subscriptions.mute(subscription.id, second.id, "U0STAFF01", now)).toBe("muted");
    expect(await subscriptions.mute(subscription.id, first.id, "U0STAFF01", now)).toBe("muted");
    expect(await subscriptions.mute(subscription.id, first.id, "U0STAFF01", now)).toBe("already-muted");
    expect(await subscriptions.mute(subscription.id, 999, "U0STAFF01", now)).toBe("no-source");
    const { subscription: narrowed } = await subscriptions.subscribe({
      workspaceId: "T0LOCAL",
      channelId: "C0COMMISS",
      schedule,
      quietNotes: false,
      filter: { objectives: [1, 3], autonomyOnly: true },
      subscriberId: "U0STAFF01",
      coveredFrom: now,
      now,
    });
    expect(narrowed).toMatchObject({
      filter: { objectives: [1, 3], autonomyOnly: true },
      mutedSources: [first.id, second.id],
    });
    expect((await subscriptions.active())[0]?.mutedSources).toEqual([first.id, second.id]);

    expect(await subscriptions.unmute(subscription.id, first.id)).toBe("unmuted");
    expect(await subscriptions.unmute(subscription.id, first.id)).toBe("not-muted");
    await sources.remove(second.id);
    expect(await subscriptions.get(subscription.id)).toMatchObject({ mutedSources: [] });
    expect(await subscriptions.unmute(subscription.id, second.id)).toBe("no-source");
  });

  it("holds a job lease for one process until it lapses or is released", async () => {
    database = await openDatabase(await freshDatabaseUrl(provider));
    const leases = new LeaseRepository(database.db);
    const results = await Promise.all(
      ["a", "b", "c"].map((holder) => leases.acquire("minutes-poll", holder, now, 60_000)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const holder = ["a", "b", "c"][results.indexOf(true)]!;
    const other = holder === "a" ? "b" : "a";
    expect(await leases.acquire("minutes-poll", other, new Date(now.getTime() + 30_000), 60_000)).toBe(false);
    expect(await leases.acquire("minutes-poll", other, new Date(now.getTime() + 60_000), 60_000)).toBe(true);
    await leases.release("minutes-poll", other);
    expect(await leases.acquire("minutes-poll", holder, new Date(now.getTime() + 61_000), 60_000)).toBe(true);
  });
});
