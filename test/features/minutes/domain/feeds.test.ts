import { describe, expect, it } from "vitest";
import { MinutesParseError } from "../../../../src/features/minutes/domain/errors";
import { dedupeKey, documentEntries, looksLikeFeed, parseFeed } from "../../../../src/features/minutes/domain/feeds";
import { ownFile, ownText } from "../../../support/fixtures";

const organisationFeed = ownText("govuk-organisation-feed.atom.xml");
const finderFeed = ownText("govuk-finder-feed.atom.xml");

describe("parseFeed: GOV.UK organisation Atom feed", () => {
  const entries = parseFeed(organisationFeed);

  it("reads every entry with its link, UTC date and plain summary", () => {
    expect(entries).toHaveLength(3);
    expect(entries[0]).toMatchObject({
      link: "https://www.gov.uk/government/publications/example-nhs-england-accountability-meeting-minutes-january-2014",
      updated: new Date("2014-03-26T11:00:00Z"),
      summary: expect.stringMatching(/^Minutes of the January 2014 accountability meeting/),
      feedEnded: false,
    });
  });

  it("takes the display-type prefix off the title and keeps it apart", () => {
    expect(entries.map((e) => [e.displayType, e.title])).toEqual([
      ["Transparency data", "NHS England accountability meeting: January 2014 (example)"],
      ["Press release", "Refreshed mandate to NHS England published (example)"],
      ["Correspondence", "Letter to clinical commissioning group leaders on running costs (example)"],
    ]);
  });

  it("decodes entities in plain-text summaries", () => {
    expect(entries[1]?.summary).toBe("The refreshed mandate sets out what NHS England should achieve in 2014 & 2015.");
  });

  it("keeps one entry per link when an edited document comes back with a new id", () => {
    const firstEntry = /<entry>[\s\S]*?<\/entry>/.exec(organisationFeed)?.[0] ?? "";
    const edited = firstEntry
      .replaceAll("2014-03-26T11:00:00Z", "2014-03-27T08:00:00Z")
      .replace("Minutes of the January 2014", "Corrected minutes of the January 2014");
    const withEdit = organisationFeed.replace("<entry>", `${edited}\n  <entry>`);
    const merged = parseFeed(withEdit);
    expect(merged).toHaveLength(3);
    const minutes = merged.filter((e) => e.link.endsWith("minutes-january-2014"));
    expect(minutes).toHaveLength(1);
    expect(minutes[0]?.updated).toEqual(new Date("2014-03-27T08:00:00Z"));
    expect(minutes[0]?.summary).toMatch(/^Corrected minutes/);
    expect(minutes[0]?.entryId).toMatch(/#2014-03-27T08:00:00Z$/);
  });
});

describe("parseFeed: GOV.UK finder Atom feed", () => {
  const entries = parseFeed(finderFeed);

  it("reads +01:00 and +00:00 offsets as the right instants", () => {
    expect(entries.map((e) => e.updated?.toISOString())).toEqual([
      "2012-10-19T15:30:00.000Z",
      "2012-09-05T08:00:00.000Z",
      "2012-02-14T14:00:00.000Z",
    ]);
  });

  it("strips escaped HTML from summaries and leaves an empty summary out", () => {
    expect(entries[1]?.summary).toBe("Summary with escaped HTML inside it.");
    expect(entries[2]).not.toHaveProperty("summary");
  });

  it("does not mistake an ordinary colon in a title for a display type", () => {
    expect(entries[0]?.title).toBe("Accountability review: minutes of the September 2012 meeting (example)");
    expect(entries[0]?.displayType).toBeUndefined();
  });

  it("keeps the stable tag: id", () => {
    expect(entries[2]?.entryId).toBe(
      "tag:www.gov.uk,2005:/government/publications/example-accountability-meeting-january-2012",
    );
  });
});

describe("parseFeed: other feeds", () => {
  it("reads a WordPress RSS 2.0 feed, merging repeated links and reading BST dates", () => {
    const entries = parseFeed(ownFile("nhs-england-wordpress-news.rss.xml").toString("utf8"));
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      title: "Accountability meeting June 2012 – summary of minutes (example)",
      link: "https://www.england.nhs.uk/2012/07/example-accountability-meeting-june/",
      updated: new Date("2012-07-30T14:05:00Z"),
      entryId: "https://www.england.nhs.uk/?p=1201",
    });
    expect(entries[0]?.summary).toMatch(/^The Department of Health has published a summary .*Chief Executive…$/);
    expect(entries[0]?.summary).not.toContain("<p>");
    expect(entries[1]?.updated).toEqual(new Date("2012-07-19T08:30:00Z"));
  });

  it("reads an RDF (RSS 1.0) feed", () => {
    const rdf = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://example.org/minutes"><title>Minutes</title><link>https://example.org/minutes</link><description>Board minutes</description></channel>
  <item rdf:about="https://example.org/minutes/2012-06-25">
    <title>Board minutes, 25 June 2012</title><link>https://example.org/minutes/2012-06-25</link>
    <description>Minutes of the &lt;b&gt;June&lt;/b&gt; meeting.</description><dc:date>2012-07-02T10:00:00+01:00</dc:date>
  </item>
</rdf:RDF>`;
    expect(parseFeed(rdf)).toEqual([
      {
        link: "https://example.org/minutes/2012-06-25",
        title: "Board minutes, 25 June 2012",
        updated: new Date("2012-07-02T09:00:00Z"),
        summary: "Minutes of the June meeting.",
        entryId: "https://example.org/minutes/2012-06-25",
        feedEnded: false,
      },
    ]);
  });

  it("flags the 'This feed has ended' entry and leaves it out of the documents", () => {
    const entries = parseFeed(ownFile("govuk-feed-ended.atom.xml").toString("utf8"));
    expect(entries).toHaveLength(1);
    expect(entries[0]?.feedEnded).toBe(true);
    expect(documentEntries(entries)).toEqual([]);
  });
});

describe("parseFeed: unreadable input", () => {
  it("explains a truncated feed", () => {
    const truncated = finderFeed.slice(0, finderFeed.indexOf("</entry>") - 40);
    expect(() => parseFeed(truncated)).toThrowError(MinutesParseError);
    expect(() => parseFeed(truncated)).toThrowError(/malformed or cut off/);
  });

  it("explains an HTML page given instead of a feed", () => {
    expect(() => parseFeed("<!DOCTYPE html><html><body><p>Page not found</p></body></html>")).toThrowError(
      /Not an Atom, RSS or RDF feed/,
    );
  });

  it("explains an empty response", () => {
    expect(() => parseFeed("  \n")).toThrowError(/empty/);
  });
});

describe("dedupeKey", () => {
  it("treats fragments, trailing slashes and host case as the same document", () => {
    expect(dedupeKey("https://WWW.GOV.UK/government/publications/x/#section-1")).toBe(
      dedupeKey("https://www.gov.uk/government/publications/x"),
    );
  });

  it("keeps query strings apart", () => {
    expect(dedupeKey("https://example.org/doc?id=1")).not.toBe(dedupeKey("https://example.org/doc?id=2"));
  });
});

describe("looksLikeFeed", () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const atom =
    '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>';

  it("knows a feed by its content type", () => {
    for (const type of ["application/atom+xml", "application/rss+xml; charset=utf-8", "application/xml", "text/xml"])
      expect(looksLikeFeed(type, bytes("")), type).toBe(true);
  });

  it("knows a feed by its first element, whatever type it was served or saved as", () => {
    const starts = [
      atom,
      '\uFEFF<rss version="2.0"><channel></channel></rss>',
      '<?xml version="1.0"?>\n<!-- a comment\n over lines -->\n<?xml-stylesheet href="feed.xsl"?>\n<rdf:RDF xmlns:rdf="x">',
      `<?xml version="1.0"?><!--${"x".repeat(900)}--><feed>`,
    ];
    for (const start of starts)
      for (const type of ["text/plain", "text/html", "application/octet-stream", ""])
        expect(looksLikeFeed(type, bytes(start)), `${type}: ${start.slice(0, 30)}`).toBe(true);
  });

  it("does not take a web page, a PDF or plain text for a feed", () => {
    expect(looksLikeFeed("text/html", bytes("<!DOCTYPE html><html><body><p>feed</p></body></html>"))).toBe(false);
    expect(looksLikeFeed("application/xhtml+xml", bytes('<?xml version="1.0"?><html>'))).toBe(false);
    expect(looksLikeFeed("text/plain", bytes("Minutes of the meeting <feed> held"))).toBe(false);
    expect(looksLikeFeed("application/pdf", bytes(atom))).toBe(false);
  });
});
