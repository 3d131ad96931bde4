import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fitShipped, trainingExamples } from "../../../../scripts/minutes-model";
import { buildMinutesDocument } from "../../../../src/features/minutes/domain/document";
import {
  agendaText,
  featureRows,
  features,
  fitLabel,
  fitLogistic,
  itemFeatures,
  type LabelledExample,
  type LearnedModel,
  LOGISTIC_OPTIONS,
  logOdds,
} from "../../../../src/features/minutes/domain/learned-tagging";
import { defaultTaggingVocabulary } from "../../../../src/features/minutes/domain/tagging";

const example = (text: string, ...labels: string[]): LabelledExample => ({ text, labels: new Set(labels) });

describe("features", () => {
  it("reads lower-case words and neighbouring pairs, possessives and punctuation aside", () => {
    expect([...features("The area team's sign-off.")]).toEqual([
      "the",
      "the area",
      "area",
      "area team",
      "team",
      "team sign",
      "sign",
      "sign off",
      "off",
    ]);
  });
});

/** Three items about a region holding back funding (autonomy), three about a stroke audit. */
const examples = [
  example("Funding held back by the region until it approved each scheme.", "autonomy"),
  example("The region held back the funding and would approve each scheme itself.", "autonomy"),
  example("The region approved each scheme before funding was released.", "autonomy"),
  example("The stroke audit results were noted.", "3"),
  example("The stroke pathway audit was discussed."),
  example("The audit results for the stroke unit were presented."),
];

describe("fitLabel", () => {
  it("scores words seen with the label above nothing, and words seen without it below", () => {
    const label = fitLabel(examples, "autonomy");
    expect(logOdds(label, features("The region held back funding for each scheme."))).toBeGreaterThan(0);
    expect(logOdds(label, features("The stroke audit results were presented."))).toBeLessThan(0);
  });

  it("keeps only features seen at least twice, and at most as many as asked", () => {
    const label = fitLabel(examples, "autonomy", 3);
    expect(Object.keys(label.weights)).toHaveLength(3);
    expect(Object.keys(fitLabel(examples, "autonomy", 0).weights)).not.toContain("itself");
  });
});

describe("fitLogistic", () => {
  const data = featureRows(
    examples.map((item) => features(item.text)),
    2,
  );
  const positive = examples.map((item) => item.labels.has("autonomy"));

  it("scores words seen with the label above nothing, and words seen without it below", () => {
    const label = fitLogistic(data, positive);
    expect(logOdds(label, features("The region held back funding for each scheme."))).toBeGreaterThan(0);
    expect(logOdds(label, features("The stroke audit results were presented."))).toBeLessThan(0);
  });

  it("gives the same weights every time, keeping only features seen at least twice, and at most as many as asked", () => {
    const label = fitLogistic(data, positive);
    expect(fitLogistic(data, positive)).toEqual(label);
    expect(Object.keys(label.weights)).not.toContain("itself");
    expect(Object.keys(fitLogistic(data, positive, { ...LOGISTIC_OPTIONS, keep: 3 }).weights)).toHaveLength(3);
  });
});

describe("itemFeatures", () => {
  it("reads the heading's words again apart from the body's, when asked", () => {
    const read = itemFeatures("Area team", ["The budget was noted."], defaultTaggingVocabulary, {
      heading: true,
      cues: false,
    });
    expect(read).toContain("h:area team");
    expect(read).toContain("budget");
    expect(read).not.toContain("h:budget");
    expect(itemFeatures("Area team", ["The budget was noted."], defaultTaggingVocabulary, undefined)).toEqual(
      features("Area team. The budget was noted."),
    );
  });

  it("reads which objectives the terms find, in the item and in its heading, when asked", () => {
    const read = itemFeatures(
      "Joint health and wellbeing strategy",
      ["The council presented the strategy."],
      defaultTaggingVocabulary,
      { heading: false, cues: true },
    );
    expect(read).toContain("cue:4");
    expect(read).toContain("cue:4:heading");
    expect([...read].some((feature) => feature.startsWith("h:"))).toBe(false);
  });
});

describe("buildMinutesDocument: each label's own threshold for adding it", () => {
  const text = [
    "Minutes of the Governing Body meeting held in public on 14 November 2013",
    "",
    "1. Widget review",
    "The widget review was presented and discussed at length by members.",
  ].join("\n");
  const model: LearnedModel = {
    labels: {
      "2": { base: 0, weights: { widget: 5 } },
      "4": { base: 0, weights: { widget: 5 } },
    },
    thresholds: { add: 10, addByLabel: { "2": 1 }, veto: null, keepScore: 1 },
  };

  it("adds a label its own threshold lets through, and not one the common threshold stops", () => {
    const doc = buildMinutesDocument(text, { url: "u" }, defaultTaggingVocabulary, model);
    expect(doc.items.flatMap((item) => item.objectives)).toEqual([2]);
  });
});

describe("buildMinutesDocument with the learned model", () => {
  const text = [
    "Minutes of the Governing Body meeting held in public on 14 November 2013",
    "",
    "1. Welcome and apologies",
    "The Chair welcomed members and four members of the public. Apologies were received from the Chief Nurse.",
    "",
    "2. Urgent care strategy",
    "JB reported that the area team director had written to say that the CCG's urgent care strategy should be paused until the area team had completed its own review of urgent care across the patch, and that the area team would look for the CCG's plan to reflect whatever that review concluded.",
    "Members said the strategy had been developed with local GPs, the council and patients over eighteen months and approved by the Governing Body in public. Dr Hale said the CCG answered to its own population for these decisions and should not wait for a review it had not asked for.",
    "The Governing Body agreed to continue with the strategy and asked the Chief Officer to reply to the area team director.",
    "",
    "3. Back-office services",
    "The Chief Officer reported that the two CCGs were considering a shared governance team. The area team had said that this was for the CCGs to decide and that it had no view. The Governing Body would consider a proposal in January.",
    "",
    "4. Stroke pathway",
    "The clinical lead described the new stroke pathway, the audit of thrombolysis times and the results of the six-month review at the hospital.",
    "The Governing Body noted the report.",
  ].join("\n");
  const flagged = (doc: ReturnType<typeof buildMinutesDocument>, heading: string) =>
    doc.items.filter((item) => item.heading === heading).some((item) => item.autonomy);

  it("flags an area team holding a CCG's strategy back, worded as no hand-written term words it, and leaves the rest", () => {
    const doc = buildMinutesDocument(text, { url: "u" });
    expect(flagged(doc, "Urgent care strategy")).toBe(true);
    expect(doc.items.find((item) => item.autonomy)?.objectives).toContain(1);
    expect(flagged(doc, "Back-office services")).toBe(false);
    expect(flagged(doc, "Stroke pathway")).toBe(false);
    expect(
      doc.items.filter((item) => item.heading === "Welcome and apologies").flatMap((item) => item.objectives),
    ).toEqual([]);
  });

  it("is what flags it: the terms alone do not", () => {
    const doc = buildMinutesDocument(text, { url: "u" }, defaultTaggingVocabulary, { labels: {} });
    expect(flagged(doc, "Urgent care strategy")).toBe(false);
  });
});

describe("buildMinutesDocument: the model drops an objective the body names only in passing", () => {
  const text = [
    "Minutes of the Governing Body meeting held in public on 12 December 2013",
    "",
    "1. Safeguarding adults annual report",
    "The Chief Nurse presented the annual report of the safeguarding adults board, on which the CCG sat with the police and the voluntary sector. Referrals had risen by a fifth.",
    "",
    "2. Health and wellbeing board",
    "The Chair reported on the safeguarding adults board's report to the health and wellbeing board.",
    "",
    "3. Safeguarding children",
    "Training had reached most practices; the local authority and the council's social care teams had agreed the new referral thresholds.",
  ].join("\n");
  // A model that reads "safeguarding" as an item about no objective.
  const model = (veto: number | null): LearnedModel => ({
    labels: { "4": { base: -2, weights: { safeguarding: -20 } } },
    thresholds: { add: 10, veto, keepScore: 0.7 },
  });
  const objectives = (doc: ReturnType<typeof buildMinutesDocument>) => doc.items.map((item) => item.objectives);

  it("where the terms' one cue is in the body, not the heading, and the model's log-odds are below its veto", () => {
    expect(objectives(buildMinutesDocument(text, { url: "u" }, defaultTaggingVocabulary, model(null)))).toEqual([
      [4],
      [4],
      [4],
    ]);
    expect(objectives(buildMinutesDocument(text, { url: "u" }, defaultTaggingVocabulary, model(0)))).toEqual([
      [],
      [4],
      [4],
    ]);
  });

  it("does so with the shipped model and thresholds too", () => {
    expect(objectives(buildMinutesDocument(text, { url: "u" }))[0]).toEqual([]);
  });
});

describe("the shipped weights", () => {
  // Choosing the thresholds tags every tuning document with a model fitted on the others, for each candidate.
  it("are those scripts/fit-minutes-model.ts fits on the tuning half of the labelled corpus", {
    timeout: 900_000,
  }, async () => {
    const shipped = JSON.parse(
      readFileSync(
        fileURLToPath(new URL("../../../../src/features/minutes/domain/learned-weights.json", import.meta.url)),
        "utf8",
      ),
    );
    const corpus = fileURLToPath(new URL("../../../fixtures/minutes-corpus", import.meta.url));
    expect(shipped).toEqual(fitShipped(await trainingExamples(corpus)));
  });

  it("reads an agenda item as its heading and paragraphs", () => {
    expect(agendaText("Finance report", ["One.", "Two."])).toBe("Finance report. One. Two.");
    expect(agendaText(null, ["One."])).toBe(". One.");
  });
});
