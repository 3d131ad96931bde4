import { z } from "zod";
import { readSignedMetadata, signMetadata } from "../../../slack/signed-metadata";

const entry = z
  .object({
    value: z.string().nullish(),
    selected_option: z.object({ value: z.string() }).nullish(),
    selected_options: z.array(z.object({ value: z.string() })).nullish(),
    selected_date: z.string().nullish(),
  })
  .loose();

const stateSchema = z.record(z.string(), z.record(z.string(), entry));

export type ModalEntry = z.output<typeof entry>;

/** A modal's state.values, read safely: a missing or malformed input reads as not entered. */
export function modalInputs(values: unknown): (input: { block: string; action: string }) => ModalEntry | undefined {
  const parsed = stateSchema.safeParse(values);
  const state = parsed.success ? parsed.data : {};
  return (input) => state[input.block]?.[input.action];
}

/** What a modal carries from the button that opened it to its submission (private_metadata, signed by the bot). */
export function readMetadata<T extends z.ZodType>(schema: T, metadata: string | undefined): z.output<T> | null {
  return readSignedMetadata(schema, metadata);
}

export function writeMetadata<T extends z.ZodType>(schema: T, metadata: z.input<T>): string {
  return signMetadata(schema.parse(metadata));
}
