/**
 * Words as staff type them in Slack, rewritten to the words the sources use before anything else
 * is done (to questions and indexed text alike, so both sides agree):
 *
 * - everyday abbreviations: "mtg", "yr", "exec", "govt", "orgs", "2nd";
 * - other forms of a word the sources use, which stemming does not join: "decide" (the sources say
 *   "decision"), "advising" ("advice"), "override" ("overrule");
 * - the handful of plain words and idioms for what the sources say more formally: "backed" a letter
 *   is "welcomed" it, "got rid of" is "abolished", "HQ" is "headquarters".
 *
 * Names of bodies and their abbreviations (CB, SoS, PCT, SHA...) are in synonyms.ts. Keep this list
 * to words whose meaning in a question about the letter is not in doubt.
 */
const VARIANTS: Record<string, string> = {
  // abbreviations
  mtg: "meeting",
  mtgs: "meetings",
  yr: "year",
  yrs: "years",
  exec: "executive",
  execs: "executives",
  govt: "government",
  gov: "government",
  org: "organisation",
  orgs: "organisations",
  mgmt: "management",
  fin: "financial",
  dept: "department",
  info: "information",
  ceo: "chief executive",
  dg: "director general",
  md: "managing director",
  approx: "about",
  "1st": "first",
  "2nd": "second",
  "3rd": "third",
  "4th": "fourth",
  // forms stemming does not join
  decide: "decision",
  decides: "decision",
  deciding: "decision",
  advise: "advice",
  advises: "advice",
  advising: "advice",
  advisory: "advice",
  override: "overrule",
  overrides: "overrule",
  overriding: "overrule",
  overridden: "overrule",
  veto: "overrule",
  vetoes: "overrule",
  instruct: "direct",
  instructs: "direct",
  instructing: "direct",
  dictate: "direct",
  dictates: "direct",
  dictating: "direct",
  prescriptive: "direct",
  send: "sent",
  minuting: "taking the minutes",
  // days of the week as people shorten them
  mon: "monday",
  tues: "tuesday",
  weds: "wednesday",
  thurs: "thursday",
  fri: "friday",
  sends: "sent",
  sending: "sent",
  // plain words for the sources' words
  "got rid of": "abolished",
  "get rid of": "abolish",
  "gets rid of": "abolishes",
  "getting rid of": "abolishing",
  "got hold of": "obtained",
  "get hold of": "obtain",
  "official line": "position",
  // asks for a period ("how long does the letter cover"), not for something long
  "how long": "period",
  "top down": "topdown",
  "bottom up": "decentralisation",
  became: "become",
  whole: "full",
  // asking for the letter's main point
  gist: "main",
  tldr: "main",
  "tl dr": "main",
  "key points": "main",
  "main points": "main",
  "key message": "main",
  "key messages": "main",
  "one line version": "main",
  "one liner": "main",
  "short version": "main",
  nutshell: "main",
  compulsory: "forced",
  impose: "forced",
  imposes: "forced",
  imposed: "forced",
  imposing: "forced",
  obligatory: "forced",
  obliged: "forced",
  satisfied: "satisfaction",
  backed: "welcomed",
  endorsed: "welcomed",
  hq: "headquarters",
  // checking up on a CCG is the "oversight" the letter wants replaced by insight
  inspect: "oversight",
  inspects: "oversight",
  inspecting: "oversight",
  inspected: "oversight",
  // what comes before the rest is the priority
  trump: "priority",
  trumps: "priority",
  outrank: "priority",
  outranks: "priority",
  "takes precedence": "priority",
  "take precedence": "priority",
  "line by line": "micromanage",
  // "what does it add on top": in addition, not the top of anything
  "on top": "also",
  leeway: "freedom",
  latitude: "freedom",
  "talking shop": "advice",
  "talking shops": "advice",
  "month and year": "date",
  "what month": "date",
  "what year": "date",
  "which month": "date",
  "which year": "date",
  "head office": "headquarters",
  "head offices": "headquarters",
};

/** Idioms with a gap: "tell a CCG how to spend" is "direct a CCG"; "leave us alone", "let us get on
 * with it", "a light touch" and "hands off" are asking for autonomy. */
const IDIOMS: [RegExp, string][] = [
  [/\btell(?:s|ing)?\s+((?:\S+\s+){0,2}?\S+)\s+(?:what|how)\s+to\b/g, "direct $1"],
  [/\b(?:leave|leaves|leaving|left)\s+(?:\S+\s+){0,2}?alone\b/g, "autonomy"],
  [/\bget(?:ting)?\s+on\s+with\s+(?:it|things|the\s+job)\b/g, "autonomy"],
  [/\blight\s+touch\b|\bhands\s+off\b/g, "autonomy"],
  // Deciding or running things "for ourselves" is autonomy; handing power "down" is devolving it.
  [
    /\b(decid\w*|decision\w*|run\w*|choos\w*|chose\w*|manag\w*|govern\w*|sort\w*)\s+(?:\S+\s+){0,2}?(?:for\s+)?(?:ourselves|themselves|yourselves|itself)\b/g,
    "$1 autonomy",
  ],
  // "trying to work out whether ...": the asker figuring something out, not work.
  [/\b(?:work|figure|suss)\s+out\s+(whether|if|what|how|why|which|who|where|when)\b/g, "$1"],
  // A body that is "our boss", or bosses us about, directs us.
  [
    /\b(?:our|the\s+ccgs?|ccgs?)\s+boss(?:es)?\b|\bboss(?:es|ing)?\s+(?:us|ccgs?|them)\s+(?:about|around)\b/g,
    "direct us",
  ],
  // Freedom "by default" is assumed; having to "prove yourself" first is earning it.
  [/\bby\s+default\b/g, "assumed"],
  [/\bprov(?:e|es|ed|ing)\s+(?:ourselves|themselves|yourselves|itself|yourself|myself)\b/g, "earn autonomy"],
  // Support "from outside the NHS" is support from any sector.
  [/\boutside\s+(?:of\s+)?the\s+nhs\b/g, "any sector"],
  [/\b(?:hand(?:s|ed|ing)?|pass(?:es|ed|ing)?|push(?:es|ed|ing)?)\s+(\S+\s+)?down\b/g, "devolve $1"],
  // Managing or running a CCG (not money or a service) is directing it.
  [
    /\brun(?:s|ning)?\s+(us|them|ccgs?|the\s+ccgs?|our\s+ccg)\b(?!\s+(?:budgets?|money|funds|finances|contracts?|services|support|allocations?)\b)/g,
    "direct $1",
  ],
  [
    /\b(?:performance\s+)?manag(?:e|es|ed|ing)\s+(us|them|ccgs?|the\s+ccgs?|our\s+ccg)\b(?!\s+(?:budgets?|money|funds|finances|contracts?|services|support|allocations?)\b)/g,
    "direct $1",
  ],
  [
    /\b(?:run|runs|running|ran|control|controls|controlled|controlling)\s+(?:\S+\s+)?(?:centrally|from\s+the\s+centre)\b/g,
    "centralise",
  ],
  // Money kept back centrally before it reaches CCGs is "top-slicing".
  [
    /\b(?:skim(?:s|med|ming)?|tak(?:e|es|en|ing)|took|slic(?:e|es|ed|ing)|keep(?:s|ing)?|kept)\s+off\s+the\s+top\b/g,
    "top slicing",
  ],
  [/\btop\s*slic(?:e|es|ed)\b|\btopslicing\b/g, "top slicing"],
  [
    /\b(?:tak(?:e|es|en|ing)|took|keep(?:s|ing)?|kept|skim(?:s|med|ming)?|hold(?:s|ing)?|held)\s+(?:a|their|its|some)\s+(?:cut|slice|share|chunk)\s+(?:of|off|from|out\s+of)\b/g,
    "top slicing",
  ],
  // A body that takes over a service and sells it on privatises it.
  [/\b(?:sold|sell|sells|selling|flog(?:s|ged|ging)?)\s+off\b/g, "privatised"],
  // Who got a document first "obtained" it.
  [/\b(?:got|get|had)\s+the\s+scoop\b|\bscoop(?:s|ed)?\b|\bbroke\s+the\s+story\b|\bleak(?:s|ed)?\b/g, "obtained"],
  // Who was at a meeting "attended" it.
  [/\bwho\s+(?:was|were|went)\s+(?:there|present|in\s+the\s+room|at)\b/g, "who attended"],
  // Getting better at something is developing that capability.
  [/\b(?:get|gets|getting|got|become|becomes|becoming|be)\s+(?:\S+\s+)?better\s+at\b/g, "develop capabilities"],
  // Whoever takes a meeting's minutes is its secretariat.
  [
    /\b(?:took|take|takes|taking|did|do|does|doing|wrote|write|writes|writing)\s+the\s+(?:minutes|mins)\b|\bminute\s*tak(?:er|ers|ing)\b/g,
    "$& secretariat",
  ],
  // Providers competing on fair terms is the letter's "level playing field".
  [
    /\b(?:fair|fairer|equal)\s+(?:competition|terms|footing)\b|\bcompet(?:e|es|ing)\s+(?:fairly|on\s+equal\s+terms)\b/g,
    "level playing field",
  ],
  // Getting on with the rest of the system is having relationships with it.
  [
    /\bget(?:s|ting)?\s+on\s+(?:well\s+)?with\s+(?:everyone|everybody|others|other\s+(?:bodies|organisations|orgs)|partners|people|each\s+other|the\s+rest)\b/g,
    "relationships",
  ],
  // Who is in the driving seat or calling the shots is in control.
  [/\bin\s+the\s+driving\s+seat\b|\bcall(?:s|ing)?\s+the\s+shots\b/g, "in control"],
  // Needing someone's permission or sign-off is the opposite of autonomy.
  [
    /\b(?:need|needs|needed|require|requires|ask|asks|asking|seek|seeking)\s+(?:\S+\s+){0,3}?(?:permission|approval|say\s+so|go\s+ahead)\b/g,
    "autonomy",
  ],
  // What the answer is for ("for our staff briefing", "for a GB paper") says nothing about what is asked.
  [
    /\bfor\s+(?:a|an|our|my|the|their|this|next)\s+(?:\S+\s+){0,2}?(?:briefing|briefings|newsletter|newsletters|bulletin|presentation|slides|pack|article|blog|piece)\b/g,
    "",
  ],
  [
    /\b(?:writing|drafting|doing|preparing|putting\s+together)\s+(?:a|an|our|my|the)\s+(?:\S+\s+){0,2}?(?:briefing|newsletter|bulletin|presentation|slides|pack|article|blog|piece|paper)\s+(on|about)\b/g,
    "$1",
  ],
  // Who wins an argument, or has the last word, can overrule the other side.
  [
    /\bwho\s+(?:wins|has\s+the\s+(?:final|last)\s+(?:say|word)|gets\s+the\s+(?:final|last)\s+(?:say|word))\b|\b(?:get|gets|have|has)\s+a\s+vote\s+(?:on|over)\b/g,
    "overrule",
  ],
  // Checking up on a CCG, or marking its homework, is oversight; the Board or a senate helping it is support.
  [
    /\bcheck(?:s|ing)?\s+up\s+on\s+(us|ccgs?|them)\b|\b(?:check|checks|checking|mark|marks|marking)\s+(?:our|their|ccgs?)\s+homework\b/g,
    "oversight $1",
  ],
  [
    /\b(board|cb|ncb|nhscb|authority|senates?|networks?|there\s+to|meant\s+to|supposed\s+to|or)\s+help(?:s|ing)?\s+(us|ccgs?|them|local\s+commissioners)\b/g,
    "$1 supporting $2",
  ],
  // A body that can make a CCG do something forces it.
  [/\bmak(?:e|es|ing)\s+(us|ccgs?|them|our\s+ccg|a\s+ccg)\s+(?=\w)/g, "forced $1 "],
  // Room to act as one sees fit is freedom.
  [
    /\b(?:how\s+much|more|enough|plenty\s+of|some|any|less)\s+(?:rope|slack|elbow\s+room|room\s+to\s+manoeuvre|room\s+for\s+manoeuvre)\b/g,
    "freedom",
  ],
  // Getting something in place is establishing it.
  [/\b(?:get|gets|getting|got|put|puts|putting|have|having)\s+((?:\S+\s+){0,4}?)in\s+place\b/g, "establish $1"],
  // A body keeping within its budget is held to its resource limit.
  [
    /\b(?:keep|keeps|keeping|kept|stay|stays|staying|live|lives|living)\s+within\s+(?:its|their|our|the|a)\s+(?:own\s+)?(?:budget|budgets|means|spending)\b/g,
    "resource limit",
  ],
  // A CCG that runs its own budget has had it delegated.
  [/\bour\s+own\s+(budgets?|allocations?)\b/g, "delegated $1"],
  // How long a meeting was is its time, not a period ("how long does the letter cover").
  [/\bhow\s+long\s+(?:was|were|did|is)\s+((?:\S+\s+){0,4}?(?:meeting|meetings|mtg))\b/g, "$1 time"],
  // A letter that went out or was sent out was written then.
  [/\b(letter|it)\s+(?:went|goes|go|was\s+sent|got\s+sent|came)\s+out\b/g, "$1 wrote"],
  // Whom a letter was written or sent to is its recipient.
  [
    /\bwho\s+((?:\S+\s+){1,6}?)(?:write|wrote|written|send|sent|address|addressed)\s+((?:\S+\s+){0,3}?)to\b/g,
    "who $1$2recipient",
  ],
  [/\bblock(?:s|ed|ing)?\s+((?:\S+\s+){0,2}?)(decisions?|plans?|choices?)\b/g, "overrule $1$2"],
  // A body that can stop a CCG doing something can overrule it.
  [/\bstop(?:s|ped|ping)?\s+(us|ccgs?|them|our\s+ccg|a\s+ccg)\b/g, "overrule $1"],
];

const variants = new Map(Object.entries(VARIANTS));
const LONGEST_VARIANT_WORDS = Math.max(...[...variants.keys()].map((variant) => variant.split(" ").length));
/** The first word of every variant: most words start none, and are passed over at once. */
const FIRST_WORDS = new Set([...variants.keys()].map((variant) => variant.split(" ")[0]));

/** Rewrites the variants in space-separated lower-case text, the longest phrase at each position first. */
export function rewriteVariants(spacedText: string): string {
  const words = IDIOMS.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), spacedText)
    .split(" ")
    .filter(Boolean);
  const output: string[] = [];
  let index = 0;
  while (index < words.length) {
    let length = FIRST_WORDS.has(words[index]) ? Math.min(LONGEST_VARIANT_WORDS, words.length - index) : 0;
    let replacement: string | undefined;
    for (; length > 0; length -= 1) {
      replacement = variants.get(words.slice(index, index + length).join(" "));
      if (replacement !== undefined) break;
    }
    output.push(replacement ?? words[index] ?? "");
    index += Math.max(length, 1);
  }
  return output.join(" ");
}
