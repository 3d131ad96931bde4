/**
 * The field's vocabulary has many names for the same bodies. Documents and queries are both rewritten
 * so that every name becomes one canonical token before indexing, e.g. "clinical commissioning
 * groups" and "CCGs" both become `ccg`. Phrases are matched on lower-case text with punctuation
 * already turned into spaces and possessive "'s" removed; a name typed without its apostrophe
 * ("lansleys letter", "the boards budget") is read as the name.
 *
 * The abbreviations staff use are here too (CB, CBA, SoS, DoH, SHA, PCT, CSU, ALB, LAT, QIPP, GB...).
 * Where the sources use other words for the same thing, the token is theirs: the strategic health
 * authorities (SHAs) were the NHS's regional tier, which the letter calls "regional organisations",
 * so an SHA is read as `regional`.
 */
const CANONICAL_NAMES: Record<string, readonly string[]> = {
  ccg: ["clinical commissioning groups", "clinical commissioning group", "ccgs", "ccg"],
  // The letter's central idea: not to be stemmed into the everyday "local".
  localism: ["localism"],
  pct: [
    "primary care trusts",
    "primary care trust",
    "pct clusters",
    "pct cluster",
    "pcts",
    "pct",
    // In 2012 "the cluster" was the PCT cluster.
    "clusters",
    "cluster",
  ],
  regional: ["strategic health authorities", "strategic health authority", "sha clusters", "shas", "sha", "regional"],
  csu: ["commissioning support units", "commissioning support unit", "csus", "csu"],
  alb: ["arm length bodies", "arm length body", "arms length bodies", "arms length body", "albs", "alb"],
  lat: ["local area teams", "local area team", "area teams", "area team", "lats", "lat"],
  gb: ["governing bodies", "governing body", "gbs", "gb"],
  qipp: ["quality innovation productivity and prevention", "qipp"],
  od: ["organisational development", "organizational development", "od"],
  // A CCG's "member practices" are its GP practices.
  gp: [
    "general practitioners",
    "general practitioner",
    "general practices",
    "general practice",
    "member practices",
    "gp practices",
    "practices",
    "gps",
    "gp",
  ],
  phe: ["public health england", "phe"],
  mip: ["management in practice", "mip"],
  pasc: ["public administration select committee", "pasc"],
  icb: ["integrated care boards", "integrated care board", "icbs", "icb"],
  hwb: [
    "health and wellbeing boards",
    "health and wellbeing board",
    "health and well being boards",
    "health and well being board",
    "hwbs",
    "hwb",
  ],
  nhscb: [
    "nhs commissioning board special health authority",
    "nhs commissioning board authority",
    "nhs cb authority",
    "cb authority",
    "nhs commissioning board",
    "commissioning board authority",
    "commissioning board",
    "board authority",
    "the authority",
    "the board",
    "national board",
    "nhs cba",
    "nhscba",
    "nhs cb",
    "nhscb",
    "ncb",
    "cba",
    "cb",
  ],
  // NHS England is the Board under its later name: both tokens, so that a question about the
  // Board finds it by either name and one about the name itself ("when did the CB become NHS
  // England") finds the passages that use it.
  nhse: ["nhs england", "nhse"],
  dh: [
    "department of health and social care",
    "department of health",
    "dept of health",
    "the department",
    "the dept",
    "dhsc",
    "doh",
    "dh",
  ],
  sos: [
    "secretary of state for health and social care",
    "secretary of state for health",
    "secretary of state",
    "sec of state",
    "the health secretary",
    "health secretary",
    "health sec",
    "andrew lansley",
    "mr lansley",
    "lansley",
    "sofs",
    "sos",
  ],
  napc: ["national association of primary care", "napc"],
  aqp: ["any qualified provider", "aqp"],
  // A topic of its own: a question about patients is not one about patient safety.
  patientsafety: ["patient safety"],
  nhscc: ["nhs clinical commissioners", "nhs cc", "nhscc"],
  ...objectiveReferences(),
};

/** "objective 3", "objective three", "third objective", "obj 3" -> objective3. */
function objectiveReferences(): Record<string, string[]> {
  const spellings = [
    ["1", "one", "first", "1st"],
    ["2", "two", "second", "2nd"],
    ["3", "three", "third", "3rd"],
    ["4", "four", "fourth", "4th"],
  ] as const;
  return Object.fromEntries(
    spellings.map(([digit, word, ordinal, short], index) => [
      objectiveToken(index + 1),
      [
        ...[digit, word].flatMap((n) => [
          `strategic objective ${n}`,
          `objective no ${n}`,
          `objective ${n}`,
          `obj ${n}`,
        ]),
        ...[ordinal, short].flatMap((n) => [`${n} strategic objective`, `${n} objective`]),
        `objective${digit}`,
      ],
    ]),
  );
}

export function objectiveToken(objective: number): string {
  return `objective${objective}`;
}

export const CANONICAL_TOKENS: ReadonlySet<string> = new Set(Object.keys(CANONICAL_NAMES));

/** Tokens that also stand for others: NHS England is the NHS Commissioning Board; the Public
 * Administration Select Committee is a select committee. */
const ALSO: Record<string, string> = { nhse: "nhscb", pasc: "select committee" };

const phraseToToken = new Map(
  Object.entries(CANONICAL_NAMES).flatMap(([token, phrases]) => phrases.map((phrase) => [phrase, token] as const)),
);
/** Only words this long are read as a name's word typed wrong: shorter ones are too often other words. */
const MIN_MENDED_LENGTH = 6;
const LONGEST_PHRASE_WORDS = Math.max(...[...phraseToToken.keys()].map((phrase) => phrase.split(" ").length));

/**
 * Rewrites every known name in space-separated lower-case text to its canonical token, taking the
 * longest phrase at each position ("the department of health" is `dh`, not `dh` + "of health").
 */
export function canonicaliseNames(spacedText: string): string {
  const words = spacedText.split(" ");
  const output: string[] = [];
  let index = 0;
  while (index < words.length) {
    const match = longestPhraseAt(words, index);
    if (words[index] === "the" && coversMoreAfterArticle(words, index, match)) {
      output.push("the");
      index += 1;
      continue;
    }
    output.push(match ? match.token : (words[index] ?? ""));
    const also = match && ALSO[match.token];
    if (also) output.push(also);
    index += match ? match.length : 1;
  }
  return output.join(" ");
}

/** "the department of health": skipping "the" reaches a longer name than "the department" does. */
function coversMoreAfterArticle(words: string[], index: number, match: { length: number } | undefined): boolean {
  const afterArticle = longestPhraseAt(words, index + 1);
  return afterArticle !== undefined && afterArticle.length + 1 > (match?.length ?? 0);
}

/** The first word of every name: most words start none, and are passed over at once. */
const FIRST_WORDS = new Set([...phraseToToken.keys()].map((phrase) => phrase.split(" ")[0]));

/**
 * The longest name at `start`, as typed or, failing that, with a slip of the fingers in its longer
 * words put right ("lansly", "the comissioning board", "departmnet of health"): a word is read as a
 * word of a name only when that makes a name.
 */
function longestPhraseAt(words: string[], start: number): { token: string; length: number } | undefined {
  const typed = longestTypedPhraseAt(words, start);
  if (typed) return typed;
  const mended = words.slice(start, start + LONGEST_PHRASE_WORDS).map(nameWordMeant);
  if (mended.every((word, index) => word === words[start + index])) return undefined;
  return longestTypedPhraseAt(mended, 0);
}

/** The longer words of the names, which a typo is read as. */
const NAME_WORDS = new Set(
  [...phraseToToken.keys()].flatMap((phrase) => phrase.split(" ")).filter((word) => word.length >= MIN_MENDED_LENGTH),
);

/** The word of a name `word` is one slip away from (a letter added, dropped, changed or two swapped), if just one. */
function nameWordMeant(word: string): string {
  if (word.length < MIN_MENDED_LENGTH || NAME_WORDS.has(word)) return word;
  const meant = [...NAME_WORDS].filter((name) => oneSlipApart(word, name));
  return meant.length === 1 ? (meant[0] ?? word) : word;
}

function oneSlipApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let start = 0;
  while (start < a.length && a[start] === b[start]) start += 1;
  let endA = a.length - 1;
  let endB = b.length - 1;
  while (endA >= start && endB >= start && a[endA] === b[endB]) {
    endA -= 1;
    endB -= 1;
  }
  const differA = endA - start + 1;
  const differB = endB - start + 1;
  if (differA <= 1 && differB <= 1) return true;
  return differA === 2 && differB === 2 && a[start] === b[start + 1] && a[start + 1] === b[start];
}

function longestTypedPhraseAt(words: string[], start: number): { token: string; length: number } | undefined {
  const word = words[start] ?? "";
  if (!FIRST_WORDS.has(word) && !(word.endsWith("s") && FIRST_WORDS.has(word.slice(0, -1)))) return undefined;
  for (let length = Math.min(LONGEST_PHRASE_WORDS, words.length - start); length > 0; length -= 1) {
    const phrase = words.slice(start, start + length).join(" ");
    const token = phraseToToken.get(phrase) ?? withoutApostrophe(phrase);
    if (token) return { token, length };
  }
  return undefined;
}

/** "lansleys" is "Lansley's" typed without the apostrophe; "the boards" is "the Board's". */
function withoutApostrophe(phrase: string): string | undefined {
  return phrase.length > 3 && phrase.endsWith("s") ? phraseToToken.get(phrase.slice(0, -1)) : undefined;
}
