import { afterEach, describe, expect, it } from "vitest";
import { type AuditEntry, verifyChain } from "../../../../src/features/concerns/domain/audit-chain";
import { planAuditPurge } from "../../../../src/features/concerns/domain/audit-purge";
import type { AuditDraft, NewConcern } from "../../../../src/features/concerns/domain/records";
import { AuditLog } from "../../../../src/features/concerns/storage/audit-log";
import { AuditHeadMoved } from "../../../../src/features/concerns/storage/errors";
import type { NewOutboxEntry } from "../../../../src/features/concerns/storage/outbox";
import { insertConcern, newConcernRow, newlyStored, nextNumber } from "../../../../src/features/concerns/storage/rows";
import { fastStatements } from "../../../../src/storage/database";
import { statement, statementsIn, type Transaction } from "../../../../src/storage/fast-statements";
import type { Provider } from "../../../support/databases";
import { type ConcernFixture, concernFixture, SOURCE, submission, WORKSPACE } from "./setup";

const providers: Provider[] = ["sqlite", "postgres"];
type Kind = "prisma" | "prepared";
const KINDS: Kind[] = ["prisma", "prepared"];

const AT = new Date("2026-03-02T10:00:00.123Z");
const NOTE = "Spoke to “the board” — naïve 'quotes' \\ and\nlines";
const CUTOFF = new Date("2023-03-02T00:00:00.000Z");
const REMOVE_ENTRIES = statement(`DELETE FROM "ConcernAuditEntry" WHERE "concernRef" = ?`);

describe.each(providers)(
  "each statement of a concern's write path, in either kind of transaction, on %s",
  (provider) => {
    let f: ConcernFixture;
    afterEach(() => f?.database.close());

    const audit = () => new AuditLog(f.database.db, provider);

    /** `work` in a Prisma interactive transaction, or in a transaction of prepared statements on the driver. */
    function inTransaction<T>(kind: Kind, work: (tx: Transaction) => Promise<T>): Promise<T> {
      return kind === "prisma"
        ? f.database.db.$transaction((tx) => work(tx))
        : fastStatements(f.database.db).transaction(work);
    }

    /** A column's value as the database stores it, as text (SQLite compares dates as text). */
    async function storedText(table: string, column: string, key: string, value: string): Promise<string> {
      const place = provider === "sqlite" ? "?" : "$1";
      const [row] = await f.database.db.$queryRawUnsafe<Array<{ text: string }>>(
        `SELECT CAST("${column}" AS TEXT) AS "text" FROM "${table}" WHERE "${key}" = ${place}`,
        value,
      );
      return row?.text ?? "(no row)";
    }

    it("stores a concern's row identically through either, as Prisma reads it, numbering on from one to the other", async () => {
      f = await concernFixture(provider);
      const sparse = (id: string): NewConcern => ({
        id,
        workspaceId: WORKSPACE,
        whatHappened: "The regional team told us which provider to commission.",
        objective: "not_sure",
        body: "regional_team",
        impact: "low",
        reporter: { mode: "anonymous" },
        source: null,
        quoteChoice: null,
        sourceKey: null,
        submissionKey: `submission-${id}`,
        signposts: [],
        receiptHash: null,
        createdAt: AT,
        confirmableWhereRaised: true,
      });
      const full = (id: string): NewConcern => ({
        ...sparse(id),
        whatHappened: "Told “which provider” — naïvely, with 'quotes' and a \\ backslash.\nSecond line.",
        objective: 3,
        impact: "high",
        reporter: { mode: "confidential", userId: "U0STAFF01", name: "Priya Shah" },
        source: SOURCE,
        quoteChoice: "kept",
        sourceKey: `source-${id}`,
        signposts: ["patient_safety", "protected_disclosure"],
        receiptHash: "receipt-hash",
      });
      const numbers: number[] = [];
      for (const shape of [sparse, full]) {
        const read = [];
        for (const kind of KINDS) {
          const id = `${shape.name}-${kind}`;
          const row = await inTransaction(kind, async (tx) => {
            const statements = statementsIn(tx, provider);
            const stored = newConcernRow(shape(id), await nextNumber(statements, WORKSPACE));
            await insertConcern(statements, stored);
            return stored;
          });
          numbers.push(row.number);
          const { _count, recusals, ...expected } = newlyStored(row);
          const back = await f.database.db.concern.findUniqueOrThrow({ where: { id } });
          expect(back).toEqual(expected);
          expect(await storedText("Concern", "createdAt", "id", id)).toBe(
            await storedText("Concern", "createdAt", "id", `${shape.name}-prisma`),
          );
          const { id: _id, number: _number, submissionKey: _key, sourceKey: _source, ...rest } = back;
          read.push(rest);
        }
        expect(read[1]).toEqual(read[0]);
      }
      expect(numbers).toEqual([1, 2, 3, 4]);
    });

    it("stores an outbox row identically through either, and as Prisma's own create stores it (dates, nulls, JSON payload)", async () => {
      f = await concernFixture(provider);
      const payload = {
        from: "new",
        to: "resolved",
        note: "Changed: “the pathway” — naïve 'quotes' \\ and\nlines",
        nothing: null,
        nested: { list: [1, 2.5, "three", null, true], empty: {} },
      };
      for (const [shape, more] of [
        ["card", {}],
        ["status", { payload }],
      ] as const) {
        const entry = (key: string): NewOutboxEntry => ({
          workspaceId: WORKSPACE,
          concernId: "concern-1",
          kind: shape,
          at: AT,
          key,
          ...more,
        });
        for (const kind of KINDS) {
          await inTransaction(kind, (tx) => f.storage.outbox.add(tx, entry(`${shape}-${kind}`)));
        }
        await f.storage.outbox.ensure(entry(`${shape}-ensured`));
        const reference = entry(`${shape}-model`);
        await f.database.db.concernOutbox.create({
          data: {
            key: `${shape}-model`,
            workspaceId: reference.workspaceId,
            concernId: reference.concernId,
            kind: reference.kind,
            payload: reference.payload ? JSON.stringify(reference.payload) : null,
            createdAt: AT,
            nextAttemptAt: AT,
          },
        });
        const keys = ["prisma", "prepared", "ensured", "model"].map((how) => `${shape}-${how}`);
        const rows = await Promise.all(
          keys.map(async (key) => {
            const { id, key: _key, ...row } = await f.database.db.concernOutbox.findUniqueOrThrow({ where: { key } });
            return row;
          }),
        );
        for (const row of rows) expect(row).toEqual(rows[3]);
        expect(rows[0]).toMatchObject({ createdAt: AT, nextAttemptAt: AT, sentAt: null, lockedUntil: null });
        expect(rows[0]?.payload ? JSON.parse(rows[0].payload) : null).toEqual(shape === "status" ? payload : null);
        const texts = await Promise.all(keys.map((key) => storedText("ConcernOutbox", "createdAt", "key", key)));
        expect(new Set(texts).size).toBe(1);
      }
    });

    it("settles a confirmation, or makes it due now, as Prisma's own update stores the same change", async () => {
      f = await concernFixture(provider);
      const later = new Date(AT.getTime() + 120_000);
      const now = new Date("2026-03-02T10:00:30.456Z");
      const keys = ["settled", "settled-model", "due", "due-model", "tried", "posting"];
      for (const key of keys) {
        await f.storage.outbox.ensure({
          workspaceId: WORKSPACE,
          concernId: "concern-1",
          kind: "confirm",
          key,
          payload: { userId: "U0STAFF01", as: "reporter" },
          at: later,
        });
      }
      await f.database.db.concernOutbox.update({ where: { key: "tried" }, data: { attempts: 1 } });
      await f.database.db.concernOutbox.update({ where: { key: "posting" }, data: { postingAt: AT } });

      await f.storage.outbox.settle("settled", now);
      await f.database.db.concernOutbox.update({
        where: { key: "settled-model" },
        data: { sentAt: now, payload: null },
      });
      await f.storage.outbox.dueNow("due", now);
      await f.database.db.concernOutbox.update({ where: { key: "due-model" }, data: { nextAttemptAt: now } });
      // Neither touches a row already tried or being posted.
      await f.storage.outbox.dueNow("tried", now);
      await f.storage.outbox.settle("posting", now);

      const row = async (key: string) => {
        const { id, key: _key, ...rest } = await f.database.db.concernOutbox.findUniqueOrThrow({ where: { key } });
        return rest;
      };
      expect(await row("settled")).toEqual(await row("settled-model"));
      expect(await row("settled")).toMatchObject({ sentAt: now, payload: null, nextAttemptAt: later });
      expect(await row("due")).toEqual(await row("due-model"));
      expect(await row("due")).toMatchObject({ nextAttemptAt: now, sentAt: null });
      expect(await row("tried")).toMatchObject({ nextAttemptAt: later, attempts: 1 });
      expect(await row("posting")).toMatchObject({ sentAt: null });
      for (const [column, key] of [
        ["sentAt", "settled"],
        ["nextAttemptAt", "due"],
      ] as const) {
        expect(await storedText("ConcernOutbox", column, "key", key)).toBe(
          await storedText("ConcernOutbox", column, "key", `${key}-model`),
        );
      }
      // Due now means claimed by the next pass.
      const claimed = await f.storage.outbox.claimDue("holder", now, later, () => false);
      expect(claimed.map((claim) => claim.key)).toEqual(["due", "due-model"]);
    });

    it("stores audit entries identically through either, so one chain of both reads back as written and verifies", async () => {
      f = await concernFixture(provider);
      // Every field given: an entry read back has null where its draft had nothing.
      const drafts: AuditDraft[] = [
        { at: AT, actor: "system", action: "submit", from: null, to: null, note: null },
        { at: AT, actor: "lead:U0LEAD001", action: "acknowledge", from: "new", to: "acknowledged", note: null },
        { at: AT, actor: "lead:U0LEAD001", action: "note", from: null, to: null, note: NOTE },
      ];
      let written: AuditEntry[] = [];
      for (const draft of drafts) {
        for (const kind of KINDS) {
          written.push(await inTransaction(kind, (tx) => audit().append(tx, `concern-${kind}`, draft)));
        }
      }
      expect(await audit().chain()).toEqual(written);
      // A purge's tombstone carries its record as JSON.
      for (const kind of KINDS) {
        const plan = planAuditPurge(written, new Set([`concern-${kind}`]), { at: AT, cutoff: CUTOFF });
        if (!plan) throw new Error("Nothing to purge");
        await inTransaction(kind, async (tx) => {
          await audit().insert(tx, plan.tombstone);
          await statementsIn(tx, provider).run(REMOVE_ENTRIES, [`concern-${kind}`]);
        });
        written = plan.remaining;
      }
      const chain = await audit().chain();
      expect(chain).toEqual(written);
      expect(chain.filter((entry) => entry.action === "purge")).toHaveLength(2);
      expect(verifyChain(chain)).toMatchObject({ ok: true, count: written.length });
      // Stored as Prisma's own writes store the same instant.
      await f.database.db.slackRequestSeen.create({ data: { hash: "reference", expiresAt: AT } });
      const texts = await f.database.db.$queryRawUnsafe<Array<{ text: string }>>(
        `SELECT DISTINCT CAST("at" AS TEXT) AS "text" FROM "ConcernAuditEntry"`,
      );
      expect(texts).toEqual([{ text: await storedText("SlackRequestSeen", "expiresAt", "hash", "reference") }]);
    });

    it("keeps one audit chain whole when submissions and other writes to concerns append at the same moment", async () => {
      f = await concernFixture(provider);
      const first = await f.services.submissions.submit(submission());
      if (first.kind !== "created") throw new Error(`Not created: ${first.kind}`);
      const note = (i: number): AuditDraft => ({ at: AT, actor: "lead:U0LEAD001", action: "note", note: `Note ${i}` });
      const results = await Promise.all([
        ...Array.from({ length: 6 }, () => f.services.submissions.submit(submission())),
        ...Array.from({ length: 6 }, (_, i) => f.storage.writes.record(WORKSPACE, first.concern.id, note(i))),
      ]);
      expect(results.slice(0, 6).every((result) => typeof result === "object" && result.kind === "created")).toBe(true);
      expect(results.slice(6)).toEqual([true, true, true, true, true, true]);
      const chain = await audit().chain();
      expect(verifyChain(chain)).toMatchObject({ ok: true, count: 13 });
      expect(chain.filter((entry) => entry.action === "note")).toHaveLength(6);
    });

    it("reports a sequence number another writer took as AuditHeadMoved in either, and the retried transaction appends after it", async () => {
      f = await concernFixture(provider);
      const draft: AuditDraft = { at: AT, actor: "system", action: "submit" };
      const taken = await audit().append("concern-0", draft);
      for (const kind of KINDS) {
        await expect(inTransaction(kind, (tx) => audit().insert(tx, taken))).rejects.toBeInstanceOf(AuditHeadMoved);
      }
      let attempts = 0;
      await audit().transaction(async (tx) => {
        attempts += 1;
        if (attempts === 1) await audit().insert(tx, taken);
        await audit().append(tx, "concern-1", draft);
      });
      let fastAttempts = 0;
      await audit().fastTransaction(async (tx) => {
        fastAttempts += 1;
        if (fastAttempts === 1) await audit().insert(tx, taken);
        await audit().append(tx, "concern-2", draft);
      });
      expect([attempts, fastAttempts]).toEqual([2, 2]);
      const chain = await audit().chain();
      expect(chain.map((entry) => entry.concernRef)).toEqual(["concern-0", "concern-1", "concern-2"]);
      expect(verifyChain(chain).ok).toBe(true);
    });
  },
);
