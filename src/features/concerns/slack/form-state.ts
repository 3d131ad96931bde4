import { z } from "zod";
import { CONCERN_INPUTS } from "../../../slack/ids";
import type { FormValues } from "./views/form";

const entry = z
  .object({
    value: z.string().nullish(),
    selected_option: z.object({ value: z.string() }).nullish(),
    selected_options: z.array(z.object({ value: z.string() })).nullish(),
    selected_user: z.string().nullish(),
    selected_conversation: z.string().nullish(),
  })
  .loose();

const stateSchema = z.record(z.string(), z.record(z.string(), entry));

type Input = (typeof CONCERN_INPUTS)[keyof typeof CONCERN_INPUTS];
type Entry = z.output<typeof entry>;

/** A modal's state.values, read input by input; anything missing or malformed reads as not entered. */
export function inputsOf(values: unknown): (input: Input) => Entry | undefined {
  const parsed = stateSchema.safeParse(values);
  const state = parsed.success ? parsed.data : {};
  return (input) => state[input.block]?.[input.action];
}

/** Reads the concern form's state.values into plain values. */
export function readFormState(values: unknown): FormValues & { leadText?: string } {
  const read = inputsOf(values);
  return {
    whatHappened: read(CONCERN_INPUTS.whatHappened)?.value ?? undefined,
    objective: read(CONCERN_INPUTS.objective)?.selected_option?.value,
    body: read(CONCERN_INPUTS.body)?.selected_option?.value,
    impact: read(CONCERN_INPUTS.impact)?.selected_option?.value,
    identityMode: read(CONCERN_INPUTS.identityMode)?.selected_option?.value,
    includeLink: (read(CONCERN_INPUTS.includeLink)?.selected_options ?? []).some(
      (option) => option.value === "include",
    ),
    quote: read(CONCERN_INPUTS.quote)?.selected_option?.value,
    leadText: read(CONCERN_INPUTS.leadText)?.value ?? undefined,
  };
}

/** The texts of a lead's resolution form. */
export function readLeadTexts(values: unknown): { text: string; outcome: string; publication: string } {
  const read = inputsOf(values);
  return {
    text: read(CONCERN_INPUTS.leadText)?.value ?? "",
    outcome: read(CONCERN_INPUTS.outcome)?.value ?? "",
    publication: read(CONCERN_INPUTS.publication)?.value ?? "",
  };
}
