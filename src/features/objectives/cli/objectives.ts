import { json, type Output } from "../../../cli/output";
import type { Core } from "../../../core";

/** `localism objectives [--json]`: the four objectives, as `/objectives` lists them. */
export function objectivesCommand(core: Core, flags: { json: boolean }, output: Output): void {
  const { kb } = core.features.objectives;
  if (flags.json) {
    output.out(
      json(
        kb.objectives.map((objective) => ({
          number: objective.number,
          title: objective.title,
          overarching: objective.overarching,
          summary: objective.summary,
          related: objective.related,
        })),
      ),
    );
    return;
  }
  output.out(
    kb.objectives
      .map(
        (objective) =>
          `${objective.number}. ${objective.title}${objective.overarching ? " (first and overarching)" : ""}\n   ${objective.summary}`,
      )
      .join("\n"),
  );
}
