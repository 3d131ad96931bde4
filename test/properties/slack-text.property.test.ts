import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readShortcutMessage } from "../../src/features/concerns/slack/source-message";
import { decodeSlackText, escapeMrkdwn, wellFormed } from "../../src/slack/format";

const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc
    .array(
      fc.constantFrom(
        "<!channel>",
        "<!here>",
        "<@U123>",
        "<#C123>",
        "<http://x.test|y>",
        "&amp;",
        "&lt;",
        "&",
        "<",
        ">",
        "a",
        " ",
      ),
    )
    .map((parts) => parts.join("")),
);

describe("text written into Slack mrkdwn", () => {
  it("never carries a < or > that Slack could read as a mention, channel ping or link", () => {
    fc.assert(fc.property(anyText, (text) => !/[<>]/.test(escapeMrkdwn(text))));
  });

  it("decodes back to exactly what was typed", () => {
    fc.assert(fc.property(anyText, (text) => decodeSlackText(escapeMrkdwn(text)) === text));
  });

  it("has no lone surrogates left, and well-formed text is kept as it is", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (text) => {
        const fixed = wellFormed(text);
        expect(fixed.length).toBe(text.length);
        expect(() => encodeURIComponent(fixed)).not.toThrow();
        if (!/[\uD800-\uDFFF]/.test(text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ""))) expect(fixed).toBe(text);
      }),
    );
  });
});

describe("a message a shortcut quotes", () => {
  it("shows what was typed, once escaped, whatever Slack's wire text was", () => {
    fc.assert(
      fc.property(anyText, (typedText) => {
        const read = readShortcutMessage({ ts: "1.000001", text: escapeMrkdwn(typedText) });
        expect(read?.text).toBe(wellFormed(typedText).trim() || "(a message with no text)");
      }),
    );
  });

  it("reads Slack's escaped mention as the mention, not as &lt;", () => {
    expect(readShortcutMessage({ ts: "1.000001", text: "&lt;@W222&gt; test" })?.text).toBe("<@W222> test");
  });
});
