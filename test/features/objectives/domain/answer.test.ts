import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  ANSWER_THRESHOLD,
  type AskResult,
  createObjectivesAssistant,
} from "../../../../src/features/objectives/domain/answer";
import { loadKnowledgeBase } from "../../../../src/features/objectives/domain/knowledge-base";

const KNOWLEDGE_DIR = fileURLToPath(new URL("../../../../knowledge", import.meta.url));
const kb = loadKnowledgeBase(KNOWLEDGE_DIR);
const assistant = createObjectivesAssistant(kb);

function objectiveNumber(text: string): number | undefined {
  return assistant.findObjective(text)?.number;
}

describe("findObjective", () => {
  it.each([
    ["3", 3],
    ["objective 2", 2],
    ["Objective 4", 4],
    ["obj 1", 1],
    ["third objective", 3],
    ["power", 1],
    ["Power?", 1],
    ["localism", 1],
    ["autonomy", 1],
    ["landscape", 2],
    ["commissioning support", 2],
    ["commissioning-landscape", 2],
    ["finance", 3],
    ["financial", 3],
    ["capabilities", 3],
    ["relationships", 4],
    ["relationship", 4],
    ["partners", 4],
    ["the finance objective", 3],
  ])("reads %j as objective %i", (text, number) => {
    expect(objectiveNumber(text)).toBe(number);
  });

  it.each([
    "",
    "5",
    "objective 9",
    "what is power",
    "who wrote the letter",
    "can the board overrule our CCG?",
    "finance team budget rules",
    "power to local organisations in the letter",
    "wifi password",
  ])("leaves %j to be answered as a question", (text) => {
    expect(assistant.findObjective(text)).toBeUndefined();
  });
});

describe("ask", () => {
  it("lists the four objectives in order", () => {
    expect(assistant.objectives().map((o) => o.title)).toEqual([
      "Transferring power to local organisations",
      "Establishing the commissioning landscape",
      "Developing specific commissioning and financial management capabilities",
      "Developing excellent relationships",
    ]);
  });

  it("answers with at most three passages, best first, each with a dated, published source", () => {
    const result = assistant.ask("What does the letter say about the autonomy of CCGs?");
    expect(result.answered).toBe(true);
    expect(result.answers.length).toBeGreaterThan(0);
    expect(result.answers.length).toBeLessThanOrEqual(3);
    const scores = result.answers.map((a) => a.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const answer of result.answers) {
      expect(answer.score).toBeGreaterThanOrEqual(ANSWER_THRESHOLD);
      expect(answer.source.title).not.toBe("");
      expect(answer.source.publisher).not.toBe("");
      expect(answer.source.date).toMatch(/^\d{4}(-\d{2}){0,2}$/);
    }
  });

  it("every passage, whatever it is asked, comes back with its full source", () => {
    for (const passage of kb.passages) {
      const source = kb.sources.get(passage.source);
      const found = assistant.ask(passage.text).answers.find((a) => a.passageId === passage.id);
      expect(found?.source, passage.id).toEqual({
        title: source?.title,
        publisher: source?.publisher,
        date: source?.date,
        ...(source?.url ? { url: source.url } : {}),
      });
    }
  });

  it("returns quotations verbatim, with their speaker", () => {
    const quotations = kb.passages.filter((p) => p.kind === "quotation");
    expect(quotations.length).toBeGreaterThanOrEqual(5);
    for (const quotation of quotations) {
      const answer = assistant.ask(quotation.text).answers.find((a) => a.passageId === quotation.id);
      expect(answer, quotation.id).toMatchObject({
        kind: "quotation",
        text: quotation.text,
        speaker: quotation.speaker,
      });
    }
  });

  it("quotes the overarching objective in the letter's words", () => {
    const result = assistant.ask("what is the overarching objective");
    expect(result.answers[0]).toMatchObject({
      kind: "quotation",
      text: "The first – and overarching – objective is to design the Board so that it transfers power to local organisations.",
      speaker: expect.stringContaining("Andrew Lansley"),
      objective: 1,
    });
  });

  it("answers 'today' questions with what replaced CCGs", () => {
    const result = assistant.ask("are CCGs still around now?");
    expect(result.answered).toBe(true);
    expect(result.answers[0]?.text).toMatch(/integrated care boards/);
    expect(result.answers[0]?.source.title).toContain("Health and Care Act 2022");
  });

  it("says so when nothing is relevant, offering at most two weak matches below the threshold", () => {
    const results: AskResult[] = [
      "what's the wifi password",
      "can you print my payslip",
      "how do I get a new laptop",
    ].map((q) => assistant.ask(q));
    for (const result of results) {
      expect(result.answered).toBe(false);
      expect(result.answers.length).toBeLessThanOrEqual(2);
      for (const answer of result.answers) expect(answer.score).toBeLessThan(ANSWER_THRESHOLD);
    }
    expect(results[0]?.answers).toEqual([]);
  });

  it("keeps the question as asked", () => {
    expect(assistant.ask("  Who wrote the letter?  ").question).toBe("  Who wrote the letter?  ");
  });

  it("makes documents added to the shared index answerable", () => {
    const local = createObjectivesAssistant(kb);
    local.index.add([
      {
        id: "minutes-2012-10-22",
        objective: null,
        kind: "minutes",
        text: "The Secretary of State and the Board discussed winter resilience planning.",
        source: { title: "Accountability meeting minutes", publisher: "Department of Health", date: "2012-10-22" },
      },
    ]);
    expect(local.ask("winter resilience planning").answers[0]).toMatchObject({
      passageId: "minutes-2012-10-22",
      kind: "minutes",
    });
    expect(assistant.ask("winter resilience planning").answered).toBe(false);
  });
});
