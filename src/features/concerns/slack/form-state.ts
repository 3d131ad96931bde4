import { z } from "zod";
import { CONCERN_INPUTS } from "../../../slack/ids";
import type { FormValues } from "./views/form";

const entry = z
  .object({
    value: z.string().nullish(),
    selected_option: z.object({ value: z.string() }).nullish(),
    selected_options: z.array(z.object({ value: z.string() })).nullish(),
  })
  .loose();

const stateSchema = z.record(z.string(), z.record(z.string(), entry));

type Input = (typeof CONCERN_INPUTS)[keyof typeof CONCERN_INPUTS];

/** Reads a modal's state.values into plain values; anything missing or malformed reads as not entered. */
export function readFormState(values: unknown): FormValues & { leadText?: string } {
  const parsed = stateSchema.safeParse(values);
  const state = parsed.success ? parsed.data : {};
  const read = (input: Input) => state[input.block]?.[input.action];
  return {
    whatHappened: read(CONCERN_INPUTS.whatHappened)?.value ?? undefined,
    objective: read(CONCERN_INPUTS.objective)?.selected_option?.value,
    body: read(CONCERN_INPUTS.body)?.selected_option?.value,
    impact: read(CONCERN_INPUTS.impact)?.selected_option?.value,
    identityMode: read(CONCERN_INPUTS.identityMode)?.selected_option?.value,
    includeLink: (read(CONCERN_INPUTS.includeLink)?.selected_options ?? []).some(
      (option) => option.value === "include",
    ),
    leadText: read(CONCERN_INPUTS.leadText)?.value ?? undefined,
  };
}
