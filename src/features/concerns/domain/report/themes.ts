import { SMALL_NUMBER } from "./suppression";

/**
 * Themes in the leads' resolution notes, by a method anyone can check by hand: each note is split
 * into words (lower case; a final "'s" and a plural "s" dropped), common words are left out, and
 * every remaining word and every pair of neighbouring remaining words is counted once per concern.
 * A pair replaces its words when it is used as often as they are. The most used come first; a
 * theme is listed only when at least 5 concerns' notes use it, so no note can be recognised.
 */
export interface Theme {
  theme: string;
  /** Concerns whose resolution notes use it. */
  count: number;
}

export const MAX_THEMES = 10;

const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being below
  between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each few
  for from further get got had hadn't has hasn't have haven't having he her here hers herself him himself his how
  i if in into is isn't it it's its itself just let's me more most mustn't my myself no nor not now of off on once
  only or other ought our ours ourselves out over own same shan't she should shouldn't so some such than that
  that's the their theirs them themselves then there there's these they this those through to too under until up
  very was wasn't we were weren't what when where which while who whom why will with won't would wouldn't you your
  yours yourself yourselves yes via per etc one two three us we've we're they've they're i've i'm
  concern concerns raised resolved resolve resolving lead leads reporter staff thank thanks please said told asked
  agreed also now still already back since made make makes taken take took going went come came`.split(/\s+/),
);

const WORD = /[a-z][a-z0-9'’-]*[a-z0-9]|[a-z]/g;

/** The content words of a text, in order; null marks where a common word stood (pairs never span it). */
function words(text: string): Array<string | null> {
  return (text.toLowerCase().match(WORD) ?? []).map((raw) => {
    const word = normalise(raw);
    return word.length < 3 || STOP_WORDS.has(raw.replace(/’/g, "'")) || STOP_WORDS.has(word) ? null : word;
  });
}

function normalise(raw: string): string {
  const word = raw.replace(/’/g, "'").replace(/'s$/, "").replace(/-+$/, "");
  if (word.length > 4 && word.endsWith("s") && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** The themes of a set of notes (one per concern), most used first; only those at least `minimum` notes use. */
export function themesOf(notes: readonly string[], minimum = SMALL_NUMBER): Theme[] {
  const counts = new Map<string, number>();
  for (const note of notes) {
    const found = new Set<string>();
    const sequence = words(note);
    sequence.forEach((word, i) => {
      if (!word) return;
      found.add(word);
      const next = sequence[i + 1];
      if (next && next !== word) found.add(`${word} ${next}`);
    });
    for (const theme of found) counts.set(theme, (counts.get(theme) ?? 0) + 1);
  }
  const pairs = [...counts].filter(([theme]) => theme.includes(" "));
  const covered = new Set(
    pairs.flatMap(([pair, count]) => pair.split(" ").filter((word) => counts.get(word) === count)),
  );
  return [...counts]
    .filter(([theme, count]) => count >= minimum && !covered.has(theme))
    .map(([theme, count]) => ({ theme, count }))
    .sort((a, b) => b.count - a.count || pairFirst(a, b) || a.theme.localeCompare(b.theme))
    .slice(0, MAX_THEMES);
}

function pairFirst(a: Theme, b: Theme): number {
  return Number(b.theme.includes(" ")) - Number(a.theme.includes(" "));
}
