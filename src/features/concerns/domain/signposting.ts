/**
 * Gentle signposting: this channel is for decisions taken away from CCGs, and some things people
 * write belong (also) somewhere with the power to act on them. Patterns are deliberately specific
 * ("patient fell", not "fell"; "bullied me", not "bullying") so ordinary governance language such
 * as "the Board is overruling our commissioning decision" or "activity fell" raises nothing, and a
 * phrase just after "no", "not" or "without" ("no patient harm") is ignored.
 */
export type SignpostKind = "patient_safety" | "protected_disclosure" | "personal_grievance";

export interface Signpost {
  kind: SignpostKind;
  heading: string;
  message: string;
  destinations: string[];
  /** The phrases that led to this signpost (lower-cased). */
  matched: string[];
}

type Guidance = Omit<Signpost, "matched"> & { patterns: RegExp[] };

const STILL_WELCOME = "You are still welcome to log your concern here about who is taking decisions.";

const GUIDANCE: Guidance[] = [
  {
    kind: "patient_safety",
    heading: "This may be a patient safety incident",
    message:
      "If a patient has been harmed, or nearly was, please also report it through your local incident " +
      "reporting system (e.g. Datix / LFPSE), so it reaches the people who look after patient safety. " +
      `If someone is at risk right now, please deal with that first. ${STILL_WELCOME}`,
    destinations: ["your local incident reporting system (e.g. Datix / LFPSE)"],
    patterns: [
      /\bpatient harm\b/,
      /\bpatients? (?:was |were |has been |have been |being )?harmed\b/,
      /\bharm(?:ed)? to (?:a |the )?patients?\b/,
      /\b(?:medication|drug|prescribing|dispensing) (?:errors?|incidents?|mistakes?)\b/,
      /\bwrong (?:dose|drug|medication|patient|site)\b/,
      /\b(?:had|suffered|sustained) a fall\b/,
      /\bunwitnessed falls?\b/,
      /\bfalls? (?:incidents?|injur(?:y|ies))\b/,
      /\b(?:patient|resident|service user)s? (?:had |has |have )?(?:fell|fallen)\b/,
      /\bnever events?\b/,
      /\bsafeguarding (?:concerns?|issues?|incidents?|alerts?|referrals?|risks?)\b/,
      /\b(?:abuse|neglect) of (?:a |an |the )?(?:child|children|patients?|residents?|vulnerable)/,
      /\bnear[- ]miss(?:es)?\b/,
      /\b(?:serious|clinical) incidents?\b/,
      /\bpatient safety (?:incidents?|issues?|concerns?|risks?)\b/,
      /\b(?:unexpected|avoidable) deaths?\b/,
    ],
  },
  {
    kind: "protected_disclosure",
    heading: "This may be a concern about wrongdoing",
    message:
      "If you are worried about wrongdoing, such as fraud, something illegal or a cover-up, your " +
      "Freedom to Speak Up Guardian can listen in confidence and advise you on what to do next. " +
      `The National Guardian's Office can also advise. ${STILL_WELCOME}`,
    destinations: ["your Freedom to Speak Up Guardian", "the National Guardian's Office"],
    patterns: [
      /\bfraud(?:ulent(?:ly)?|sters?|s)?\b/,
      /\bwhistle[- ]?blow\w*/,
      /\bcover(?:ed|ing)?[- ]ups?\b/,
      /\bprotected disclosures?\b/,
      /\billegal(?:ly)?\b/,
      /\bbrib(?:e|es|ed|ery)\b/,
      /\bcorruption\b/,
      /\b(?:falsif\w+|fabricat\w+|doctor(?:ed|ing)) (?:the )?(?:records?|data|figures|results|minutes|notes)\b/,
    ],
  },
  {
    kind: "personal_grievance",
    heading: "This may be about how you are treated at work",
    message:
      "If this is about how you personally are being treated, HR or your line manager's manager are " +
      `the right people to help, and they can act on it in ways this channel cannot. ${STILL_WELCOME}`,
    destinations: ["HR or your line manager's manager"],
    patterns: [
      /\b(?:i am|i'm|i was|i've been|i have been|i feel|feel|being|been) bullied\b/,
      /\bbull(?:y|ying|ied|ies) (?:me|staff|colleagues?|a colleague|my team|him|her)\b/,
      /\bbullying (?:at work|behaviour|culture)\b/,
      /\bharass(?:ed|es|ing|ment)?\b/,
      /\bmy (?:line )?manager\b/,
      /\bdiscriminated against\b/,
      /\bdiscriminat\w* against (?:me|staff|colleagues?|him|her|them)\b/,
      /\b(?:racial|race|sex|sexual|age|disability|religious) discrimination\b/,
      /\bdiscriminatory (?:treatment|behaviour|comments?|remarks?)\b/,
      /\bgrievances?\b/,
      /\b(?:racis[mt]|sexis[mt]|homophob\w*|transphob\w*|victimi[sz]\w*)/,
    ],
  },
];

const NEGATION_BEFORE = /\b(?:no|not|without|nor)\s+(?:[\w'-]+\s+){0,2}$/;

/** Where else the writer might want to go, based on what they wrote; empty for ordinary concerns. */
export function signpostFor(text: string): Signpost[] {
  const normalised = text.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, " ");
  return GUIDANCE.flatMap(({ patterns, ...guidance }) => {
    const matched = patterns.flatMap((pattern) => affirmedMatches(normalised, pattern));
    return matched.length > 0 ? [{ ...guidance, matched: [...new Set(matched)] }] : [];
  });
}

/** Each pattern once more with the `g` flag, to list every match: compiled once, not per submission. */
const GLOBAL = new Map(
  GUIDANCE.flatMap(({ patterns }) => patterns.map((p) => [p, new RegExp(p.source, "g")] as const)),
);

function affirmedMatches(text: string, pattern: RegExp): string[] {
  // Nearly every concern matches no pattern: one test, and nothing allocated.
  if (!pattern.test(text)) return [];
  const global = GLOBAL.get(pattern) ?? new RegExp(pattern.source, "g");
  return [...text.matchAll(global)]
    .filter((match) => !NEGATION_BEFORE.test(text.slice(Math.max(0, match.index - 40), match.index)))
    .map((match) => match[0]);
}
