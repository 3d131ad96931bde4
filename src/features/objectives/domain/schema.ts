import { z } from "zod";

const DATE_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

const text = z.string().trim().min(1, "must not be empty");
const oneLine = text.refine((value) => !value.includes("\n"), "must fit on one line");
/** Keywords such as `2022` arrive from YAML as numbers: keep them as the words they are. */
const keyword = z.preprocess((value) => (typeof value === "number" ? String(value) : value), text);
const id = z.string().regex(ID_PATTERN, "must use lower-case letters, digits and hyphens");

/** YAML reads an unquoted `2015` as a number: accept it as the year it obviously is. */
const publicationDate = z.preprocess(
  (value) => (typeof value === "number" ? String(value) : value),
  z
    .string()
    .regex(DATE_PATTERN, 'must be "YYYY-MM-DD", "YYYY-MM" or "YYYY"')
    .refine(isRealCalendarDate, "is not a real calendar date"),
);

function isRealCalendarDate(value: string): boolean {
  const [year, month = 1, day = 1] = value.split("-").map(Number);
  const date = new Date(Date.UTC(year ?? 0, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const sourceSchema = z.strictObject({
  id,
  title: text,
  publisher: text,
  author: text.optional(),
  date: publicationDate,
  url: z.url("must be a full URL").optional(),
});

const sourcedStatement = z.strictObject({ text, source: id });
const quote = z.strictObject({ text, speaker: text, source: id });

export const objectiveSchema = z.strictObject({
  number: z.number().int().min(1, "must be 1, 2, 3 or 4").max(4, "must be 1, 2, 3 or 4"),
  slug: id,
  title: text,
  overarching: z.boolean(),
  summary: oneLine,
  aliases: z.array(keyword).min(1, "needs at least one alias"),
  expects: z.array(sourcedStatement).min(1, "needs at least one expectation"),
  inPractice: z.array(z.strictObject({ text })),
  quotes: z.array(quote).default([]),
  related: z.array(z.number().int()).default([]),
  gaps: text.optional(),
});

export const passageSchema = z
  .strictObject({
    id,
    objective: z.number().int().nullable(),
    kind: z.enum(["quotation", "summary"]),
    text,
    speaker: text.optional(),
    source: id,
    about: z.array(keyword).optional(),
    /** Terms the passage explains: "what is X" questions about them are answered with it first. */
    defines: z.array(keyword).optional(),
    /** `letter`: it states what the letter itself says. `background`: context that answers no
     * question by itself; when it is the best match the bot says the sources don't answer directly. */
    role: z.enum(["letter", "background"]).optional(),
  })
  .superRefine((passage, context) => {
    if (passage.kind === "quotation" && passage.speaker === undefined) {
      context.addIssue({ code: "custom", path: ["speaker"], message: "a quotation needs a speaker" });
    }
  });

/** Each file holds one list under one key; items are validated one by one so a bad item does not hide
 * the cross-reference problems of the good ones. */
export const listFileSchema = (key: string) => z.strictObject({ [key]: z.array(z.unknown()) });

export type Source = z.infer<typeof sourceSchema>;
export type Objective = z.infer<typeof objectiveSchema>;
export type Passage = z.infer<typeof passageSchema>;
