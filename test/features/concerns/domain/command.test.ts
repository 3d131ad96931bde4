import { describe, expect, it } from "vitest";
import { parseConcernsCommand } from "../../../../src/features/concerns/domain/command";

const now = new Date("2026-03-16T12:00:00Z");
const parse = (text: string) => parseConcernsCommand(text, now);

describe("parseConcernsCommand", () => {
  it("reads everyone's commands", () => {
    expect(parse("")).toEqual({ kind: "mine" });
    expect(parse("  NEW ")).toEqual({ kind: "new" });
    expect(parse("help")).toEqual({ kind: "help" });
    expect(parse("status CON-0042")).toEqual({ kind: "status", number: 42, receiptCode: null, reply: null });
  });

  it("reads a receipt code however it is typed, keeps it as it was shown, and a reply after it", () => {
    expect(parse("status con-42 k7qh-3mzp-xw9d")).toEqual({
      kind: "status",
      number: 42,
      receiptCode: "K7QH-3MZP-XW9D",
      reply: null,
    });
    expect(parse("status CON-0042 K7QH3MZPXW9D")).toMatchObject({ receiptCode: "K7QH-3MZP-XW9D" });
    expect(parse("status CON-0042 K7QH 3MZP XW9D It was the July meeting.\nSecond line.")).toEqual({
      kind: "status",
      number: 42,
      receiptCode: "K7QH-3MZP-XW9D",
      reply: "It was the July meeting.\nSecond line.",
    });
    expect(parse("status CON-0042 please tell me more")).toMatchObject({
      kind: "invalid",
      message: expect.stringContaining("receipt code"),
    });
    expect(parse("status")).toMatchObject({ kind: "invalid" });
  });

  it("reads the leads' commands", () => {
    expect(parse("open")).toEqual({ kind: "open" });
    expect(parse("objective 3")).toEqual({ kind: "objective", objective: 3 });
    expect(parse("objective 5")).toMatchObject({ kind: "invalid", message: expect.stringContaining("1 to 4") });
    expect(parse("CON-0042")).toEqual({ kind: "detail", number: 42 });
    expect(parse("con 7")).toEqual({ kind: "detail", number: 7 });
  });

  it("reads export periods: the last 30 days by default, a duration, or dates in London", () => {
    expect(parse("export")).toEqual({ kind: "export", from: new Date("2026-02-14T12:00:00Z"), to: now });
    expect(parse("export 2w")).toEqual({ kind: "export", from: new Date("2026-03-02T12:00:00Z"), to: now });
    expect(parse("export 2026-01-01 2026-03-31")).toEqual({
      kind: "export",
      from: new Date("2026-01-01T00:00:00Z"),
      to: new Date("2026-03-31T23:00:00Z"),
    });
    expect(parse("export 2026-03-31 2026-01-01")).toMatchObject({ kind: "invalid" });
    expect(parse("export yesterday")).toMatchObject({ kind: "invalid" });
  });

  it("reads the report's calendar quarter (the last one by default) and format, and publish", () => {
    expect(parse("report 2013Q1")).toMatchObject({
      kind: "report",
      format: "md",
      quarter: { key: "2013Q1", start: new Date("2013-01-01T00:00:00Z"), end: new Date("2013-04-01T00:00:00+01:00") },
    });
    expect(parse("report q3 2013 csv")).toMatchObject({ kind: "report", format: "csv", quarter: { key: "2013Q3" } });
    expect(parse("report")).toMatchObject({ kind: "report", quarter: { key: "2025Q4" } });
    expect(parse("report 2013Q5")).toMatchObject({ kind: "invalid", message: expect.stringContaining("2013Q1") });
    expect(parse("publish")).toEqual({ kind: "publish" });
  });

  it("says plainly when it does not understand", () => {
    expect(parse("frobnicate the senate")).toMatchObject({
      kind: "invalid",
      message: expect.stringContaining("/concerns help"),
    });
  });
});
