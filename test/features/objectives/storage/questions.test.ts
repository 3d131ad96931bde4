import { afterEach, describe, expect, it } from "vitest";
import { type QuestionRecord, QuestionRepository } from "../../../../src/features/objectives/storage/questions";
import { type Database, openDatabase } from "../../../../src/storage/database";
import { WorkspaceRepository } from "../../../../src/storage/workspaces";
import { freshDatabaseUrl, type Provider } from "../../../support/databases";

const providers: Provider[] = ["sqlite", "postgres"];

function question(overrides: Partial<QuestionRecord>): QuestionRecord {
  return {
    id: crypto.randomUUID(),
    workspaceId: "T0LOCAL",
    userId: "U1",
    channelId: "C1",
    surface: "slack",
    question: "can the board overrule our CCG?",
    answered: true,
    objective: 1,
    passageId: "p1",
    score: 0.8,
    askedAt: new Date("2026-11-20T10:00:00Z"),
    ...overrides,
  };
}

describe.each(providers)("question and workspace storage on %s", (provider) => {
  let database: Database;
  afterEach(() => database?.close());

  async function repositories() {
    database = await openDatabase(await freshDatabaseUrl(provider));
    return { questions: new QuestionRepository(database.db), workspaces: new WorkspaceRepository(database.db) };
  }

  it("records a workspace once however often it is seen, keeping its name", async () => {
    const { workspaces } = await repositories();
    await workspaces.recordSeen("T0LOCAL", "Barnsley CCG");
    await workspaces.recordSeen("T0LOCAL");
    await new WorkspaceRepository(database.db).recordSeen("T0LOCAL");
    expect(await workspaces.list()).toEqual([expect.objectContaining({ id: "T0LOCAL", name: "Barnsley CCG" })]);
  });

  it("reports questions since a date, newest first, with their votes", async () => {
    const { questions, workspaces } = await repositories();
    await workspaces.recordSeen("T0LOCAL");
    const old = question({ askedAt: new Date("2026-10-01T10:00:00Z"), question: "old one" });
    const recent = question({ askedAt: new Date("2026-11-21T10:00:00Z"), question: "recent one" });
    const newest = question({
      askedAt: new Date("2026-11-22T10:00:00Z"),
      question: "newest one",
      answered: false,
      objective: null,
    });
    for (const entry of [old, recent, newest]) await questions.record(entry);
    await questions.vote(recent.id, "U2", true, new Date());

    const report = await questions.since(new Date("2026-11-16T00:00:00Z"));
    expect(report.map((row) => row.question)).toEqual(["newest one", "recent one"]);
    expect(report[1]).toMatchObject({
      helpfulVotes: 1,
      notHelpfulVotes: 0,
      userId: "U1",
      channelId: "C1",
      objective: 1,
    });
  });

  it("keeps one vote per person per answer, the latest one counting", async () => {
    const { questions, workspaces } = await repositories();
    await workspaces.recordSeen("T0LOCAL");
    const asked = question({});
    await questions.record(asked);
    await questions.vote(asked.id, "U2", true, new Date());
    await questions.vote(asked.id, "U2", true, new Date());
    await questions.vote(asked.id, "U2", false, new Date());
    const [row] = await questions.since(new Date(0));
    expect(row).toMatchObject({ helpfulVotes: 0, notHelpfulVotes: 1 });
  });

  it("lists as unanswered the questions without a confident answer or with a 'not helpful' vote", async () => {
    const { questions, workspaces } = await repositories();
    await workspaces.recordSeen("T0LOCAL");
    const answered = question({ question: "answered and liked" });
    const disliked = question({ question: "answered but not helpful" });
    const unknown = question({ question: "what is the wifi password", answered: false, objective: null });
    for (const entry of [answered, disliked, unknown]) await questions.record(entry);
    await questions.vote(answered.id, "U3", true, new Date());
    await questions.vote(disliked.id, "U3", false, new Date());
    const rows = await questions.unanswered(new Date(0));
    expect(rows.map((row) => row.question).sort()).toEqual(["answered but not helpful", "what is the wifi password"]);
  });
});
