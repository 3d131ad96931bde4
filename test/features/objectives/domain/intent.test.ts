import { describe, expect, it } from "vitest";
import { interpretObjectivesText, MAX_QUESTION_LENGTH } from "../../../../src/features/objectives/domain/intent";

const aliases = new Set(["1", "2", "3", "4", "finance", "relationships", "power"]);
const interpret = (text: string) => interpretObjectivesText(text, (candidate) => aliases.has(candidate));

describe("interpretObjectivesText", () => {
  it("lists the objectives for an empty command", () => {
    expect(interpret("")).toEqual({ kind: "list" });
    expect(interpret("  list ")).toEqual({ kind: "list" });
  });

  it("recognises help", () => {
    expect(interpret("help")).toEqual({ kind: "help" });
  });

  it("picks one objective by number, 'objective N' or a short alias", () => {
    expect(interpret("3")).toEqual({ kind: "objective", reference: "3" });
    expect(interpret("Objective 2")).toEqual({ kind: "objective", reference: "2" });
    expect(interpret("Finance")).toEqual({ kind: "objective", reference: "finance" });
  });

  it("explains the numbering when the number is not an objective", () => {
    const intent = interpret("7");
    expect(intent.kind).toBe("invalid");
    expect(intent).toMatchObject({ message: expect.stringContaining("numbered 1 to 4") });
  });

  it("treats anything else as a question, tidied of extra spaces", () => {
    expect(interpret("can the  board overrule our CCG?")).toEqual({
      kind: "question",
      question: "can the board overrule our CCG?",
    });
  });

  it("asks for a shorter question past the limit", () => {
    const intent = interpret("why ".repeat(MAX_QUESTION_LENGTH));
    expect(intent).toMatchObject({ kind: "invalid", message: expect.stringContaining(`under ${MAX_QUESTION_LENGTH}`) });
  });
});
