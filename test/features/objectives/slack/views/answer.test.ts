import { fileURLToPath } from "node:url";
import { checkMessageBlocks, defaultBlockKitLimits } from "@localism/slack-standin";
import { describe, expect, it } from "vitest";
import {
  type Answer,
  type AskResult,
  createObjectivesAssistant,
} from "../../../../../src/features/objectives/domain/answer";
import { loadKnowledgeBase } from "../../../../../src/features/objectives/domain/knowledge-base";
import { answerMessage, NOT_DIRECT, passageText } from "../../../../../src/features/objectives/slack/views/answer";
import { objectiveDetailMessage } from "../../../../../src/features/objectives/slack/views/objectives";

const kb = loadKnowledgeBase(fileURLToPath(new URL("../../../../../knowledge", import.meta.url)));
const assistant = createObjectivesAssistant(kb);
const SOURCE = {
  title: "Exclusive: Lansley letter requires commissioning board to devolve power",
  publisher: "HSJ",
  date: "2012-04-23",
};

function answer(extra: Partial<Answer>): Answer {
  return { objective: 1, score: 0.9, text: "A passage.", kind: "summary", passageId: "p", source: SOURCE, ...extra };
}

function sectionTexts(result: AskResult): string[] {
  const message = answerMessage(kb, result, { questionId: "q1" });
  return (message.blocks ?? []).flatMap((block) =>
    block.type === "section" && "text" in block && block.text ? [block.text.text] : [],
  );
}

describe("an answer's passages", () => {
  it("quotes a quotation in a quote block, with its speaker", () => {
    const text = passageText(
      answer({ kind: "quotation", text: "The first – and overarching – objective.", speaker: "Andrew Lansley" }),
    );
    expect(text.split("\n")).toEqual([">“The first – and overarching – objective.”", "— Andrew Lansley"]);
  });

  it("shows a summary as plain text labelled as a summary of its source, never in a quote bar", () => {
    const text = passageText(answer({ text: "The letter says CCGs should have “assumed liberty”." }));
    expect(text.split("\n")).toEqual([
      `_Summary of ${SOURCE.title}_`,
      "The letter says CCGs should have “assumed liberty”.",
    ]);
    expect(text).not.toMatch(/^>/m);
  });

  it("quotes the minutes' own words, saying which minutes they are from", () => {
    const text = passageText(answer({ kind: "minutes", text: "The Board agreed its business plan." }));
    expect(text).toMatch(/^>The Board agreed its business plan\.$/m);
    expect(text).toContain(`_From the minutes: ${SOURCE.title}_`);
  });

  it("never draws a knowledge base summary in a quote bar, in any answer", () => {
    const result = assistant.ask("what does the letter say about commissioning support?");
    expect(result.answers.some((shown) => shown.kind === "summary")).toBe(true);
    const summaries = result.answers.filter((shown) => shown.kind === "summary").map((shown) => shown.text);
    for (const text of sectionTexts(result)) {
      if (summaries.some((summary) => text.includes(summary))) expect(text).not.toMatch(/^>/m);
    }
  });
});

describe("the answer message", () => {
  it("says plainly when the sources don't answer directly, before the closest passage", () => {
    const result = assistant.ask("can the Board overrule our CCG?");
    expect(result).toMatchObject({ answered: true, direct: false });
    const texts = sectionTexts(result);
    expect(texts[1]).toBe(`*${NOT_DIRECT}*`);
    expect(texts[2]).toContain(result.answers[0]?.text);
    const message = answerMessage(kb, result, { questionId: "q1" });
    expect(message.text).toMatch(/^The sources don't answer this directly/);
  });

  it("answers a direct question without that note, within Block Kit's limits", () => {
    const result = assistant.ask("what does assumed liberty mean?");
    expect(result).toMatchObject({ answered: true, direct: true });
    expect(sectionTexts(result).join("\n")).not.toContain(NOT_DIRECT);
    expect(
      checkMessageBlocks(answerMessage(kb, result, { questionId: "q1" }).blocks, defaultBlockKitLimits),
    ).toBeDefined();
  });
});

describe("an objective in full", () => {
  it("labels what the Department expected as summaries of their sources, and quotes only the key quotes", () => {
    const objective = kb.objectives.find((candidate) => candidate.number === 1);
    if (!objective) throw new Error("objective 1 missing");
    const texts = (objectiveDetailMessage(kb, objective).blocks ?? []).flatMap((block) =>
      block.type === "section" && "text" in block && block.text ? [block.text.text] : [],
    );
    const expects = texts.find((text) => text.startsWith("*What the Department expects*")) ?? "";
    expect(expects).toContain("_(summary of <https://www.hsj.co.uk/");
    expect(expects).not.toMatch(/^>/m);
    const quotes = texts.filter((text) => text.startsWith(">"));
    expect(quotes.length).toBe(objective.quotes.length);
    for (const quote of quotes) expect(quote).toMatch(/\n— Andrew Lansley/);
  });
});
