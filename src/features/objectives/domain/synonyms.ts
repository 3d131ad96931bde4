/**
 * The field's vocabulary has many names for the same bodies. Documents and queries are both rewritten
 * so that every name becomes one canonical token before indexing, e.g. "clinical commissioning
 * groups" and "CCGs" both become `ccg`. Phrases are matched on lower-case text with punctuation
 * already turned into spaces and possessive "'s" removed.
 */
const CANONICAL_NAMES: Record<string, readonly string[]> = {
  ccg: ["clinical commissioning groups", "clinical commissioning group", "ccgs", "ccg"],
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
    "nhs commissioning board",
    "commissioning board authority",
    "commissioning board",
    "board authority",
    "the authority",
    "the board",
    "nhs cba",
    "nhscba",
    "nhs cb",
    "nhscb",
    "nhs england",
    "nhse",
  ],
  dh: ["department of health and social care", "department of health", "the department", "dhsc", "doh", "dh"],
  sos: [
    "secretary of state for health and social care",
    "secretary of state for health",
    "secretary of state",
    "the health secretary",
    "health secretary",
    "andrew lansley",
    "mr lansley",
    "lansley",
    "sos",
  ],
  napc: ["national association of primary care", "napc"],
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

const phraseToToken = new Map(
  Object.entries(CANONICAL_NAMES).flatMap(([token, phrases]) => phrases.map((phrase) => [phrase, token] as const)),
);
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
    index += match ? match.length : 1;
  }
  return output.join(" ");
}

/** "the department of health": skipping "the" reaches a longer name than "the department" does. */
function coversMoreAfterArticle(words: string[], index: number, match: { length: number } | undefined): boolean {
  const afterArticle = longestPhraseAt(words, index + 1);
  return afterArticle !== undefined && afterArticle.length + 1 > (match?.length ?? 0);
}

function longestPhraseAt(words: string[], start: number): { token: string; length: number } | undefined {
  for (let length = Math.min(LONGEST_PHRASE_WORDS, words.length - start); length > 0; length -= 1) {
    const token = phraseToToken.get(words.slice(start, start + length).join(" "));
    if (token) return { token, length };
  }
  return undefined;
}
