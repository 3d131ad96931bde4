import type { ProblemList } from "./problems";
import type { Objective, Passage, Source } from "./schema";

const OBJECTIVE_NUMBERS = [1, 2, 3, 4] as const;

export function checkSources(
  file: string,
  sources: (Source | undefined)[],
  problems: ProblemList,
): Map<string, Source> {
  const byId = new Map<string, Source>();
  sources.forEach((source, index) => {
    if (!source) return;
    if (byId.has(source.id)) {
      problems.add(file, ["sources", index, "id"], `duplicate source id "${source.id}"`);
    }
    byId.set(source.id, source);
  });
  return byId;
}

export function checkObjectives(
  file: string,
  objectives: (Objective | undefined)[],
  sources: Map<string, Source>,
  problems: ProblemList,
  options: { checkAllPresent: boolean },
): void {
  checkEachNumberOnce(file, objectives, problems, options.checkAllPresent);
  const numbers = new Set(objectives.flatMap((objective) => objective?.number ?? []));
  const slugs = new Map<string, number>();
  const aliases = new Map<string, number>();

  objectives.forEach((objective, index) => {
    if (!objective) return;
    const at = (...rest: PropertyKey[]) => ["objectives", index, ...rest];
    claimUnique(slugs, objective.slug, objective.number, () =>
      problems.add(file, at("slug"), `duplicate slug "${objective.slug}"`),
    );
    objective.aliases.forEach((alias, aliasIndex) => {
      claimUnique(aliases, alias.toLowerCase(), objective.number, (owner) =>
        problems.add(file, at("aliases", aliasIndex), `alias "${alias}" is already used by objective ${owner}`),
      );
    });
    objective.related.forEach((related, relatedIndex) => {
      if (related === objective.number)
        problems.add(file, at("related", relatedIndex), "an objective cannot relate to itself");
      else if (!numbers.has(related)) problems.add(file, at("related", relatedIndex), `unknown objective ${related}`);
    });
    objective.expects.forEach((expectation, expectIndex) => {
      checkSourceId(sources, expectation.source, () =>
        problems.add(file, at("expects", expectIndex, "source"), unknownSource(expectation.source)),
      );
    });
    objective.quotes.forEach((quote, quoteIndex) => {
      checkSourceId(sources, quote.source, () =>
        problems.add(file, at("quotes", quoteIndex, "source"), unknownSource(quote.source)),
      );
    });
  });
}

interface PassageContext {
  sources: Map<string, Source>;
  objectiveNumbers: Set<number>;
  /** Passage id -> file that first used it, shared across all passage files. */
  seenPassageIds: Map<string, string>;
}

export function checkPassages(
  file: string,
  passages: (Passage | undefined)[],
  context: PassageContext,
  problems: ProblemList,
): void {
  passages.forEach((passage, index) => {
    if (!passage) return;
    const firstFile = context.seenPassageIds.get(passage.id);
    if (firstFile !== undefined) {
      problems.add(
        file,
        ["passages", index, "id"],
        `duplicate passage id "${passage.id}" (first used in ${firstFile})`,
      );
    } else {
      context.seenPassageIds.set(passage.id, file);
    }
    checkSourceId(context.sources, passage.source, () =>
      problems.add(file, ["passages", index, "source"], unknownSource(passage.source)),
    );
    if (passage.objective !== null && !context.objectiveNumbers.has(passage.objective)) {
      problems.add(file, ["passages", index, "objective"], `unknown objective ${passage.objective} (use 1-4 or null)`);
    }
  });
}

/** `checkAllPresent` is false when an objective failed validation: it is not missing, just broken. */
function checkEachNumberOnce(
  file: string,
  objectives: (Objective | undefined)[],
  problems: ProblemList,
  checkAllPresent: boolean,
): void {
  const seen = new Set<number>();
  objectives.forEach((objective, index) => {
    if (!objective) return;
    if (seen.has(objective.number)) {
      problems.add(file, ["objectives", index, "number"], `objective ${objective.number} appears more than once`);
    }
    seen.add(objective.number);
  });
  const missing = OBJECTIVE_NUMBERS.filter((number) => !seen.has(number));
  if (checkAllPresent && missing.length > 0)
    problems.add(file, "objectives", `missing objective ${missing.join(", ")}`);
}

function claimUnique<K>(owners: Map<K, number>, key: K, owner: number, onClash: (owner: number) => void): void {
  const existing = owners.get(key);
  if (existing !== undefined) onClash(existing);
  else owners.set(key, owner);
}

function checkSourceId(sources: Map<string, Source>, id: string, onUnknown: () => void): void {
  if (!sources.has(id)) onUnknown();
}

function unknownSource(id: string): string {
  return `unknown source "${id}"`;
}
