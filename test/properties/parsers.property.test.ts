import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseConcernsCommand } from "../../src/features/concerns/domain/command";
import { concernsToCsv } from "../../src/features/concerns/domain/export-csv";
import { parseDigestCommand } from "../../src/features/minutes/domain/command";
import { MinutesParseError } from "../../src/features/minutes/domain/errors";
import { parseFeed } from "../../src/features/minutes/domain/feeds";
import { parseScheduleCommand } from "../../src/features/minutes/domain/schedule";
import { interpretObjectivesText } from "../../src/features/objectives/domain/intent";
import { escapeMrkdwn } from "../../src/slack/format";
import { parseCsv } from "../support/csv";

/** What people type: any text, and text built from the commands' own words, numbers and odd characters. */
const typed = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 80 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(
          "subscribe",
          "weekly",
          "monthly",
          "monday",
          "09:00",
          "25:99",
          "quiet",
          "source",
          "add",
          "remove",
          "mute",
          "status",
          "export",
          "objective",
          "open",
          "CON-0042",
          "KGQ7-T5GJ-DDKB",
          "new",
          "help",
          "999999999999y",
          "30d",
          "__proto__",
          "constructor",
          "toString",
          "hasOwnProperty",
          "objectives",
          "autonomy",
          "1,3",
          "-1",
          "0",
          "NaN",
          "99999999999999999999",
          "Europe/London",
          "Mars/Olympus",
          "\uD800",
          "<!channel>",
          "<@U123>",
          "&amp;",
        ),
        fc.integer().map(String),
        fc.string({ maxLength: 6 }),
      ),
      { maxLength: 6 },
    )
    .map((words) => words.join(" ")),
);

const NOW = new Date("2013-01-15T10:00:00Z");

describe("every parser the bot owns turns any text into an answer, never an exception", () => {
  it("/digest: a known command or a usage message", () => {
    const kinds = new Set([
      "help",
      "subscribe",
      "unsubscribe",
      "resume",
      "status",
      "preview",
      "now",
      "sources",
      "source-add",
      "source-remove",
      "source-mute",
      "source-unmute",
      "invalid",
    ]);
    fc.assert(
      fc.property(typed, (text) => {
        const command = parseDigestCommand(text);
        expect(typeof command).toBe("object");
        expect(kinds.has(command.kind)).toBe(true);
        if (command.kind === "invalid") expect(command.message.length).toBeGreaterThan(0);
        if (command.kind === "source-remove") expect(Number.isSafeInteger(command.id)).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it("/concerns: a known command or a usage message, with real dates and safe numbers", () => {
    fc.assert(
      fc.property(typed, (text) => {
        const command = parseConcernsCommand(text, NOW);
        expect(typeof command).toBe("object");
        if (command.kind === "invalid") expect(command.message.length).toBeGreaterThan(0);
        if (command.kind === "export") {
          expect(Number.isNaN(command.from.getTime())).toBe(false);
          expect(command.from.getTime()).toBeLessThanOrEqual(command.to.getTime());
        }
        if (command.kind === "status" || command.kind === "detail")
          expect(Number.isSafeInteger(command.number)).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it("/objectives: a list, help, an objective, a question or a usage message", () => {
    fc.assert(
      fc.property(typed, (text) => {
        const intent = interpretObjectivesText(text, (reference) => /^[1-4]$/.test(reference));
        expect(["list", "help", "objective", "question", "invalid"]).toContain(intent.kind);
      }),
      { numRuns: 2_000 },
    );
  });

  it("schedules: parsed or refused with a reason", () => {
    fc.assert(
      fc.property(typed, (text) => {
        const result = parseScheduleCommand(text);
        expect(typeof result).toBe("object");
      }),
      { numRuns: 2_000 },
    );
  });

  it("feeds: entries, or a MinutesParseError saying why not", () => {
    const xmlish = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc
        .constantFrom(
          "<feed",
          "<rss",
          "<?xml",
          "<entry><title>",
          "</feed>",
          "<item>",
          "<link>",
          "]]>",
          "&amp;",
          "<![CDATA[",
        )
        .chain((start) =>
          fc
            .array(
              fc.constantFrom(
                "<feed>",
                "<entry>",
                "<title>x</title>",
                "<link href='http://x/a'/>",
                "</entry>",
                "</feed>",
                "<rss><channel>",
                "<item><link>http://x/b</link></item>",
                "garbage",
                "&",
              ),
              { maxLength: 12 },
            )
            .map((parts) => start + parts.join("")),
        ),
    );
    fc.assert(
      fc.property(xmlish, (xml) => {
        try {
          expect(Array.isArray(parseFeed(xml, "https://example.org/feed"))).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(MinutesParseError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("values people type by mistake or on purpose", () => {
  it.each([
    ["/digest", "constructor"],
    ["/digest", "__proto__"],
    ["/digest", "toString"],
  ])("%s %s is a usage message", (_, text) => {
    expect(parseDigestCommand(text).kind).toBe("invalid");
  });

  it("/digest source remove with a number too large to be an id is a usage message", () => {
    expect(parseDigestCommand("source remove 99999999999999999999").kind).toBe("invalid");
  });

  it("/concerns export over an absurd period is a usage message", () => {
    expect(parseConcernsCommand("export 999999999999y", NOW).kind).toBe("invalid");
  });
});

describe("text that reaches Slack or a spreadsheet", () => {
  it("mrkdwn escaping leaves no way to write a mention, a channel ping or a link", () => {
    fc.assert(
      fc.property(typed, (text) => {
        const escaped = escapeMrkdwn(text);
        expect(escaped).not.toMatch(/[<>]/);
        expect(escaped.replace(/&(amp|lt|gt);/g, "")).not.toContain("&");
      }),
      { numRuns: 2_000 },
    );
  });

  it("CSV cells that a spreadsheet would run as a formula start with an apostrophe", () => {
    const risky = fc
      .tuple(fc.constantFrom("=", "+", "-", "@", "\t", "\r"), fc.string({ maxLength: 30 }))
      .map(([first, rest]) => first + rest);
    fc.assert(
      fc.property(risky, (summary) => {
        const csv = concernsToCsv(
          [
            {
              reference: 7,
              createdAt: NOW,
              status: "new",
              objective: 1,
              body: "nhs_commissioning_board",
              impact: "low",
              reporter: { mode: "anonymous" },
              supporterCount: 0,
              summary,
              sourcePermalink: null,
            },
          ],
          { viewer: "lead" },
        );
        const [row] = parseCsv(csv);
        expect(row?.Summary).toBe(`'${summary}`);
      }),
      { numRuns: 500 },
    );
  });
});
