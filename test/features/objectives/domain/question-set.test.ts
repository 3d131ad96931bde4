import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { createObjectivesAssistant, type ObjectivesAssistant } from "../../../../src/features/objectives/domain/answer";
import { loadKnowledgeBase } from "../../../../src/features/objectives/domain/knowledge-base";

const KNOWLEDGE_DIR = fileURLToPath(new URL("../../../../knowledge", import.meta.url));
const QUESTION_SET = fileURLToPath(new URL("./question-set.yaml", import.meta.url));

const questionSetSchema = z.object({
  questions: z.array(
    z.object({
      question: z.string().min(1),
      expect: z.union([
        z.literal(1),
        z.literal(2),
        z.literal(3),
        z.literal(4),
        z.literal("general"),
        z.literal("none"),
      ]),
    }),
  ),
});
type Question = z.infer<typeof questionSetSchema>["questions"][number];

const questions = questionSetSchema.parse(parse(readFileSync(QUESTION_SET, "utf8"))).questions;
const onTopic = questions.filter((q) => q.expect !== "none");
const offTopic = questions.filter((q) => q.expect === "none");

let assistant: ObjectivesAssistant;
beforeAll(() => {
  assistant = createObjectivesAssistant(loadKnowledgeBase(KNOWLEDGE_DIR));
});

function expectedObjective(q: Question): number | null {
  return q.expect === "general" ? null : Number(q.expect);
}

function describeResult(q: Question): string {
  const result = assistant.ask(q.question);
  const answers = result.answers.map((a) => `${a.objective ?? "general"}:${a.passageId}:${a.score.toFixed(2)}`);
  return `  [expect ${q.expect}] "${q.question}" -> ${result.answered ? "answered" : "not answered"} ${answers.join(", ")}`;
}

function ranksExpectedFirst(q: Question): boolean {
  const result = assistant.ask(q.question);
  return result.answered && result.answers[0]?.objective === expectedObjective(q);
}

describe("the question set, asked against the real knowledge base", () => {
  it("is big and varied enough to mean something", () => {
    expect(questions.length).toBeGreaterThanOrEqual(40);
    expect(offTopic.length).toBeGreaterThanOrEqual(8);
    expect(questions.filter((q) => q.expect === "general").length).toBeGreaterThanOrEqual(8);
  });

  it("ranks the expected objective first for at least 90% of on-topic questions", () => {
    const misses = onTopic.filter((q) => !ranksExpectedFirst(q));
    const rate = (onTopic.length - misses.length) / onTopic.length;
    const report = [
      `${onTopic.length - misses.length}/${onTopic.length} on-topic questions ranked as expected`,
      ...misses.map(describeResult),
    ];
    console.info(report.join("\n"));
    expect(rate, report.join("\n")).toBeGreaterThanOrEqual(0.9);
  });

  it("answers every general question", () => {
    const unanswered = questions.filter((q) => q.expect === "general" && !assistant.ask(q.question).answered);
    expect(unanswered.map(describeResult)).toEqual([]);
  });

  it("says it does not know for every off-topic question", () => {
    const wronglyAnswered = offTopic.filter((q) => assistant.ask(q.question).answered);
    console.info(`${offTopic.length - wronglyAnswered.length}/${offTopic.length} off-topic questions declined`);
    expect(wronglyAnswered.map(describeResult)).toEqual([]);
  });
});
