import { describe, expect, it } from "vitest";
import { taggingVocabularyFrom } from "../../../../src/features/minutes/domain/kb-vocabulary";
import type { TaggingVocabulary } from "../../../../src/features/minutes/domain/tagging";
import { compileTerm, normaliseText, TAG_THRESHOLD, tagItem } from "../../../../src/features/minutes/domain/tagging";
import { defaultTaggingVocabulary } from "../../../../src/features/minutes/domain/vocabulary";

const objectivesOf = (text: string) => tagItem(text, defaultTaggingVocabulary).objectives.map((t) => t.objective);
const isAutonomy = (text: string) => tagItem(text, defaultTaggingVocabulary).autonomy !== null;

describe("tagItem with the default vocabulary", () => {
  it("tags CCG budget delegation as objective 1 and an autonomy matter; a budget alone is not objective 3", () => {
    const tags = tagItem(
      "The Board agreed to delegate commissioning budgets to CCGs, so that decision-making sits with local clinicians rather than being imposed top-down.",
      defaultTaggingVocabulary,
    );
    expect(tags.objectives.map((t) => t.objective)).toEqual([1]);
    expect(tags.autonomy).not.toBeNull();
    expect(tags.autonomy?.score).toBeGreaterThanOrEqual(TAG_THRESHOLD);
  });

  it("does not tag an item about the wifi", () => {
    const tags = tagItem(
      "The wifi in the boardroom failed again and IT support will replace the router.",
      defaultTaggingVocabulary,
    );
    expect(tags).toEqual({ objectives: [], autonomy: null });
  });

  it("matches the phrasings of the first objective ('transferring power', 'transfer of power')", () => {
    expect(objectivesOf("Progress on the transfer of power to local organisations was reviewed.")).toContain(1);
    expect(objectivesOf("Transferring power to CCGs remains the first objective.")).toContain(1);
  });

  it("matches British and American spellings alike", () => {
    expect(objectivesOf("The authorization of clinical commissioning groups")).toContain(2);
    expect(objectivesOf("The authorisation of clinical commissioning groups")).toContain(2);
  });

  it("has no stemming collisions: 'Authority' is not 'authorisation', 'provided' is not 'providers'", () => {
    expect(objectivesOf("The NHS Commissioning Board Authority met in Leeds.")).toEqual([]);
    expect(objectivesOf("The CCG had provided the evidence the panel asked for.")).toEqual([]);
    expect(objectivesOf("Monitor and the providers of community services agreed the tariff.")).toContain(4);
  });

  it("needs a specific term, or three general ones: a budget or a provider alone tags nothing", () => {
    expect(objectivesOf("The budget was discussed.")).toEqual([]);
    expect(objectivesOf("CCGs could buy support from any provider.")).toEqual([]);
    expect(objectivesOf("The budget, the savings and the surplus were discussed.")).toEqual([3]);
  });

  it("puts the strongest objective first, scores between 0 and 1", () => {
    const tags = tagItem(
      "The finance team presented the budget, the resource limit and the running costs for the health and wellbeing board.",
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
    const one = tagItem("The allocation was discussed.", defaultTaggingVocabulary).objectives[0]?.score ?? 0;
    const three =
      tagItem("The allocation, the running costs and QIPP were discussed.", defaultTaggingVocabulary).objectives[0]
        ?.score ?? 0;
    expect(one).toBeGreaterThanOrEqual(TAG_THRESHOLD);
    expect(three).toBeGreaterThan(one);
  });
});

describe("terms inside other terms", () => {
  it("does not count a word inside another objective's longer term", () => {
    expect(objectivesOf("The senate council met for the first time.")).toEqual([2]);
  });
});

describe("CCG autonomy cues", () => {
  it.each([
    [
      "keeping control",
      "Conditions must not become a way for the Board to keep control of decisions that belong to CCGs.",
    ],
    ["top-slicing", "It was proposed that 1% be top-sliced from each CCG's budget to create a contingency."],
    ["holding back an allocation", "The area team asked CCGs to hold back 2% of their 2013/14 allocations for a fund."],
    ["being told which CSU to use", "Clusters were telling them which commissioning support unit they must use."],
    ["a decision agreed elsewhere", "The area team had already agreed this with the CSU on the CCGs' behalf."],
    ["an instruction", "The governing body said the letter read as an instruction."],
    [
      "conditions used to steer plans",
      "A condition would be discharged only when the CCG adopted the area team's model.",
    ],
    ["overruling CCGs", "The senate could become a way for the area team to overrule CCG commissioning decisions."],
    [
      "sign-off before the governing body",
      "Operating plans must be signed off by the area team before being presented to their governing bodies.",
    ],
    ["approval in advance", "The 2% was to be spent only on schemes that the area team had approved in advance."],
    ["a mandated provider", "Mandating a single provider would take that choice away from them."],
    ["money kept by the cluster", "Any underspend on CCG budgets would be retained by the cluster."],
    ["a central reserve", "The cluster would keep 1.5% of each CCG's delegated budget in a central reserve."],
    ["advice made binding", "The council agreed that its advice was not binding on any commissioner."],
    ["a procurement without CCGs", "The area team set the timetable without consulting the CCGs."],
    ["being directed", "A letter from the area team directing all CCGs in the area to arrange placements through it."],
  ])("flags %s", (_, text) => {
    expect(isAutonomy(text)).toBe(true);
    expect(objectivesOf(text)).toContain(1);
  });

  it.each([
    [
      "a CCG's own reserve",
      "The 2% reserve would be held by the CCG itself and its use decided by the governing body.",
    ],
    [
      "a routine finance report",
      "The CFO presented the month 7 finance report; running costs were within the allowance.",
    ],
    [
      "an optional framework",
      "The Board would publish a framework of approved suppliers that CCGs could choose to use.",
    ],
    [
      "a delegation to an ICB",
      "The ICB would take local decisions on pharmacy and dental services for the first time.",
    ],
    [
      "a CCG holding back its own money",
      "The CCG itself would hold back 1% of its budget as a contingency for winter pressures.",
    ],
    ["the Board's own commissioning budgets", "Specialised services budgets would be held by the Board."],
  ])("leaves %s alone", (_, text) => {
    expect(isAutonomy(text)).toBe(false);
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

describe("compileTerm", () => {
  const matches = (term: string, text: string) => compileTerm(term).test(normaliseText(text));

  it("makes '(s)' optional and '(a|b)' a choice of endings, on word boundaries", () => {
    expect(matches("allocation(s)", "the allocations for 2013/14")).toBe(true);
    expect(matches("allocation(s)", "the allocation")).toBe(true);
    expect(matches("top-slic(e|ed|ing)", "money top-sliced in this way")).toBe(true);
    expect(matches("top-slic(e|ed|ing)", "a top slice of the budget")).toBe(true);
    expect(matches("provider(s)", "the evidence was provided")).toBe(false);
  });

  it("lets '...' stand for a few words and keeps the case of a term starting '='", () => {
    expect(matches("hold back ... allocation(s)", "hold back 2% of their 2013/14 allocations")).toBe(true);
    expect(matches("hold back ... allocation(s)", "hold back the start of the scheme until the new allocations")).toBe(
      false,
    );
    expect(matches("=Monitor", "work with Monitor on pricing")).toBe(true);
    expect(matches("=Monitor", "the group would monitor progress")).toBe(false);
  });

  it("reads possessives as the plain word", () => {
    expect(matches("on (the )(CCG|CCGs) behalf", "agreed this on the CCGs' behalf")).toBe(true);
  });
});

describe("taggingVocabularyFrom the knowledge base", () => {
  const vocabulary = taggingVocabularyFrom({
    objectives: [
      { number: 3, title: "Finance", aliases: ["money", "finance", "financial management"] },
      { number: 1, title: "Power", aliases: ["assumed liberty"] },
    ],
  });

  it("keeps every alias: a new single word as a weak term, a phrase as a term, not twice what is built in", () => {
    const finance = vocabulary.objectives.find((objective) => objective.number === 3);
    expect(finance?.weakTerms).toContain("money");
    expect(finance?.terms).toContain("financial management");
    expect([...(finance?.terms ?? []), ...(finance?.weakTerms ?? [])].filter((t) => t === "finance")).toHaveLength(1);
    expect(vocabulary.autonomyTerms).toContain("assumed liberty");
  });
});

describe("tagItem: more ways minutes word control over CCGs, and terms for money and integration", () => {
  it("flags money paid into a pool an area team runs, plans held until it signs off, and decisions drawn back to the centre", () => {
    expect(
      isAutonomy(
        "The regional team proposed that half a per cent of every CCG's allocation be paid into a winter fund.",
      ),
    ).toBe(true);
    expect(isAutonomy("It would be a reserve which the cluster would release as it saw fit.")).toBe(true);
    expect(
      isAutonomy("The area team said the plan would not be approved for the year until the Board had seen it."),
    ).toBe(true);
    expect(isAutonomy("Members feared the regional office was pulling decisions back to the centre.")).toBe(true);
    expect(isAutonomy("The choice of provider had been taken out of the hands of the governing body.")).toBe(true);
    expect(isAutonomy("Members said the area team should not second-guess local clinicians.")).toBe(true);
  });

  it("does not flag the CCG's own pool or a plan shared for information", () => {
    expect(isAutonomy("The CCG would put 1% of its own budget into a winter contingency it managed itself.")).toBe(
      false,
    );
    expect(isAutonomy("The plan was shared with the area team for information.")).toBe(false);
  });

  it("tags non-recurrent money as objective 3, and the Integration Transformation Fund as objective 4 only", () => {
    expect(objectivesOf("The non-recurrent monies would fund three local schemes.")).toContain(3);
    expect(objectivesOf("The Integration Transformation Fund will be planned with the council for 2015/16.")).toEqual([
      4,
    ]);
  });
});

describe("tagItem: the terms 2012-13 minutes use for the four objectives and for intervention in CCGs", () => {
  it("tags councils by their kind, the voluntary and community sector and the local medical committee as relationships", () => {
    expect(objectivesOf("The CCG and Eastgate City Council agreed a joint approach to falls.")).toContain(4);
    expect(objectivesOf("Grants to the voluntary and community sector would continue for a year.")).toContain(4);
    expect(objectivesOf("The local medical committee had raised the GP workload with members.")).toContain(4);
  });

  it("tags cost improvement, payment by results and organisational development as capability, and the new national bodies as the landscape", () => {
    expect(objectivesOf("The cost improvement programme was £1.2m behind plan.")).toContain(3);
    expect(objectivesOf("Activity above the plan was paid under payment by results.")).toContain(3);
    expect(objectivesOf("The organisational development plan for GP leads was agreed.")).toContain(3);
    expect(objectivesOf("Screening would be commissioned with Public Health England from April.")).toContain(2);
  });

  it("flags intervention in or directions to CCGs and subsidiarity, not the Department staying out of the Board's allocations", () => {
    expect(isAutonomy("The area team had issued directions to the CCG on its urgent care contract.")).toBe(true);
    expect(isAutonomy("The Board would intervene in a CCG only where it was failing.")).toBe(true);
    expect(isAutonomy("Members asked that the principle of subsidiarity be written into the protocol.")).toBe(true);
    expect(isAutonomy("The Department would not intervene in the Board's allocations.")).toBe(false);
  });
});

describe("tagItem: control over CCGs worded as contracts signed for them, models they must adopt and money redistributed", () => {
  it.each([
    [
      "a contract signed for the CCGs",
      "The cluster proposed to sign the acute contract in February on behalf of both CCGs.",
    ],
    [
      "a model the CCGs were told to adopt",
      "The area team had told all CCGs in the area that they must buy the full range of support from the CSU.",
    ],
    [
      "a model CCGs must all adopt",
      "The area team had written saying that they must all adopt its single specification without local variation.",
    ],
    [
      "judgement substituted for the CCG's",
      "Area teams must not use assurance to substitute their own judgement for that of the CCG's governing body.",
    ],
    [
      "sign-off made conditional",
      "The area team had made its sign-off of the plan conditional on the CCG adding a further £2m of savings.",
    ],
    [
      "underspends reallocated",
      "Any underspend a CCG made in 2013/14 would be reallocated at the year end to CCGs in deficit.",
    ],
    ["plans overridden", "A single procurement would override the CCG's own plans."],
    ["prior approval", "The service could go ahead only with the cluster's prior approval."],
    ["the governing body deciding, not the area team", "The CCG's governing body, not the area team, should decide."],
  ])("flags %s", (_, text) => {
    expect(isAutonomy(text)).toBe(true);
    expect(objectivesOf(text)).toContain(1);
  });

  it.each([
    [
      "a surplus returned to the CCG",
      "NHS England confirmed that the CCG's surplus would be returned to it for the Governing Body to spend on its own priorities.",
    ],
    [
      "plans only added together",
      "Each CCG would set its own QIPP plan, and the area team would only add the plans together.",
    ],
    ["the CCG's own contract", "The CCG had signed its contract with the acute trust on 21 March."],
  ])("leaves %s alone", (_, text) => {
    expect(isAutonomy(text)).toBe(false);
  });
});

describe("tagItem: more of the words minutes of 2012-13 use for the four objectives", () => {
  it("tags CCGs becoming statutory bodies, delegated budgets and decisions resting with clinicians as objective 1", () => {
    expect(objectivesOf("From 1 April the CCG would be a statutory body.")).toContain(1);
    expect(objectivesOf("Both CCGs would manage their full budgets under delegation from the cluster.")).toEqual([
      1, 3,
    ]);
    expect(objectivesOf("These decisions would now rest with the CCG's member practices.")).toContain(1);
  });

  it("tags direct commissioning, legacy documents and the closedown of PCTs as the landscape", () => {
    expect(objectivesOf("The framework for the Board's direct commissioning of general practice.")).toContain(2);
    expect(objectivesOf("The legacy documents for each receiving organisation were approved.")).toContain(2);
    expect(objectivesOf("The closedown programme was on track.")).toContain(2);
  });

  it("tags efficiency programmes, non-recurrent spending and contract payment rules as capability", () => {
    expect(objectivesOf("The scheme formed part of the efficiency programme for 2013/14.")).toContain(3);
    expect(objectivesOf("It would be used non-recurrently for primary care.")).toContain(3);
    expect(objectivesOf("Money withheld under the readmissions rule would be reinvested.")).toContain(3);
    expect(objectivesOf("The acute contract included CQUIN schemes and the marginal rate.")).toContain(3);
  });

  it("tags listening events, patient panels and engagement with member practices as relationships", () => {
    expect(objectivesOf("Six listening events were attended by 240 people.")).toContain(4);
    expect(objectivesOf("A patient panel of 40 members would review the plans.")).toContain(4);
    expect(objectivesOf("A practice engagement scheme would pay practices to attend.")).toContain(4);
  });
});
