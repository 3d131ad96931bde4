import { afterEach, describe, expect, it } from "vitest";
import { verifyChain } from "../../../../src/features/concerns/domain/audit-chain";
import { ConcernOutbox } from "../../../../src/features/concerns/storage";
import { CONFIRM_GRACE_MS } from "../../../../src/features/concerns/storage/outbox";
import { openDatabase } from "../../../../src/storage/database";
import { LeaseRepository } from "../../../../src/storage/leases";
import type { Provider } from "../../../support/databases";
import { type ConcernFixture, concernFixture, draft, LEAD, SOURCE, submission, WORKSPACE } from "./setup";

const providers: Provider[] = ["sqlite", "postgres"];

/** A concern raised with the default submission, and a lead's request to act on it. */
async function raisedConcern(fixture: ConcernFixture) {
  const created = await fixture.services.submissions.submit(submission());
  if (created.kind !== "created") throw new Error(created.kind);
  return { concern: created.concern, request: { workspaceId: WORKSPACE, leadId: LEAD, concernId: created.concern.id } };
}

describe.each(providers)("concern storage on %s", (provider) => {
  let f: ConcernFixture;
  afterEach(() => f?.database.close());

  it("numbers concerns per workspace and never reuses a number", async () => {
    f = await concernFixture(provider);
    const first = await f.services.submissions.submit(submission());
    const second = await f.services.submissions.submit(submission());
    const elsewhere = await f.services.submissions.submit(submission({ workspaceId: "T0OTHER" }));
    expect([first, second, elsewhere].map((r) => r.kind === "created" && r.concern.number)).toEqual([1, 2, 1]);
  });

  it("gives each of many simultaneous submissions its own number, and keeps the audit chain whole", async () => {
    f = await concernFixture(provider);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        f.services.submissions.submit(submission({ workspaceId: i % 2 ? "T0A" : "T0B" })),
      ),
    );
    const numbers = results.map((r) =>
      r.kind === "created" ? `${r.concern.workspaceId}:${r.concern.number}` : r.kind,
    );
    expect(new Set(numbers).size).toBe(12);
    const chain = await f.storage.audit.chain();
    expect(chain).toHaveLength(12);
    expect(verifyChain(chain)).toMatchObject({ ok: true, count: 12 });
  });

  it("stores one concern for a submission delivered twice at once", async () => {
    f = await concernFixture(provider);
    const same = submission();
    const [a, b] = await Promise.all([f.services.submissions.submit(same), f.services.submissions.submit(same)]);
    expect([a.kind, b.kind].sort()).toEqual(["created", "duplicate"]);
    expect(await f.storage.reads.list(WORKSPACE)).toHaveLength(1);
  });

  it("adds a second person who logs the same message as a supporter, once", async () => {
    f = await concernFixture(provider);
    const first = await f.services.submissions.submit(submission({ source: SOURCE }));
    const again = await f.services.submissions.submit(
      submission({ source: SOURCE, user: { id: "U0STAFF02", name: "Tom" } }),
    );
    const twice = await f.services.submissions.submit(
      submission({ source: SOURCE, user: { id: "U0STAFF02", name: "Tom" } }),
    );
    const self = await f.services.submissions.submit(submission({ source: SOURCE }));
    expect(first.kind).toBe("created");
    expect(again).toMatchObject({ kind: "supported", concern: { number: 1, supporterCount: 1 } });
    expect(twice.kind).toBe("already_raised");
    expect(self.kind).toBe("already_raised");
    expect(await f.storage.reads.list(WORKSPACE)).toHaveLength(1);
  });

  it("keeps a confidential reporter's source link only when asked, yet still recognises the message", async () => {
    f = await concernFixture(provider);
    const withoutLink = await f.services.submissions.submit(
      submission({ source: SOURCE, draft: draft({ identityMode: "confidential" }) }),
    );
    expect(withoutLink.kind === "created" && withoutLink.concern.source).toEqual({
      text: SOURCE.text,
      channelId: null,
      ts: null,
      threadTs: null,
      permalink: null,
      author: null,
    });
    const second = await f.services.submissions.submit(
      submission({ source: SOURCE, user: { id: "U0STAFF02", name: "Tom" } }),
    );
    expect(second.kind).toBe("supported");
    const other = { ...SOURCE, ts: "1772445600.000200" };
    const withLink = await f.services.submissions.submit(
      submission({ source: other, keepSourceLink: true, draft: draft({ identityMode: "confidential" }) }),
    );
    expect(withLink.kind === "created" && withLink.concern.source?.permalink).toBe(SOURCE.permalink);
  });

  it("moves a concern through its workflow once, however many leads press at the same moment", async () => {
    f = await concernFixture(provider);
    const { concern, request } = await raisedConcern(f);
    const results = await Promise.all([
      f.services.triage.act(request, "acknowledge"),
      f.services.triage.act(request, "acknowledge"),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    await f.services.triage.act(request, "note", "Raised with the regional director.");
    const resolved = await f.services.triage.act(request, "resolve", "The regional team withdrew the instruction.");
    expect(resolved).toMatchObject({
      ok: true,
      concern: { status: "resolved" },
      change: { from: "acknowledged", to: "resolved" },
    });
    const audit = await f.storage.audit.entriesFor(concern.id);
    expect(audit.map((e) => e.action)).toEqual(["submit", "acknowledge", "note", "resolve"]);
    expect(verifyChain(await f.storage.audit.chain()).ok).toBe(true);
  });

  it("never shows or changes another workspace's concern", async () => {
    f = await concernFixture(provider);
    const created = await f.services.submissions.submit(submission({ workspaceId: "T0OTHER" }));
    if (created.kind !== "created") throw new Error(created.kind);
    const result = await f.services.triage.act(
      { workspaceId: WORKSPACE, leadId: LEAD, concernId: created.concern.id },
      "acknowledge",
    );
    expect(result).toEqual({ ok: false, reason: expect.stringContaining("could not be found") });
    expect(await f.storage.reads.byNumber(WORKSPACE, 1)).toBeNull();
    expect((await f.storage.reads.byNumber("T0OTHER", 1))?.status).toBe("new");
  });

  it("claims a day's reminder for one process only", async () => {
    f = await concernFixture(provider);
    const { concern } = await raisedConcern(f);
    const claims = await Promise.all(
      [1, 2, 3].map(() => f.storage.reminders.claim(concern.id, "2026-03-04", new Date())),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    await f.storage.reminders.release(concern.id, "2026-03-04");
    expect(await f.storage.reminders.claim(concern.id, "2026-03-04", new Date())).toBe(true);
  });

  it("purges old resolved concerns and their audit entries, leaving a tombstone that verifies", async () => {
    f = await concernFixture(provider);
    const old = await f.services.submissions.submit(submission());
    const open = await f.services.submissions.submit(submission());
    if (old.kind !== "created" || open.kind !== "created") throw new Error("not created");
    const request = { workspaceId: WORKSPACE, leadId: LEAD, concernId: old.concern.id };
    await f.services.triage.act(request, "acknowledge");
    await f.services.triage.act(request, "resolve", "Sorted.");
    f.clock.advance(3 * 366 * 24 * 60 * 60 * 1000);
    const recent = await f.services.submissions.submit(submission());
    const plan = await f.services.retention.plan();
    expect(plan.purge.map((c) => c.number)).toEqual([1]);
    expect(plan.needsReview.map((c) => c.number)).toEqual([2]);
    // The resolution's DM is still owed (Slack never took it): it holds what the lead wrote. So is the
    // reporter's confirmation (card, confirmation, two status changes).
    expect(await f.database.db.concernOutbox.count({ where: { concernId: old.concern.id } })).toBe(4);
    const purged = await f.services.retention.purge();
    expect(purged.auditEntriesRemoved).toBe(3);
    expect(await f.database.db.concernOutbox.count({ where: { concernId: old.concern.id } })).toBe(0);
    expect(await f.database.db.concernOutbox.count({ where: { concernId: open.concern.id } })).toBe(2);
    expect((await f.storage.reads.list(WORKSPACE)).map((c) => c.number)).toEqual([2, 3]);
    const report = await f.services.audit.verify();
    expect(report.chain.ok).toBe(true);
    expect(report.altered).toEqual([]);
    expect((await f.storage.audit.chain()).at(-1)).toMatchObject({ action: "purge", purge: { concernCount: 1 } });
    expect(recent.kind).toBe("created");
    const next = await f.services.submissions.submit(submission());
    expect(next.kind === "created" && next.concern.number).toBe(4);
  });

  it("keeps a 40,000-character quoted message in full", async () => {
    f = await concernFixture(provider);
    const text = `${"The Board decided for us. ".repeat(1600)}`.slice(0, 40_000);
    const created = await f.services.submissions.submit(submission({ source: { ...SOURCE, text } }));
    const stored = await f.storage.reads.byNumber(WORKSPACE, created.kind === "created" ? created.concern.number : 0);
    expect(stored?.source?.text).toHaveLength(40_000);
    expect(stored?.source?.text).toBe(text);
  });
  it("stores an anonymous concern with no trace of who sent it, exactly as it reads back", async () => {
    f = await concernFixture(provider);
    const created = await f.services.submissions.submit(
      submission({ draft: draft({ identityMode: "anonymous" }), source: SOURCE, keepSourceLink: false }),
    );
    if (created.kind !== "created") throw new Error(created.kind);
    expect(created.receiptCode).toBeTruthy();
    const row = await f.database.db.concern.findUniqueOrThrow({ where: { id: created.concern.id } });
    expect([row.reporterUserId, row.reporterName, row.sourceAuthor, row.sourceChannelId]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(JSON.stringify(row)).not.toContain("U0STAFF01");
    // Owed nothing by DM: the outbox holds the card alone, naming nobody.
    const owed = await f.database.db.concernOutbox.findMany();
    expect(owed.map((entry) => entry.kind)).toEqual(["card"]);
    expect(JSON.stringify(owed)).not.toContain("U0STAFF01");
    expect(await f.storage.reads.byId(WORKSPACE, created.concern.id)).toEqual(created.concern);
    const [entry] = await f.storage.audit.entriesFor(created.concern.id);
    expect(entry).toMatchObject({ actor: "reporter:anonymous", action: "submit", to: "new" });
  });

  it("reads several concerns at once, each only in the workspace named with it", async () => {
    f = await concernFixture(provider);
    const mine = await f.services.submissions.submit(submission());
    const theirs = await f.services.submissions.submit(submission({ workspaceId: "T0OTHER" }));
    if (mine.kind !== "created" || theirs.kind !== "created") throw new Error("not created");
    const found = await f.storage.reads.byIds([
      { workspaceId: WORKSPACE, id: mine.concern.id },
      { workspaceId: WORKSPACE, id: theirs.concern.id },
      { workspaceId: WORKSPACE, id: "no-such-concern" },
    ]);
    expect([...found.keys()]).toEqual([mine.concern.id]);
    expect(found.get(mine.concern.id)).toEqual(mine.concern);
  });

  it("owes the reporter's confirmation DM at once when it cannot be shown where the concern was raised, and after its grace when it can", async () => {
    f = await concernFixture(provider);
    const fromHome = await f.services.submissions.submit(submission({ confirmableWhereRaised: false }));
    const fromChannel = await f.services.submissions.submit(
      submission({ user: { id: "U0STAFF02", name: "Tom" }, confirmableWhereRaised: true }),
    );
    if (fromHome.kind !== "created" || fromChannel.kind !== "created") throw new Error("not created");
    const now = f.clock.now();
    const later = new Date(now.getTime() + CONFIRM_GRACE_MS);
    // Held until well past the grace, so what is claimed now is not claimed again then.
    const held = new Date(later.getTime() + 60_000);
    const due = await f.storage.outbox.claimDue("host:1", now, held, () => false);
    expect(due.map((row) => row.key).sort()).toEqual(
      [
        `card:${fromHome.concern.id}`,
        `card:${fromChannel.concern.id}`,
        `confirm:${fromHome.concern.id}:U0STAFF01`,
      ].sort(),
    );
    const afterGrace = await f.storage.outbox.claimDue("host:1", later, held, () => false);
    expect(afterGrace.map((row) => row.key)).toEqual([`confirm:${fromChannel.concern.id}:U0STAFF02`]);
  });

  it("assigns a concern once when the same assignment arrives twice at once", async () => {
    f = await concernFixture(provider);
    const { request } = await raisedConcern(f);
    const results = await Promise.all([
      f.services.handling.assign(request, LEAD),
      f.services.handling.assign(request, LEAD),
    ]);
    expect(results.map((result) => result.ok && result.changed).sort()).toEqual([false, true]);
    const assignments = (await f.storage.audit.chain()).filter((entry) => entry.action === "assign");
    expect(assignments).toHaveLength(1);
  });

  it("owes each new concern's card once, claimed by one sender at a time until the claim lapses", async () => {
    f = await concernFixture(provider);
    const { concern } = await raisedConcern(f);
    const entry = { workspaceId: WORKSPACE, concernId: concern.id, kind: "card" as const, at: f.clock.now() };
    await f.storage.outbox.ensure(entry);
    // With the card, the named reporter's confirmation DM, due only after its grace.
    const confirmation = `confirm:${concern.id}:U0STAFF01`;
    expect(await f.storage.outbox.pending()).toMatchObject([{ key: `card:${concern.id}` }, { key: confirmation }]);
    await f.storage.outbox.settle(confirmation, f.clock.now());
    const now = f.clock.now();
    const until = new Date(now.getTime() + 60_000);
    const [claimed, ...more] = await f.storage.outbox.claimDue("host:1", now, until, () => false);
    expect(more).toEqual([]);
    expect(await f.storage.outbox.claimDue("host:2", now, until, () => false)).toEqual([]);
    const lapsed = new Date(until.getTime() + 1);
    const [taken] = await f.storage.outbox.claimDue("host:2", lapsed, new Date(lapsed.getTime() + 60_000), () => false);
    expect(taken?.id).toBe(claimed?.id);
    expect(await f.storage.outbox.posting(taken?.id ?? 0, "host:1", lapsed)).toBe(false);
    expect(await f.storage.outbox.posting(taken?.id ?? 0, "host:2", lapsed)).toBe(true);
    await f.services.triage.recordCard(concern.id, "C0TRIAGE", "1772445600.000200");
    await f.storage.outbox.sent(taken?.id ?? 0, { channelId: "C0TRIAGE", ts: "1772445600.000200" }, lapsed);
    expect(await f.storage.outbox.pending()).toEqual([]);
    await f.storage.outbox.ensure(entry);
    expect(await f.storage.outbox.pending()).toEqual([]);
    const shown = await f.storage.reads.byId(WORKSPACE, concern.id);
    expect(shown?.triage).toEqual({ channelId: "C0TRIAGE", ts: "1772445600.000200" });
  });
  it("owes a status change's DMs with the change itself, each claimed and added once among many senders", async () => {
    f = await concernFixture(provider);
    const { concern, request } = await raisedConcern(f);
    const pressed = await Promise.all([
      f.services.triage.act(request, "acknowledge"),
      f.services.triage.act(request, "acknowledge"),
    ]);
    expect(pressed.filter((result) => result.ok)).toHaveLength(1);
    const db = f.database.db;
    expect(await db.concernOutbox.count({ where: { kind: "status" } })).toBe(1);
    await f.storage.outbox.settle(`confirm:${concern.id}:U0STAFF01`, f.clock.now());

    const now = f.clock.now();
    const until = new Date(now.getTime() + 60_000);
    const senders = ["host/1/a", "host/2/b", "host/3/c", "host/4/d"];
    const claims = await Promise.all(
      senders.map((holder) => f.storage.outbox.claimDue(holder, now, until, () => false)),
    );
    const claimed = claims.flat();
    expect(claimed.map((row) => row.kind).sort()).toEqual(["card", "status"]);
    const status = claimed.find((row) => row.kind === "status");
    expect(status?.payload).toEqual({ from: "new", to: "acknowledged", note: null });

    // Two senders that both got as far as writing its DMs (one died after): each DM is owed once.
    const dm = {
      workspaceId: WORKSPACE,
      concernId: concern.id,
      kind: "dm" as const,
      key: `${status?.key}:U0STAFF01`,
      payload: { userId: "U0STAFF01", role: "reporter", text: "acknowledged", blocks: null },
      at: now,
    };
    await Promise.all([
      f.storage.outbox.expand(status?.id ?? 0, [dm], now),
      f.storage.outbox.expand(status?.id ?? 0, [dm], now),
    ]);
    expect(await db.concernOutbox.count({ where: { kind: "dm" } })).toBe(1);
    const dms = await Promise.all(senders.map((holder) => f.storage.outbox.claimDue(holder, now, until, () => false)));
    expect(dms.flat().map((row) => row.key)).toEqual([dm.key]);
    // Once sent, what it said and whom it was for are not kept in it.
    await f.storage.outbox.sent(dms.flat()[0]?.id ?? 0, { channelId: "D0STAFF01", ts: "1772445600.000300" }, now);
    expect(await db.concernOutbox.findMany({ where: { payload: { not: null } } })).toEqual([]);
  });

  it("hands each due row to one of several processes' senders, each row once, however they race", async () => {
    f = await concernFixture(provider);
    for (let i = 0; i < 12; i++) {
      const created = await f.services.submissions.submit(submission());
      if (created.kind !== "created") throw new Error(created.kind);
    }
    const others = await Promise.all([openDatabase(f.url), openDatabase(f.url), openDatabase(f.url)]);
    try {
      const outboxes = [f.storage.outbox, ...others.map((other) => new ConcernOutbox(other.db))];
      const now = f.clock.now();
      const until = new Date(now.getTime() + 60_000);
      const claimAll = () =>
        Promise.all(outboxes.map((outbox, i) => outbox.claimDue(`host/${i + 1}/x`, now, until, () => false, 4)));
      const first = await claimAll();
      const second = await claimAll();
      const keys = [...first, ...second].flat().map((row) => row.key);
      expect(keys).toHaveLength(12);
      expect(new Set(keys).size).toBe(12);
      // Each row is held by the sender it was handed to, until the time given.
      const held = await f.database.db.concernOutbox.findMany({
        select: { id: true, lockedBy: true, lockedUntil: true },
      });
      const handed = new Map(
        [...first, ...second].flatMap((rows, i) => rows.map((row) => [row.id, `host/${(i % 4) + 1}/x`] as const)),
      );
      // The rest (each named reporter's confirmation, due later) are nobody's yet.
      for (const row of held) {
        expect(row.lockedBy).toBe(handed.get(row.id) ?? null);
        expect(row.lockedUntil).toEqual(handed.has(row.id) ? until : null);
      }
      expect((await claimAll()).flat()).toEqual([]);
    } finally {
      await Promise.all(others.map((other) => other.close()));
    }
  });

  it("takes a dead sender's claim at once and remembers when its post began; a live sender's claim waits", async () => {
    f = await concernFixture(provider);
    await raisedConcern(f);
    const now = f.clock.now();
    const until = new Date(now.getTime() + 60_000);
    const [claimed] = await f.storage.outbox.claimDue("host/1/dead", now, until, () => false);
    const began = new Date(now.getTime() + 1_234);
    expect(await f.storage.outbox.posting(claimed?.id ?? 0, "host/1/dead", began)).toBe(true);
    const later = new Date(now.getTime() + 5_000);
    const alive = await f.storage.outbox.claimDue("host/2/b", later, new Date(later.getTime() + 60_000), () => false);
    expect(alive).toEqual([]);
    const [taken] = await f.storage.outbox.claimDue(
      "host/2/b",
      later,
      new Date(later.getTime() + 60_000),
      (holder) => holder === "host/1/dead",
    );
    expect(taken).toMatchObject({ id: claimed?.id, kind: "card", attempts: 0, leadsTold: false, payload: null });
    expect(taken?.postingAt).toEqual(began);
    // Written prepared, read back through Prisma as the same instants.
    const row = await f.database.db.concernOutbox.findUniqueOrThrow({ where: { id: claimed?.id ?? 0 } });
    expect(row).toMatchObject({
      lockedBy: "host/2/b",
      lockedUntil: new Date(later.getTime() + 60_000),
      postingAt: began,
    });
    await f.storage.outbox.sent(claimed?.id ?? 0, { channelId: "C0TRIAGE", ts: "1772445600.000400" }, later);
    expect(await f.database.db.concernOutbox.findUniqueOrThrow({ where: { id: claimed?.id ?? 0 } })).toMatchObject({
      sentAt: later,
      lockedBy: null,
      lockedUntil: null,
      ts: "1772445600.000400",
    });
  });

  it("gives a job's lease to one process at a time, to another once it lapses, and back when released", async () => {
    f = await concernFixture(provider);
    const other = await openDatabase(f.url);
    try {
      const mine = new LeaseRepository(f.database.db);
      const theirs = new LeaseRepository(other.db);
      const now = f.clock.now();
      const taken = await Promise.all([
        mine.acquire("job", "host/1/a", now, 60_000),
        theirs.acquire("job", "host/2/b", now, 60_000),
      ]);
      expect(taken.filter(Boolean)).toHaveLength(1);
      const [winner, loser] = taken[0] ? (["host/1/a", "host/2/b"] as const) : (["host/2/b", "host/1/a"] as const);
      expect(await mine.holderOf("job")).toBe(winner);
      expect(await f.database.db.jobLease.findUniqueOrThrow({ where: { name: "job" } })).toMatchObject({
        until: new Date(now.getTime() + 60_000),
      });
      expect(await mine.acquire("job", winner, new Date(now.getTime() + 1_000), 60_000)).toBe(true);
      expect(await theirs.acquire("job", loser, new Date(now.getTime() + 60_000), 60_000)).toBe(false);
      expect(await theirs.acquire("job", loser, new Date(now.getTime() + 61_000), 60_000)).toBe(true);
      await mine.release("job", winner);
      expect(await mine.holderOf("job")).toBe(loser);
      await theirs.release("job", loser);
      expect(await mine.holderOf("job")).toBeNull();
      expect(await mine.acquire("job", winner, now, 60_000)).toBe(true);
    } finally {
      await other.close();
    }
  });
});
