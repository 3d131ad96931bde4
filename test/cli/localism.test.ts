import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main";
import type { Output } from "../../src/cli/output";
import { freshSqliteUrl } from "../support/databases";

const root = path.resolve(import.meta.dirname, "../..");

async function cli(args: string[], databaseUrl: string) {
  const out: string[] = [];
  const err: string[] = [];
  const output: Output = { out: (text) => out.push(text), err: (text) => err.push(text) };
  const code = await runCli(args, output, { DATABASE_URL: databaseUrl, KNOWLEDGE_DIR: path.join(root, "knowledge") });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("the localism command", () => {
  let databaseUrl: string;
  beforeAll(() => {
    databaseUrl = freshSqliteUrl();
  });

  it("answers in the stable JSON shape other programs read", async () => {
    const { code, out } = await cli(["ask", "what does assumed liberty mean?", "--json"], databaseUrl);
    expect(code).toBe(0);
    const parsed = JSON.parse(out);
    expect(parsed).toMatchObject({ question: "what does assumed liberty mean?", answered: true });
    expect(parsed.answers.length).toBeGreaterThan(0);
    for (const answer of parsed.answers) {
      expect(answer).toEqual(
        expect.objectContaining({
          objective: expect.toSatisfy((value: unknown) => value === null || [1, 2, 3, 4].includes(value as number)),
          score: expect.any(Number),
          text: expect.any(String),
          source: expect.objectContaining({
            title: expect.any(String),
            publisher: expect.any(String),
            date: expect.stringMatching(/^\d{4}(-\d{2}){0,2}$/),
          }),
        }),
      );
    }
    const scores = parsed.answers.map((answer: { score: number }) => answer.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("says answered:false for an off-topic question", async () => {
    const { out } = await cli(["ask", "recipe for lasagne", "--json"], databaseUrl);
    expect(JSON.parse(out)).toMatchObject({ answered: false });
  });

  it("lists the objectives as text and JSON", async () => {
    expect((await cli(["objectives"], databaseUrl)).out).toContain(
      "1. Transferring power to local organisations (first and overarching)",
    );
    const parsed = JSON.parse((await cli(["objectives", "--json"], databaseUrl)).out);
    expect(parsed.map((objective: { number: number }) => objective.number)).toEqual([1, 2, 3, 4]);
  });

  it("reports the questions asked, and those with no confident answer", async () => {
    const all = JSON.parse((await cli(["questions", "--since", "7d", "--json"], databaseUrl)).out);
    expect(all.map((row: { question: string }) => row.question)).toEqual(
      expect.arrayContaining(["what does assumed liberty mean?", "recipe for lasagne"]),
    );
    expect(all.find((row: { question: string }) => row.question === "recipe for lasagne")).toMatchObject({
      answered: false,
      surface: "cli",
    });
    const unanswered = (await cli(["questions", "--unanswered"], databaseUrl)).out;
    expect(unanswered).toContain("recipe for lasagne");
    expect(unanswered).not.toContain("assumed liberty");
  });

  it("explains its usage and a bad option with exit code 2", async () => {
    expect(await cli(["frobnicate"], databaseUrl)).toMatchObject({
      code: 2,
      err: expect.stringContaining('Unknown command "frobnicate"'),
    });
    expect(await cli(["questions", "--since", "yesterday"], databaseUrl)).toMatchObject({
      code: 2,
      err: expect.stringContaining("like 24h, 7d"),
    });
    expect(await cli(["ask"], databaseUrl)).toMatchObject({ code: 2 });
  });

  it("runs as `npx localism` from the repository", async () => {
    const { stdout } = await promisify(execFile)("npx", ["--no-install", "localism", "objectives", "--json"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    expect(JSON.parse(stdout)).toHaveLength(4);
  });
});
