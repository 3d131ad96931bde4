import { normaliseText } from "./text-analysis";

/** What a question asks for, beyond its words: read from its phrasing before it is looked up. */
export interface QuestionShape {
  /** "what is X", "what does X mean", "X??": the X, as typed. */
  definitionOf?: string;
  /** The X alone is what is asked ("what does X mean", "what is meant by X", "X??"), the rest preamble. */
  definitionAlone: boolean;
  /** Words the asker put in quotes: 'localism', "full control". */
  quoted: string[];
  /** "what did the letter say about X", "anything on X": the X, as typed. */
  topic?: string;
  /** "did the BMA say anything about X": who said it, when that is not the letter or its author. */
  speaker?: string;
  /** "can the Board overrule us", "will the CSU host...": what the body may do (normalised), which is what is asked. */
  action?: string;
  /** In a message of several sentences, those that ask (end with "?"), when others only give context. */
  focus?: string;
  /** "authorisation panel next month - does the letter say how much freedom we get": the question after
   * a dash, when what comes before may be the asker's context (it may as well be the topic, so it
   * only counts for how much of the question the index knows). */
  afterDash?: string;
  /** It asks what the letter or the Secretary of State said, wanted or meant. */
  asksForTheLetter: boolean;
  /** "which of the objectives...", "what objective is X under": the answer names one objective. */
  asksWhichObjective: boolean;
  /** "how many staff...": only a passage that states a number can answer it; the word counted ("staff"), if any. */
  howMany?: { of?: string };
  /** It asks how the asker personally gets something done ("how do I...", "where can I...", "book me..."). */
  personal: boolean;
  /** It asks about the asker's own organisation or week: its post-holders, its figures, who or
   * when or where the next meeting is. */
  ownOrganisation: boolean;
}

/**
 * Definition questions. The first pattern that matches gives the subject, up to the end of its
 * sentence; "what is the Board's resource limit and why does it matter" gives "the board's resource
 * limit and why does it matter", which is enough: a passage counts as defining it when the term it
 * defines is most of the subject (see preferences.ts).
 */
const DEFINITION_PATTERNS: { pattern: RegExp; alone: boolean }[] = [
  { pattern: /\bwhat\s+(?:does|do|did)\s+.+?\s+mean\s+by\s+(.+)/, alone: true },
  {
    // "what did Grant mean when he said...": what someone meant, not what a term means.
    pattern:
      /\bwhat\s+(?:does|do|did)\s+(.+?)\s+(?:actually\s+|really\s+|exactly\s+)?(?:mean|means|stand\s+for)\b(?!\s+(?:when|where|if|in\s+saying|about)\b)/,
    alone: true,
  },
  {
    pattern:
      /\bwhat(?:'s|s|\s+is|\s+are|\s+was|\s+were)\s+(?:actually\s+|really\s+|exactly\s+)?(?:meant\s+by|the\s+meaning\s+of)\s+(.+)/,
    alone: true,
  },
  { pattern: /\b(?:meaning|definition)\s+of\s+(.+)/, alone: true },
  // "whats NHS CC short for": what an abbreviation stands for.
  { pattern: /\bwhat(?:'s|s|\s+is|\s+was)\s+(.+?)\s+short\s+for\b/, alone: true },
  { pattern: /\bdefine\s+(.+)/, alone: true },
  { pattern: /^([^?]+?)\s*\?{2,}\s*$/, alone: true },
  { pattern: /\bwhat(?:'s|s|\s+is|\s+are|\s+was|\s+were)\s+(?:an?\s+|the\s+)?(.+)/, alone: false },
];
/** "what does the letter mean by it": the subject is elsewhere in the question. */
const PRONOUNS = new Set(["it", "this", "that", "these", "those", "they", "them", "he", "she"]);

/** The bodies whose powers questions ask about, as canonical tokens (synonyms.ts). */
const BODIES = "nhscb|nhse|dh|sos|regional|pct|lat|csu|hwb|icb|senates?|networks?|clinical senates?";

/** Verbs that ask what someone said, wanted or meant. */
const SAYING = String.raw`(?:say|says|said|saying|cover|covers|mention|mentions|mentioned|ask|asks|asked|asking|want|wants|wanted|expect|expects|expected|require|requires|required|stress|stressed|promise|promised|mean|means|meant|demand|demands|demanded|call\s+for|calls\s+for|called\s+for)`;
/** In normalised text the letter's author is `sos` whatever he was called, and the Department `dh`. */
const LETTER_PATTERNS = [
  new RegExp(String.raw`\b(?:letter|sos)\b.*\bwhat\s+(?:did|does|do)\s+(?:it|he)\s+(?:\w+\s+){0,2}?${SAYING}\b`),
  new RegExp(String.raw`\b(?:letter|sos|dh)\s+(?:\w+\s+){0,2}?${SAYING}\b`),
  new RegExp(
    String.raw`\b(?:what|how)\s+(?:did|does|do|has|have)\s+(?:the\s+)?(?:letter|sos|dh)\s+(?:\w+\s+){0,2}?${SAYING}\b`,
  ),
  /\b(?:wording|words|quote|quotes|quoted|line|view|position)\b.*\b(?:letter|sos|dh)\b/,
  /\b(?:letter|sos|dh)\b.*\b(?:wording|words|quote|quotes|quoted|line|view|position)\b/,
  // "is that accurate per the 2012 objectives", "going by its objectives": judged by what the letter set.
  /\b(?:per|according\s+to|going\s+by|in\s+line\s+with)\s+(?:the\s+|its\s+|his\s+)?(?:2012\s+)?(?:letter|objectives|four\s+objectives|sos)\b/,
  // "objective 3 - does it say anything about contract management".
  new RegExp(String.raw`\bobjective\s*\d\b.*\b(?:does|did)\s+it\s+${SAYING}\b`),
];

/** Asking how to get something done oneself: "how do I...", "where can I...", "who do I contact". */
const PERSONAL_PATTERNS = [
  /\b(?:how|where|who|when|what)\s+(?:do|can|could|should|shall|would)\s+i\b/,
  /\b(?:book|get|give|send|paid|pay|sort|find)\s+me\b/,
  /\b(?:can|could|may)\s+i\s+(?:book|borrow|reserve|bring|park|use|have)\b/,
  // Applying for a post is a personal errand, whatever the post.
  /\b(?:want|wanting|like|hoping|going|planning|keen|thinking\s+of)\s+to\s+apply\b|\bapply(?:ing)?\s+for\s+(?:a|the|one|this|that)\b/,
];

/**
 * The knowledge base covers national policy of 2012-13 and names no local post-holder, meeting or
 * figure: "who chairs our governing body", "who is replacing her", "what's on the agenda for our next meeting", "what's
 * our prescribing budget" and "when is the next accountability meeting" are about the asker's own
 * organisation and week, and any passage that matches their words (national chairs, the Board's
 * meetings of 2012, budget delegation) would be a wrong answer.
 */
const OWN_ORGANISATION_PATTERNS = [
  /\bwho(?:'s|s|\s+is|\s+are|\s+runs|\s+leads|\s+chairs)\b.*\b(?:our|my)\b/,
  // Who fills the post of someone leaving ("who is replacing her"), not which body replaced which.
  /\bwho(?:'s|s|\s+is|\s+will\s+be|\s+would\s+be)?\s+(?:replacing|replace|covering\s+for|cover\s+for|succeeding|stepping\s+in\s+for)\s+(?:her|him)\b/,
  /\b(?:agenda|minutes|papers|dial|date|venue|room)\s+(?:\w+\s+)?(?:for|of|from)\s+(?:our|my)\s+(?:next|last|upcoming|previous)\b/,
  /\bwhat(?:'s|s|\s+is|\s+are|\s+was)\s+(?:the\s+)?(?:our|my)\b[^?]*\b(?:budget|budgets|allocation|spend|figure|figures|deadline|address|agenda|minutes|target|targets|plan|plans)\b/,
  // Our own organisation's papers and processes: its constitution, website, policies, plans and reports.
  /\b(?:our|my)\s+(?:(?:new|current|old|latest|draft)\s+)?(?:(?:ccg|ccgs|team|practice|locality|organisation|org|directorate)(?:'s|s)?\s+)?(?:own\s+)?(?:\w+\s+)?(?:constitution|website|policies|operating\s+plan|annual\s+report|submission|procedures)\b/,
  // Our organisation's own aims or minutes: "drafting our CCG's own four strategic aims", "where do we put our OWN
  // GB minutes", not the letter's.
  /\b(?:our|my)\s+(?:(?:ccg|ccgs|team|organisation|org)(?:'s|s)?\s+)?own\s+(?:\S+\s+){0,2}?(?:aims|objectives|priorities|goals|strategy|minutes)\b/,
  // Where our own papers are kept: "where are our HWB's terms of reference saved".
  /\bwhere\s+(?:are|is|do\s+we\s+keep|do\s+we\s+save)\s+(?:our|my)\b[^?]*\b(?:saved|stored|kept|filed)\b/,
  // Our own objectives for a period ("what are our CCG's priorities for next year"), not the letter's.
  /\bwhat(?:'s|s|\s+is|\s+are|\s+were)\s+(?:our|my)\s+(?:\S+\s+){0,2}?(?:objectives|priorities|goals|strategy)\s+(?:for|this|next|in)\b/,
  // Whether our own budget or allowance has been confirmed ("has our running cost allowance been confirmed").
  /\b(?:our|my)\s+(?:\S+\s+){0,3}?(?:budget|budgets|allocation|allocations|allowance|allowances)\s+(?:\S+\s+){0,2}?(?:confirmed|agreed|approved|signed\s+off|published|announced|arrived|come\s+through)\b/,
  // What is left of our own budget.
  /\bhow\s+much\b[^?]*\b(?:our|my)\b[^?]*\b(?:budget|budgets|allocation|money|funding)\b[^?]*\b(?:left|remaining|spent|underspent|overspent)\b/,
  // When something of the office opens or closes (a survey, a consultation, a post).
  /\bwhen\s+(?:does|do|is|will)\b[^?]*\b(?:close|closes|closing|open|opens|opening)\b/,
  /\b(?:when|where|who|what\s+time)\b[^?]*\bnext\s+(?:\w+\s+){0,3}?(?:meeting|meetings|senate|board|session|event|forum|day)\b/,
  // Who does an office task for us: "who minutes our governing body", "who approves press releases at our
  // CCG", "who signs off our prescribing incentive scheme". The task is named: "who manages our
  // relationship with the Board" or "who signs off our commissioning plans" ask about the new system.
  /\bwho\s+minutes\b[^?]*\b(?:our|my)\b/,
  /\bwho\s+(?:approves|signs(?:\s+off)?|books|organises|organizes|sends|updates|arranges|processes|handles|takes)\s+(?:the\s+|our\s+|my\s+)?(?:\S+\s+)?(?:press\s+releases?|expenses|expense\s+claims?|annual\s+leave|leave\s+requests?|timesheets?|invoices?|room\s+bookings?|newsletters?|rotas?|diary|diaries|travel|payroll|purchase\s+orders?|incentive\s+schemes?|agendas?)\b/,
  // Our own meeting moved or cancelled: "our HWB meeting got moved - anyone know the new date".
  /\b(?:our|my)\s+(?:\S+\s+){0,2}?(?:meeting|meetings|mtg|session|call|event)\s+(?:\S+\s+){0,2}?(?:moved|cancelled|canceled|postponed|rescheduled)\b/,
  // Where a meeting is: the sources place no meeting but those of 2012, which they name.
  /\bwhere(?:'s|s|\s+is)\s+(?:it|the\s+(?:\w+\s+){0,3}?(?:meeting|session|event|seminar))\b/,
];

/** "say about X", "anything on X", "mention X": what is said is asked about X. */
const TOPIC = new RegExp(
  String.raw`\b(?:${SAYING}|anything|something|much|line)\s+(?:(?:at\s+)?all\s+)?(?:about|on|regarding|re|of)\s+([^?.!]+)`,
);

/** In normalised text: "can the nhscb direct a ccg...", "is the regional tier going to keep...". */
const ACTION = new RegExp(
  String.raw`\b(?:can|could|will|would|should|does|do|may|might|is|are)\s+(?:the\s+)?(?:${BODIES})\s+(?:(?:going|allowed|meant|supposed|able)\s+to\s+|still\s+|really\s+|actually\s+)?([a-z]+)`,
);

/** "which of the four objectives", "what objective", "which one of the objectives", "under which heading",
 * "the one about X, which number is that". */
const WHICH_OBJECTIVE =
  /\b(?:which|what)\s+(?:one\s+)?(?:of\s+the\s+(?:four\s+|4\s+)?(?:objectives|headings)|objective|heading|number)\b/;

/** Nouns that follow a body's name ("does the SoS letter say", "is the CSU budget"): not what it may do. */
const NOT_ACTIONS = new Set([
  "letter",
  "letters",
  "office",
  "offices",
  "chair",
  "budget",
  "budgets",
  "staff",
  "team",
  "teams",
  "plan",
  "plans",
  "meeting",
  "meetings",
  "minutes",
  "website",
  "view",
  "position",
  "line",
]);

/** A quoted phrase: opened after a space or punctuation and closed before one, so "we're" and
 * "Lansley's" are not quotes. */
const QUOTED = /(?:^|[\s(\-–—:])['"“‘]([^'"“”‘’]{2,80}?)['"”’](?=$|[\s,.;:!?)\-–—])/g;

const MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december";
/** Dates and times are numbers that count nothing. */
const DATES = new RegExp(
  String.raw`\b\d{1,2}\s+(?:${MONTHS})(?:\s+\d{4})?\b|\b(?:${MONTHS})\s+\d{4}\b|\b\d{4}(?:[-/]\d{2,4})?\b|\b\d{1,2}:\d{2}\b`,
  "gi",
);
const QUANTITY =
  /\b\d+(?:[.,]\d+)?\b|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|fifty|hundred|thousand|million|billion|dozen|half)\b/i;

/** Whether a passage states a number of something (not just a date): what a "how many" question needs. */
export function statesQuantity(text: string): boolean {
  return QUANTITY.test(text.replace(DATES, " "));
}

export function readQuestion(question: string): QuestionShape {
  const lower = question.toLowerCase().replace(/[’‘`´]/g, "'");
  const normalised = normaliseText(question);
  const definition = definitionSubject(lower);
  const focus = askingSentences(question);
  const afterDash = DASH_THEN_ASKS.exec(question)?.[1]?.trim();
  const topic = pronounless(TOPIC.exec(lower)?.[1]?.trim());
  const speaker = speakerAsked(lower, normalised);
  const action = actionAsked(normalised);
  const verb = action === undefined || NOT_ACTIONS.has(action) ? undefined : action;
  return {
    ...(topic ? { topic } : {}),
    ...(speaker ? { speaker } : {}),
    ...(verb ? { action: verb } : {}),
    ...(definition === undefined ? {} : { definitionOf: definition.subject }),
    definitionAlone: definition?.alone ?? false,
    quoted: [...question.matchAll(QUOTED)].flatMap((match) => match[1]?.trim() || []),
    ...(focus === undefined ? {} : { focus }),
    ...(afterDash ? { afterDash } : {}),
    ...howMany(lower),
    asksForTheLetter: LETTER_PATTERNS.some((pattern) => pattern.test(normalised)),
    asksWhichObjective: WHICH_OBJECTIVE.test(lower) || (/\bwhich\s+one\b/.test(lower) && /\bobjectives\b/.test(lower)),
    personal: PERSONAL_PATTERNS.some((pattern) => pattern.test(lower)),
    ownOrganisation: OWN_ORGANISATION_PATTERNS.some((pattern) => pattern.test(lower)),
  };
}

/** What "can the Board X us" asks the body may do; none when it asks which of two ("help CCGs or run them"). */
function actionAsked(normalised: string): string | undefined {
  const match = ACTION.exec(normalised);
  if (!match) return undefined;
  const rest = normalised.slice(match.index + match[0].length);
  return /\bor\s+(?!not\b)/.test(rest) ? undefined : match[1];
}

/** "did the bma say anything about csus", "what has hynes said on senates": the X before the verb. */
const SPEAKER = new RegExp(
  String.raw`\b(?:did|does|do|has|have|had)\s+((?:[\w'&]+\s+){1,3}?)${SAYING}\s+(?:anything|something|much|about|on|regarding)\b`,
);
/** The letter and its author are what most questions ask about; they need no emphasis. */
const NOT_SPEAKERS = /\b(?:letter|sos|dh|it|he|she|they|you|we|i|anyone|anybody|someone|somebody|people|objectives?)\b/;

function speakerAsked(lower: string, normalised: string): string | undefined {
  const speaker = SPEAKER.exec(lower)?.[1]?.trim();
  if (speaker === undefined) return undefined;
  const inNormalised = SPEAKER.exec(normalised)?.[1]?.trim() ?? speaker;
  return NOT_SPEAKERS.test(inNormalised) ? undefined : speaker;
}

function howMany(lower: string): Pick<QuestionShape, "howMany"> {
  const match = /\bhow\s+many\b\s*([\p{L}\p{N}]*)/u.exec(lower);
  if (!match) return {};
  return { howMany: match[1] ? { of: match[1] } : {} };
}

function definitionSubject(lower: string): { subject: string; alone: boolean } | undefined {
  for (const { pattern, alone } of DEFINITION_PATTERNS) {
    const match = pattern.exec(lower)?.[1];
    if (match === undefined) continue;
    const subject = match.split(/[?!.]/)[0]?.trim() ?? "";
    return subject === "" || PRONOUNS.has(subject) ? undefined : { subject, alone };
  }
  return undefined;
}

/** A sentence that asks about what the one before it said: "Is that right?", "Does this apply to us?",
 * "Does the letter say anything on this?". */
const REFERS_BACK = [
  // "Is that allowed?", "setting the cost aside, is that allowed?": at the start of the sentence or of its last clause.
  /(?:^|,\s*)(?:\W*\w+\s+){0,2}?(?:that|this|it)\b/i,
  /\b(?:about|on|re|regarding|of)\s+(?:that|this|it)\W*$/i,
  // "did lansley address that?", "does the letter cover this?": a short question about what was just said.
  /^(?:\W*\S+\s+){1,5}?(?:that|this)\W*$/i,
  // "which one is the most important?", "what's the answer?": the one or the answer of the sentence before.
  /\bwhich\s+one\b|^\W*what(?:'s|s|\s+is)\s+the\s+answer\W*$/i,
  // "did anyone at the time say they shouldnt be?": a short question whose subject is a pronoun.
  /^(?=(?:\W*\S+){1,10}\W*$).*\b(?:they|them|those|these)\b/i,
];

const DASH_THEN_ASKS =
  /\s[-–—]+\s+((?:what|which|how|why|who|where|when|does|do|did|is|are|can|could|will|would|should|has|have)\s[^-–—]+)$/i;

/** "I know the first objective is about power, but what does the relationships one add": what comes
 * after "but" is what is asked, what comes before it is what the asker already knows. */
const BUT_ASKS =
  /,?\s+but\s+(?=(?:what|which|how|why|who|where|when|does|do|did|is|are|can|could|will|would|should)\s)/i;

/**
 * Who is asking, said before the question ("comms officer here -", "GP board member asking -", "lay
 * member on our GB:", "GP here, not a manager:"): it says nothing about what is asked.
 */
const ASKER_ROLE = [
  /^\W*(?:(?:hi|hello|hey|morning|afternoon|evening)\b(?:\s+(?:all|team|everyone|folks))?\W+)?(?:(?:i'?m|i\s+am)\s+)?(?:an?\s+|the\s+)?(?:[a-z'&/]+\s+){0,4}?[a-z'&/]+\s+(?:here|asking|speaking)(?:\s*,?\s*not\s+an?\s+[a-z]+)?\s*(?:[:,;.]|\s-+|\s[–—])\s*/i,
  /^\W*(?:[a-z'&/]+\s+){0,3}?(?:lead|officer|member|manager|director|gp|chair|nurse|pharmacist|clinician|analyst|commissioner|accountant|administrator|comms)(?:\s+(?:on|at|for|from|in)\s+(?:our|the|a|an)\s+[a-z]+)?\s*(?::|\s-+|\s[–—])\s*/i,
];

/**
 * Where the message was typed, said before or after it ("on phone -", "phone:", "sry on train",
 * "sent from my iPhone"): it excuses the message's shortness and says nothing about what is asked.
 */
const WHERE_TYPED = [
  /^\W*(?:(?:sorry|sry|soz)\W+)?(?:(?:typing|writing)\s+)?(?:(?:on|from)\s+(?:my\s+|the\s+|a\s+)?)?(?:phone|mobile|iphone|train)(?:\s+so\s+(?:excuse|forgive|sorry\s+for)\s+(?:the\s+|any\s+)?typos)?\s*(?::|,|\s-+|\s[–—])\s*/i,
  /[\s(,.?!-]+sent\s+from\s+my\s+(?:iphone|phone|mobile|ipad)\W*$/i,
  /[\s(,.?!-]+(?:(?:sorry|sry|soz)\W+(?:(?:typing|writing)\s+)?(?:on|from)\s+(?:my\s+|the\s+|a\s+)?(?:phone|mobile|iphone|train)|(?:(?:typing|writing)\s+)?(?:on|from)\s+my\s+(?:phone|mobile|iphone))\W*$/i,
];

function withoutFirstMatch(question: string, patterns: readonly RegExp[]): string {
  for (const pattern of patterns) {
    const rest = question.replace(pattern, "");
    if (rest !== question && rest.trim() !== "") return rest;
  }
  return question;
}

/** The message without words about where it was typed. */
export function withoutWhereTyped(message: string): string {
  return withoutFirstMatch(message, WHERE_TYPED);
}

/** The question without a first clause that only says who is asking. */
export function withoutAskerRole(question: string): string {
  return withoutFirstMatch(question, ASKER_ROLE);
}

/** A sentence typed without its "?" that still asks: it opens the way a question does ("did the SoS say..."). */
const OPENS_AS_QUESTION =
  /^(?:so\s+|and\s+|but\s+)?(?:what|which|how|why|who|where|when|does|do|did|is|are|was|were|can|could|will|would|should|has|have)\b/i;

/**
 * The sentences that ask (ending in "?", or opening as a question does) of a message that also has
 * sentences that do not; with the sentence before one that refers back to it ("... Is that a fair summary?").
 */
function askingSentences(question: string): string | undefined {
  const sentences = question
    .split(/(?<=[.!?])\s+/)
    .flatMap((sentence) => sentence.split(BUT_ASKS))
    .map((sentence) => sentence.trim())
    .filter(Boolean);
  const asking = sentences.flatMap((sentence, index) => {
    const afterBut = index > 0 && index === sentences.length - 1 && BUT_ASKS.test(question);
    if (!sentence.endsWith("?") && !afterBut && !OPENS_AS_QUESTION.test(sentence)) return [];
    const before = sentences[index - 1];
    return REFERS_BACK.some((pattern) => pattern.test(sentence)) && before !== undefined && !before.endsWith("?")
      ? [before, sentence]
      : [sentence];
  });
  return asking.length > 0 && asking.length < sentences.length ? asking.join(" ") : undefined;
}

/** "anything on this": the subject is in the sentence before, not the pronoun. */
function pronounless(subject: string | undefined): string | undefined {
  return subject === undefined || PRONOUNS.has(subject) ? undefined : subject;
}
