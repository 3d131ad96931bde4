import type { z } from "zod";

/**
 * Turns zod issues into the lines Slack puts in `response_metadata.messages`, e.g.
 * "[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]".
 */
export function slackMessages(issues: readonly z.core.$ZodIssue[], pointerPrefix: string): string[] {
  return issues.map((issue) => {
    const missingField = isMissing(issue);
    const path = missingField ? issue.path.slice(0, -1) : issue.path;
    const pointer = [pointerPrefix, ...path.map(String)].join("/");
    return `[ERROR] ${describe(issue, missingField)} [json-pointer:${pointer}]`;
  });
}

function isMissing(issue: z.core.$ZodIssue): boolean {
  return issue.code === "invalid_type" && issue.input === undefined && issue.path.length > 0;
}

function describe(issue: z.core.$ZodIssue, missingField: boolean): string {
  if (missingField) return `missing required field: ${String(issue.path.at(-1))}`;
  switch (issue.code) {
    case "too_big":
      return issue.origin === "array"
        ? `no more than ${String(issue.maximum)} items allowed`
        : `must be less than ${Number(issue.maximum) + 1} characters`;
    case "too_small":
      return issue.origin === "array"
        ? `must provide at least ${String(issue.minimum)} items`
        : `must be more than ${Number(issue.minimum) - 1} characters`;
    case "invalid_union": {
      const type = discriminator(issue.input);
      return type === undefined ? "missing required field: type" : `unsupported type: ${String(type)}`;
    }
    case "custom":
      return issue.message;
    default:
      return "failed to match all allowed schemas";
  }
}

/** The `type` a union member was chosen by (zod reports the whole object or just the value). */
function discriminator(input: unknown): unknown {
  if (typeof input === "object" && input !== null && "type" in input) return input.type;
  return typeof input === "object" ? undefined : input;
}
