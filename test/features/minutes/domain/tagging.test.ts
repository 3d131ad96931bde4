import { describe, expect, it } from "vitest";
import type { TaggingVocabulary } from "../../../../src/features/minutes/domain/tagging";
import { stemTokens, TAG_THRESHOLD, tagItem } from "../../../../src/features/minutes/domain/tagging";
import { defaultTaggingVocabulary } from "../../../../src/features/minutes/domain/vocabulary";

const objectivesOf = (text: string) => tagItem(text, defaultTaggingVocabulary).objectives.map((t) => t.objective);

describe("tagItem with the default vocabulary", () => {
  it("tags CCG budget delegation with objectives 1 and 3 and as an autonomy matter", () => {
    const tags = tagItem(
      "The Board agreed to delegate commissioning budgets to CCGs, so that decision-making sits with local clinicians rather than being imposed top-down.",
      defaultTaggingVocabulary,
    );
    expect(tags.objectives.map((t) => t.objective).sort()).toEqual([1, 3]);
    expect(tags.autonomy).not.toBeNull();
    expect(tags.autonomy?.score).toBeGreaterThan(TAG_THRESHOLD);
  });

  it("does not tag an item about the wifi", () => {
    const tags = tagItem(
      "The wifi in the boardroom failed again and IT support will replace the router.",
      defaultTaggingVocabulary,
    );
    expect(tags).toEqual({ objectives: [], autonomy: null });
  });

  it("matches phrases across word forms and small words ('transferring power to' ~ 'transfer of power')", () => {
    expect(objectivesOf("Progress on the transfer of power to local organisations was reviewed.")).toContain(1);
    expect(objectivesOf("Transferring power to CCGs remains the first objective.")).toContain(1);
  });

  it("matches British and American spellings alike", () => {
    expect(objectivesOf("The authorization of clinical commissioning groups")).toContain(2);
    expect(objectivesOf("The authorisation of clinical commissioning groups")).toContain(2);
  });

  it("puts the strongest objective first, scores between 0 and 1", () => {
    const tags = tagItem(
      "The finance team presented the budget, the resource limit and the business plan for the health and wellbeing board.",
      defaultTaggingVocabulary,
    );
    expect(tags.objectives[0]?.objective).toBe(3);
    for (const tag of tags.objectives) {
      expect(tag.score).toBeGreaterThanOrEqual(TAG_THRESHOLD);
      expect(tag.score).toBeLessThanOrEqual(1);
    }
    expect(tags.objectives.map((t) => t.objective)).toContain(4);
  });

  it("scores more matches higher", () => {
    const one = tagItem("The budget was discussed.", defaultTaggingVocabulary).objectives[0]?.score ?? 0;
    const three =
      tagItem("The budget, finance and capability were discussed.", defaultTaggingVocabulary).objectives[0]?.score ?? 0;
    expect(three).toBeGreaterThan(one);
  });
});

describe("tagItem with a vocabulary passed in", () => {
  const vocabulary: TaggingVocabulary = {
    objectives: [{ number: 7, terms: ["level playing field"] }],
    autonomyTerms: ["earned autonomy"],
  };

  it("uses only the terms it is given", () => {
    expect(tagItem("Any qualified provider must compete on a level playing field.", vocabulary).objectives).toEqual([
      { objective: 7, score: 0.646 },
    ]);
    expect(tagItem("The budget was agreed.", vocabulary).objectives).toEqual([]);
  });

  it("needs the whole phrase, in order", () => {
    expect(tagItem("CCGs earned greater autonomy.", vocabulary).autonomy).toBeNull();
    expect(tagItem("A route to earned autonomy for CCGs.", vocabulary).autonomy).toEqual({ score: 0.646 });
  });
});

describe("stemTokens", () => {
  it("lower-cases, stems and drops function words", () => {
    expect(stemTokens("Control over the CCGs' budgets")).toEqual(["control", "ccg", "budget"]);
  });
});
