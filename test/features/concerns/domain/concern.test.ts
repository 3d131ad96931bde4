import { describe, expect, it } from "vitest";
import {
  formatReference,
  parseReference,
  validateConcernDraft,
} from "../../../../src/features/concerns/domain/concern";

const valid = {
  whatHappened: "The regional team told us which community provider to contract with.",
  objective: "1",
  body: "regional_team",
  impact: "high",
  identityMode: "confidential",
};

describe("validateConcernDraft", () => {
  it("accepts a complete submission and turns the objective into a number", () => {
    const result = validateConcernDraft(valid);
    expect(result).toEqual({
      ok: true,
      draft: { ...valid, objective: 1, sourceMessage: null },
    });
  });

  it("keeps 'not sure' as an objective", () => {
    const result = validateConcernDraft({ ...valid, objective: "not_sure" });
    expect(result.ok && result.draft.objective).toBe("not_sure");
  });

  it("asks politely for what happened when it is missing or too short (after trimming)", () => {
    for (const whatHappened of [undefined, "", "   too short   "]) {
      const result = validateConcernDraft({ ...valid, whatHappened });
      expect(result).toEqual({
        ok: false,
        errors: { whatHappened: "Please say what happened (at least 10 characters)." },
      });
    }
  });

  it("says how long an over-long description is", () => {
    const result = validateConcernDraft({ ...valid, whatHappened: "a".repeat(3214) });
    expect(result.ok ? null : result.errors.whatHappened).toBe(
      "Please keep this to 3,000 characters or fewer (it is 3,214 now).",
    );
  });

  it("gives one message per field, keyed by field, for every missing choice", () => {
    const result = validateConcernDraft({ whatHappened: valid.whatHappened, objective: "5", body: "ccg" });
    expect(result).toEqual({
      ok: false,
      errors: {
        objective: "Please choose the objective this touches, or “Not sure”.",
        body: "Please choose which body was involved.",
        impact: "Please choose the impact: low, medium or high.",
        identityMode: "Please choose whether to be named, confidential or anonymous.",
      },
    });
  });

  it("stores a quoted source message in full, far beyond the modal's 3,000 characters", () => {
    const text = "Quoted minute. ".repeat(2700); // 40,500 characters
    const result = validateConcernDraft({
      ...valid,
      sourceMessage: { text, permalink: "https://example.slack.com/archives/C123/p1700000000000100" },
    });
    expect(result.ok && result.draft.sourceMessage?.text).toBe(text);
  });

  it("refuses a source permalink that is not https", () => {
    const result = validateConcernDraft({
      ...valid,
      sourceMessage: { text: "hello", permalink: "javascript:alert(1)" },
    });
    expect(result).toEqual({ ok: false, errors: { sourceMessage: "The link to the quoted message is not valid." } });
  });

  it("reports unreadable input against the main field instead of throwing", () => {
    expect(validateConcernDraft(null)).toEqual({
      ok: false,
      errors: { whatHappened: "Sorry, the form could not be read. Please try again." },
    });
  });
});

describe("references", () => {
  it("formats with four digits and grows past 9999", () => {
    expect(formatReference(42)).toBe("CON-0042");
    expect(formatReference(1)).toBe("CON-0001");
    expect(formatReference(12345)).toBe("CON-12345");
  });

  it("refuses numbers that cannot be concern numbers", () => {
    expect(() => formatReference(0)).toThrow(RangeError);
    expect(() => formatReference(4.2)).toThrow(RangeError);
  });

  it("parses the ways people type a reference", () => {
    for (const text of ["CON-0042", "con-42", " Con 42 ", "CON0042", "con-00042"]) {
      expect(parseReference(text)).toBe(42);
    }
  });

  it("returns null for anything else", () => {
    for (const text of ["42", "CON-", "CON-0", "CON-42x", "REF-0042", "CON--42"]) {
      expect(parseReference(text)).toBeNull();
    }
  });

  it("round-trips", () => {
    for (const n of [1, 42, 999, 10000]) expect(parseReference(formatReference(n))).toBe(n);
  });
});
