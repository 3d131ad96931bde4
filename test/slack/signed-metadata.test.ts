import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readSignedMetadata, signMetadata, useMetadataSecret } from "../../src/slack/signed-metadata";

const shape = z.object({ q: z.string().min(1), c: z.string().optional() });

describe("signed private_metadata", () => {
  it("reads back what the bot signed, and nothing altered, unsigned or of another shape", () => {
    useMetadataSecret("a-signing-secret-for-this-test-000000");
    const signed = signMetadata({ q: "Q1", c: "C1" });
    expect(readSignedMetadata(shape, signed)).toEqual({ q: "Q1", c: "C1" });
    expect(readSignedMetadata(shape, signed.replace('"Q1"', '"Q2"'))).toBeNull();
    expect(readSignedMetadata(shape, JSON.stringify({ q: "Q1" }))).toBeNull();
    expect(readSignedMetadata(shape, signMetadata({ q: "" }))).toBeNull();
    expect(readSignedMetadata(shape, undefined)).toBeNull();
    expect(readSignedMetadata(shape, `${signed.slice(0, 10)}!${signed.slice(11)}`)).toBeNull();
  });

  it("still reads metadata signed before a restart, and refuses another app's", () => {
    useMetadataSecret("app-one-signing-secret-000000000000");
    const signed = signMetadata({ q: "Q1" });
    useMetadataSecret("app-one-signing-secret-000000000000");
    expect(readSignedMetadata(shape, signed)).toEqual({ q: "Q1" });
    const other = `m1.${"A".repeat(43)}.${JSON.stringify({ q: "Q1" })}`;
    expect(readSignedMetadata(shape, other)).toBeNull();
  });

  it("refuses to sign what would not fit Slack's 3,000 characters", () => {
    expect(() => signMetadata({ q: "x".repeat(3000) })).toThrow(/3000/);
  });
});
