import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createObjectivesAssistant } from "../../../../src/features/objectives/domain/answer";
import { loadKnowledgeBase } from "../../../../src/features/objectives/domain/knowledge-base";
import { offDomainWords } from "../../../../src/features/objectives/domain/off-domain";
import { readQuestion, statesQuantity } from "../../../../src/features/objectives/domain/question";
import { analyse, normaliseText } from "../../../../src/features/objectives/domain/text-analysis";

const kb = loadKnowledgeBase(fileURLToPath(new URL("../../../../knowledge", import.meta.url)));
const assistant = createObjectivesAssistant(kb);

function first(question: string) {
  const result = assistant.ask(question);
  return { ...result, first: result.answers[0] };
}

describe("the field's abbreviations and the way people type", () => {
  it.each([
    ["will the CB micromanage us like the old SHAs did", "will the nhscb micromanage us like the old regional did"],
    ["the CBA and the NHSCBA and the NHS CB", "the nhscb and the nhscb and the nhscb"],
    ["SoS, SofS and the health sec", "sos sos and the sos"],
    ["DoH, the dept of health, DHSC", "dh the dh dh"],
    ["our PCT cluster and the CSUs", "our pct and the csu"],
    ["ALBs and arm's-length bodies", "alb and alb"],
    ["LATs, QIPP and the GB", "lat qipp and the gb"],
    ["NHSE", "nhse nhscb"],
    ["lansleys letter and grants words", "sos letter and grants words"],
    ["the boards resource limit", "nhscb resource limit"],
    ["2nd mtg this yr w the exec", "second meeting this year w the executive"],
    ["which GP orgs backed it", "which gp organisations welcomed it"],
    ["they got rid of CCGs", "they abolished ccg"],
    ["can the CB tell a CCG how to spend it", "can the nhscb direct a ccg spend it"],
    ["is CSU money skimmed off the top", "is csu money top slicing"],
    ["will it be top sliced", "will it be top slicing"],
    ["who took the minutes", "who took the minutes secretariat"],
    ["the Public Administration Select Committee", "the pasc select committee"],
    ["providers competing fairly, on equal terms", "providers level playing field on level playing field"],
  ])("reads %j as %j", (typed, read) => {
    expect(normaliseText(typed)).toBe(read);
  });
});

describe("what Slack adds to a message", () => {
  it.each([
    ["@here anyone know? :thinking_face:", "anyone know"],
    ["cc <@U024BE7LH> and @jo.smith :thumbsup::skin-tone-2:", "cc and"],
    ["meeting at 14:00 re: support", "meeting at 14 00 re support"],
  ])("reads %j as %j", (typed, read) => {
    expect(normaliseText(typed)).toBe(read);
  });

  it("does not count emoji codes, mentions or when the asker needs it against a question", () => {
    const result = first("tl;dr of objective one pls, GB in 10 mins :pray:");
    expect(result.answered).toBe(true);
    expect(result.first?.objective).toBe(1);
  });
});

describe("words the index doesn't know", () => {
  it("do not sink a good match: abbreviations, chit-chat and names without apostrophes", () => {
    for (const question of [
      "will the CB let CCGs decide stuff themselves or micromanage us like the old SHAs did",
      "where does ccg autonomy fit in lansleys letter",
      "is the NHSCB going to let us get on with it or are we going to get the SHA treatment all over again",
      "morning all! sorry if this is a daft one tbh - ccg autonomy, whats the official line from DH?",
    ]) {
      const { answered, first: answer } = first(question);
      expect(answered, question).toBe(true);
      expect(answer?.objective, question).toBe(1);
    }
  });

  it("are listed, but the field's names no passage uses are not held against a question", () => {
    const lookup = assistant.index.lookup("will the LAT micromanage our CCG, wondering tbh");
    expect(lookup.terms).toEqual(["micromanag", "ccg"]);
    expect(lookup.unknown).toEqual([]);
    expect(assistant.index.lookup("florp wibble CCG").unknown).toEqual(["florp", "wibble"]);
  });

  it("include a short word with two letters swapped, read as the word the sources use", () => {
    const lookup = assistant.index.lookup("pwoer to local orgs");
    expect(lookup.known).toContainEqual({ term: "power", token: "pwoer" });
    expect(first("pwoer to local orgs objectve - whats it actualy say").first?.objective).toBe(1);
  });

  it("decline a question made only of them", () => {
    expect(assistant.ask("florp wibble zanzibar?")).toMatchObject({ answered: false, answers: [] });
    expect(assistant.ask("hi all, thanks!")).toMatchObject({ answered: false, answers: [] });
  });

  it("decline a question that is mostly about something else", () => {
    expect(assistant.ask("whats the capital of australia").answered).toBe(false);
    expect(assistant.ask("how old is the queen").answered).toBe(false);
  });
});

describe("near misses: the domain's words about something else", () => {
  it.each([
    "whats the door code for the leeds office",
    "can someone book me a meeting room at the national support centre",
    "is the NHS pension scheme changing for CSU staff",
    "who's doing the sandwiches for the accountability meeting",
    "forgot my nhsmail password",
    "who chairs our governing body now",
    "when is the next accountability meeting",
    "whats our CCG's prescribing budget for this year",
    "how many staff work at NHS England",
    "can someone proofread my cover letter",
    "who signs off the CCG's annual accounts",
    "does the CSU do our HR now or is that still the PCT",
  ])("declines %j, with no passage offered", (question) => {
    expect(assistant.ask(question)).toMatchObject({ answered: false, answers: [] });
  });

  it("reads everyday workplace words as typed, only while no document uses them", () => {
    const nothingUsed = () => false;
    expect(offDomainWords("whats the door code for the Leeds office", nothingUsed)).toEqual(["door", "door code"]);
    expect(offDomainWords("excel vlookup not working", nothingUsed)).toEqual(["excel", "vlookup"]);
    expect(offDomainWords("is there room for manoeuvre, or will they leave it to CCGs", nothingUsed)).toEqual([]);
    expect(offDomainWords("pension changes", (word) => word === "pension")).toEqual([]);
  });

  it("answers such a question once a document covers it", () => {
    const local = createObjectivesAssistant(kb);
    expect(local.ask("is the NHS pension scheme changing for CSU staff").answered).toBe(false);
    local.index.add([
      {
        id: "minutes-pensions",
        objective: null,
        kind: "minutes",
        text: "The Board noted that the NHS pension scheme would not change for staff transferring to CSUs.",
        source: { title: "Board minutes", publisher: "NHS Commissioning Board", date: "2013-01-17" },
      },
    ]);
    expect(local.ask("is the NHS pension scheme changing for CSU staff").answers[0]?.passageId).toBe(
      "minutes-pensions",
    );
  });
});

describe("what a question asks for", () => {
  it("reads the subject of a definition question", () => {
    expect(readQuestion("what does 'assumed liberty' actually mean for a CCG")).toMatchObject({
      definitionOf: "'assumed liberty'",
      definitionAlone: true,
    });
    expect(readQuestion("decentralisation??")).toMatchObject({
      definitionOf: "decentralisation",
      definitionAlone: true,
    });
    expect(readQuestion("whats meant by commissioning support? finance person here")).toMatchObject({
      definitionOf: "commissioning support",
      definitionAlone: true,
    });
    expect(readQuestion("what is the board's resource limit and why does it matter")).toMatchObject({
      definitionOf: "board's resource limit and why does it matter",
      definitionAlone: false,
    });
    expect(readQuestion("what does the letter actually mean by it").definitionOf).toBeUndefined();
  });

  it("answers 'what is X' with the passage that defines X, not one that only uses the words", () => {
    expect(first("what is assumed liberty?").first?.passageId).toBe("power-earned-autonomy");
    expect(first("earned autonomy??").first?.passageId).toBe("power-earned-autonomy");
    expect(first("what does overarching mean").first?.passageId).toBe("power-quote-overarching");
    expect(first("what are the four fixed points").first?.passageId).toBe("landscape-fixed-points");
    expect(first("what's a pre-mandate letter").first?.passageId).toBe("letter-pre-mandate");
  });

  it("reads when a question asks what the letter or the Secretary of State said", () => {
    for (const question of [
      "what did the SoS say senates and networks are for",
      "what did lansley actually say about decentralisation?",
      "does the letter say anything about monitor",
      "whats the official line from DH on autonomy",
    ]) {
      expect(readQuestion(question).asksForTheLetter, question).toBe(true);
    }
    for (const question of ["what did charles alessi say about lansleys letter", "when did lansley send the letter"]) {
      expect(readQuestion(question).asksForTheLetter, question).toBe(false);
    }
  });

  it("puts the letter's own words above commentary when asked what the letter said", () => {
    const letter = first("what did the SoS say senates and networks are for");
    expect(letter.first).toMatchObject({ passageId: "power-senates-insight" });
    const alliance = first("what did the NHS Alliance say about clinical senates?");
    expect(alliance.first?.passageId).toMatch(/^reactions-hynes/);
  });

  it("says the sources don't answer directly when the best passage is background", () => {
    const result = first("can the Board overrule our CCG?");
    expect(result).toMatchObject({ answered: true, direct: false });
    expect(result.first).toMatchObject({ passageId: "letter-control-concern", objective: 1 });
    expect(result.answers.length).toBeGreaterThan(1);
  });

  it("lets background give way to a passage that answers nearly as well", () => {
    const result = first("can NHSCB override a decision our governing body has already made??");
    expect(result.direct).toBe(true);
    expect(result.first?.passageId).toBe("power-quote-principle");
  });

  it("reads a question that refers back to the sentence before it ('anything on this?')", () => {
    const message =
      "Our CFO asks whether money for commissioning support will be kept centrally before it reaches CCGs. Does the letter say anything on this? Need it by Tuesday";
    expect(readQuestion(message)).toMatchObject({
      focus:
        "Our CFO asks whether money for commissioning support will be kept centrally before it reaches CCGs. Does the letter say anything on this?",
    });
    expect(readQuestion(message).topic).toBeUndefined();
    expect(first(message).first?.passageId).toBe("landscape-support-money");
    expect(readQuestion("Long one, sorry. What did the letter say on hosting?").focus).toBe(
      "What did the letter say on hosting?",
    );
  });

  it("finds who took a meeting's minutes, and the select committee named in full", () => {
    expect(
      first("who did the minutes for the june SoS meeting")
        .answers.map((answer) => answer.text)
        .join(" "),
    ).toContain("Andrew Sanderson");
    expect(
      first("which select committee looked at NHS England accountability")
        .answers.map((a) => a.text)
        .join(" "),
    ).toContain("Public Administration Select Committee");
  });

  it("reads an objective named as one", () => {
    expect(first("whats the commissioning landscape objective about in plain english").first?.objective).toBe(2);
    expect(first("commissioning capabilites objective").first?.objective).toBe(3);
  });

  it("answers from the objective asked about by number, whatever else the question's words match", () => {
    for (const question of [
      "how would you explain objective 1 in plain english to a practice manager",
      "explain the 1st objective to our finance managers please",
    ]) {
      const answers = assistant.ask(question).answers;
      expect(answers.length, question).toBeGreaterThan(0);
      expect(
        answers.every((answer) => answer.objective === 1),
        question,
      ).toBe(true);
    }
    // The number in what the asker already knows is not what they ask about.
    expect(first("I get that objective 1 is the main one, but what about the CSU bit").first?.objective).toBe(2);
  });

  it("answers 'how many' only with a passage that states a number of it", () => {
    expect(statesQuantity("On 23 April 2012 the letter was sent at 14:00.")).toBe(false);
    expect(statesQuantity("70% of 95 respondents")).toBe(true);
    expect(first("how many respondents did the NHS Alliance survey have").first?.passageId).toBe(
      "landscape-support-survey",
    );
  });
});

describe("the way staff talk: names typed wrong, idioms, context before the question", () => {
  it.each([
    ["lansly wrote to the comissioning board", "sos wrote to the nhscb"],
    ["departmnet of health", "dh"],
    ["can CCGs decide things for themselves", "can ccg decision autonomy"],
    ["will the CB hand power down", "will the nhscb devolve power"],
    ["run everything centrally", "centralise"],
    ["they want to take a cut of our CSU money", "they want to top slicing our csu money"],
    ["will CSUs be sold off", "will csu be privatised"],
    ["which paper leaked it", "which paper obtained it"],
    ["who was at the june meeting", "who attended the june meeting"],
    ["the LAT wants to performance manage us", "the lat wants to direct us"],
    ["who will manage the CCGs budgets", "who will manage the ccg budgets"],
    ["how do we get better at commissioning", "how do we develop capabilities commissioning"],
    ["are we free by default", "are we free assumed"],
    ["do we have to prove ourselves first", "do we have to earn autonomy first"],
    ["can support come from outside of the NHS", "can support come from any sector"],
    ["trying to work out whether the CB can do this", "trying to whether the nhscb can do this"],
    ["how will it work out", "how will it work out"],
    ["is the LAT our boss", "is the lat direct us"],
    ["will the CB boss CCGs around", "will the nhscb direct us"],
    ["who's minuting on weds", "who taking the minutes on wednesday"],
  ])("reads %j as %j", (typed, read) => {
    expect(normaliseText(typed)).toBe(read);
  });

  it("does not read a plain word as a typo of another ('better' is not 'letter')", () => {
    const lookup = assistant.index.lookup("a better plan for the CCG");
    expect(lookup.terms).not.toContain("letter");
    expect(lookup.unknown).toContain("better");
  });

  it("answers the question after a context of the asker's own week", () => {
    const result = first(
      "Three emails this week from the area team, each more prescriptive than the last, and another deadline on Friday. Is the Board meant to be directing CCGs like this?",
    );
    expect(result.answered).toBe(true);
    expect(result.first?.objective).toBe(1);
  });

  it.each([
    ["phone: can we pick our own csu?", "can we pick our own csu?"],
    [
      "on my phone - who has the last word on local decisions, the CB or us",
      "who has the last word on local decisions, the CB or us",
    ],
    [
      "does the letter say what the board's leeds office is for? sry on train",
      "does the letter say what the board's leeds office is for?",
    ],
    ["which org did michael dixon chair\n\nSent from my iPhone", "which org did michael dixon chair"],
  ])("answers %j as it answers the message without where it was typed", (typed, plain) => {
    const answers = (question: string) => assistant.ask(question).answers.map((answer) => answer.passageId);
    expect(answers(plain).length).toBeGreaterThan(0);
    expect(answers(typed)).toEqual(answers(plain));
  });

  it("answers a question judged by what the letter set, whatever office work it is for", () => {
    expect(
      first("writing the staff newsletter: according to the letter can we choose our own CSU").first?.objective,
    ).toBe(2);
    expect(first("objective 4 - for our slides template, does it mention social care").first?.objective).toBe(4);
    expect(assistant.ask("per the letter can I book the boardroom for friday").answered).toBe(false);
    expect(assistant.ask("going by the objectives, whats the wifi password").answered).toBe(false);
  });

  it("still declines an office question typed on a phone", () => {
    expect(assistant.ask("phone: whats the IT helpdesk number").answered).toBe(false);
    expect(assistant.ask("on my phone - is there parking at the leeds office").answered).toBe(false);
  });

  it("answers 'which of the objectives' with a passage filed under one", () => {
    expect(readQuestion("which of the objectives comes first").asksWhichObjective).toBe(true);
    expect(first("which of the objectives comes first").first?.objective).toBe(1);
  });

  it("reads what someone meant when they said something as a question about what they said, not a definition", () => {
    expect(readQuestion("what did Grant mean when he said names matter").definitionOf).toBeUndefined();
    expect(readQuestion("what does top slicing mean").definitionOf).toBe("top slicing");
    expect(first("what did Lansley mean when he said power should go local").first?.objective).toBe(1);
  });

  it("drops the apologies of a dictated message", () => {
    expect(
      first("voice note, excuse typos - whether the senates can overrule a CCG on a pathway or only advise").first
        ?.passageId,
    ).toBe("power-senates-insight");
  });

  it("does not take a noun after a body's name for what the body may do", () => {
    expect(readQuestion("what does the SoS letter say about budgets").action).toBeUndefined();
    expect(readQuestion("can the CB overrule us").action).toBe("overrule");
  });

  it.each([
    "what are our CCG's priorities for next year",
    "how much of our delegated commissioning budget is left this quarter",
    "when does the staff consultation close",
    "is the CSU still recruiting to the new posts? keen to apply",
    "is our CCG's constitution published yet",
    "when is our CCG's operating plan due in",
    "is the june meeting summary on our CCG's website",
  ])("declines %j, about the asker's own organisation or errand", (question) => {
    expect(assistant.ask(question).answered).toBe(false);
  });

  it("still answers how much of a budget the letter expects delegated", () => {
    expect(readQuestion("how much of our budget will be delegated this year").ownOrganisation).toBe(false);
    expect(first("how much of our budget will be delegated this year").first?.passageId).toBe(
      "power-budget-delegation",
    );
  });
});

describe("objectives named by what they are for, and who is asking", () => {
  it.each([
    ["will they be inspecting us", "will they be oversight us"],
    ["who's in the driving seat on support", "who in control on support"],
    ["do we need their permission first", "do we autonomy first"],
    ["can a senate stop us doing it", "can a senate overrule us doing it"],
    ["how long was the june meeting", "the june meeting time"],
    ["who did the SoS write the letter to", "who did the sos the letter recipient"],
    ["getting the structures in place", "establish the structures"],
    ["the board keeping within its own budget", "nhscb resource limit"],
    ["how much rope do we get", "freedom do we get"],
    ["the first objective trumps the others", "the objective1 priority the others"],
    ["what does it add on top", "what does it add also"],
    ["do we run our own budget", "do we run delegated budget"],
  ])("reads %j as %j", (typed, read) => {
    expect(normaliseText(typed)).toBe(read);
  });

  it.each([
    ["practice nurse here - can the clinical network stop us changing a pathway?", 1],
    ["finance lead here: when will more of the allocation be delegated to CCGs", 1],
    ["lay member here: how much rope does the letter give CCGs", 1],
  ])("does not count who is asking against the question: %j", (question, objective) => {
    const result = first(question);
    expect(result.answered).toBe(true);
    expect(result.first?.objective).toBe(objective);
  });

  it("answers 'the one about X, which number is that' with a passage filed under an objective", () => {
    const result = first("the one about fair competition for providers, which number is that");
    expect(result.first?.objective).toBe(4);
  });

  it("answers about the objective after 'but', not the one the asker already knows", () => {
    expect(readQuestion("I know objective 2 is about the landscape, but what does the finance one ask for").focus).toBe(
      "what does the finance one ask for",
    );
    const result = first("I know objective 2 is about the landscape, but what does the finance one ask for");
    expect(result.first?.objective).toBe(3);
  });

  it("answers where the letter can be read, but declines converting a Word document", () => {
    expect(first("has anyone got the SoS letter as a PDF").first?.passageId).toBe("letter-full-text");
    expect(first("which papers reported on the letter").first?.passageId).toBe("letter-full-text");
    expect(first("can someone convert this word doc to pdf for me").answered).toBe(false);
  });

  it("declines booking a room, whoever's room it is", () => {
    expect(first("can I book the boardroom for the senate meeting").answered).toBe(false);
    expect(first("running costs return: who in the CCG fills it in").answered).toBe(false);
  });
});

describe("a question after a dash, and being made to take something", () => {
  it("judges a question after the asker's context by the question too", () => {
    const question = "re-authorisation visit next month - does the letter give CCGs much leeway once authorised";
    expect(readQuestion(question).afterDash).toBe("does the letter give CCGs much leeway once authorised");
    const result = first(question);
    expect(result.answered).toBe(true);
    expect(result.first?.objective).toBe(1);
  });

  it("reads a CSU imposed on a CCG as support it is forced to use, and a senate imposing its views as control", () => {
    expect(first("can the CB impose a support provider on a CCG").first?.passageId).toBe("landscape-support-choice");
    expect(first("can the clinical senate impose its views on us").first?.objective).toBe(1);
  });
});

describe("who wins, checking up and helping, and what the answer is for", () => {
  it.each([
    ["who wins if we disagree", "overrule if we disagree"],
    ["are senates a talking shop", "are senates a advice"],
    ["the letter - month and year please", "the letter date please"],
    ["will they be checking up on us", "will they be oversight us"],
    ["the area team keeps marking our homework", "the lat keeps oversight"],
    ["can you check our invoice", "can you check our invoice"],
    ["is the board there to help us", "is nhscb there to supporting us"],
    ["can the CB make us use the CSU", "can the nhscb forced us use the csu"],
    ["the key message about senates for our staff briefing", "the main about senates"],
    ["writing a blog piece on the letter", "on the letter"],
  ])("reads %j as %j", (typed, read) => {
    expect(normaliseText(typed)).toBe(read);
  });

  it("answers who has the final say after a role given with a dash", () => {
    const result = first("practice manager - if the LAT disagrees with our commissioning plan, who has the final say?");
    expect(result.answered).toBe(true);
    expect(result.first?.objective).toBe(1);
  });

  it("reads help as support only when the Board or a senate gives it, not a colleague", () => {
    expect(normaliseText("can anyone help us find a venue")).toBe("can anyone help us find a venue");
    expect(first("can anyone help us find a venue").answered).toBe(false);
  });

  it("declines whether our own allowance is confirmed, and lost belongings", () => {
    expect(first("has our QIPP allowance been confirmed").answered).toBe(false);
    expect(first("anyone seen my specs").answered).toBe(false);
  });
});

describe("the asker's own organisation, new or old", () => {
  it("declines hosting or drafting our new CCG's website or constitution", () => {
    expect(first("can the CSU host our new CCG website").answered).toBe(false);
    expect(readQuestion("who drafts our new ccg constitution").ownOrganisation).toBe(true);
  });
});

describe("helping or running a CCG", () => {
  it("reads running a CCG as directing it, but not running its budget", () => {
    expect(normaliseText("will the CB run us")).toBe("will the nhscb direct us");
    expect(normaliseText("we run our ccg budget")).toBe("we run our ccg budget");
  });

  it("takes no one power as asked about when a question asks which of two", () => {
    expect(readQuestion("is the Board meant to support CCGs or manage them").action).toBeUndefined();
    expect(readQuestion("can the CB overrule us or not").action).toBe("overrule");
    expect(first("is the board there to help ccgs or to run them").first?.objective).toBe(1);
  });

  it("declines the way to the post office", () => {
    expect(first("is there a post office near the area team").answered).toBe(false);
  });
});

describe("abbreviations spelled out, who said it, and a short question about the sentence before", () => {
  it("reads 'what's X short for' as asking what X stands for", () => {
    expect(readQuestion("what's NHS CC short for").definitionOf).toBe("nhs cc");
    const result = assistant.ask("whats NHS CC short for, it was in the trade press");
    expect(result.answers.slice(0, 3).some((answer) => answer.text.includes("NHS Clinical Commissioners"))).toBe(true);
  });

  it("weighs who said something as much as what it was said about", () => {
    expect(readQuestion("has the BMA said anything about commissioning support").speaker).toBe("the bma");
    expect(readQuestion("did the letter say anything about CSUs").speaker).toBeUndefined();
    expect(first("has the BMA said anything on commissioning support").first?.passageId).toBe("landscape-support-bma");
  });

  it.each([
    "worried the board will turn into the department under another name and interfere. did lansley speak to that?",
    "I keep hearing about the four objectives from the SoS. which one is the most important?",
    "the clinical networks feel like more control from above. did anyone at the time say they shouldnt?",
  ])("reads the sentence before a short question that points back at it: %j", (question) => {
    const result = first(question);
    expect(result.answered).toBe(true);
    expect(result.first?.objective).toBe(1);
  });

  it("reads AQP as any qualified provider", () => {
    expect(normaliseText("AQP and any qualified provider")).toBe("aqp and aqp");
    expect(first("does the letter say anything about AQP, our trust is not happy").first?.objective).toBe(4);
  });

  it.each([
    "who minutes our locality meetings these days",
    "who signs off expenses at our CCG",
    "our senate meeting has been postponed - anyone know when to",
  ])("declines an office task or meeting of our own: %j", (question) => {
    expect(first(question).answered).toBe(false);
  });

  it.each([
    "who takes on our public health duties when the PCT goes?",
    "who manages our relationship with the NHS Commissioning Board?",
    "who handles our commissioning budget under the new system?",
    "who signs off our commissioning plans - the board or the CCG?",
    "will our governing body meetings be changed by the new rules?",
  ])("answers a question about the new system that names no office task: %j", (question) => {
    expect(first(question).answered).toBe(true);
  });
});

describe("patients, a letter that went out, and a question in a sentence's last clause", () => {
  it("does not read a question about patients as one about patient safety", () => {
    const result = first("where do patients fit in the objectives at all?");
    expect(result.first?.objective).toBe(1);
    expect(result.first?.passageId).not.toBe("meetings-april-items");
  });

  it("reads a letter that went out as the letter written then", () => {
    expect(normaliseText("when the letter went out")).toBe("when the letter wrote");
    const result = assistant.ask("who was the health sec when the letter went out");
    expect(result.answers.slice(0, 3).some((answer) => answer.text.includes("Andrew Lansley"))).toBe(true);
  });

  it("reads 'is that allowed' after a comma as asking about the sentence before", () => {
    expect(
      readQuestion("Quick one. We might buy our support from a private firm. all things considered, is that allowed?")
        .focus,
    ).toBe("We might buy our support from a private firm. all things considered, is that allowed?");
  });
});

describe("our own papers, shortlists and socials", () => {
  it.each([
    "where are our locality's terms of reference saved these days",
    "drafting our CCG's own four strategic aims - anyone got the old wording",
    "where do we put our own governing body minutes online",
    "does the level playing field apply to how we shortlist for a band 7 post",
    "is the Christmas social paid for by the Board under the partnerships objective",
    "cant find the HWB papers on the shared drive, are they there",
  ])("declines: %j", (question) => {
    expect(first(question).answered).toBe(false);
  });
});

describe("a question typed without its question mark, and office words in a question about the letter", () => {
  it("reads a sentence that opens as a question does as the one that asks", () => {
    expect(
      readQuestion("our chair is cross about the returns. does the letter say decisions sit with CCGs").focus,
    ).toBe("does the letter say decisions sit with CCGs");
  });

  it("answers what the letter says even when the context mentions the office", () => {
    const result = first(
      "three emails from the area team about our desks and parking this week. what line did lansley take on the board directing CCGs",
    );
    expect(result.answered).toBe(true);
    expect(result.first?.objective).toBe(1);
  });

  it("still declines the office errand when the letter is only mentioned in passing", () => {
    expect(first("the letter is all very well but can someone reset my nhsmail password").answered).toBe(false);
  });

  it("reads 'the national board' as the Board", () => {
    expect(analyse("is the national board meant to be fair to everyone")).toContain("nhscb");
    const result = first("is the national board supposed to let CCGs decide for themselves");
    expect(result.answered).toBe(true);
    expect(result.first?.objective).toBe(1);
  });
});
