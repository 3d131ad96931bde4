import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../../../src/clock";
import { ownFile } from "../../../support/fixtures";
import { MinutesServer } from "../../../support/minutes-server";
import { govukOrganisationFeed, MINUTES_TEXT, minutesText, rssFeed } from "./fixtures";
import { HOUR, type IngestionHarness, ingestionHarness } from "./harness";

describe("reading minutes from feeds and documents (real HTTP on loopback)", () => {
  const server = new MinutesServer();
  const clock = new ManualClock(new Date("2012-10-15T08:00:00Z"));
  let h: IngestionHarness;
  beforeAll(() => server.start());
  afterAll(() => server.close());
  beforeEach(async () => {
    h = await ingestionHarness(clock);
  });
  afterEach(() => h.close());

  async function pollNew(url: string) {
    const { source } = await h.sources.add(url, "U0LEAD001", clock.now());
    return h.poller.poll(source);
  }

  it("reads a GOV.UK organisation Atom feed: only the minutes entry, with the organisation as publisher", async () => {
    server.serve("/government/organisations/dh.atom", {
      body: govukOrganisationFeed(server.baseUrl),
      contentType: "application/atom+xml; charset=utf-8",
    });
    server.serve("/government/publications/example-nhs-england-accountability-meeting-minutes-january-2014", {
      body: ownFile("govuk-style-accountability-minutes.html"),
      contentType: "text/html; charset=utf-8",
    });
    const report = await pollNew(server.url("/government/organisations/dh.atom"));
    expect(report).toMatchObject({ kind: "feed", errors: [] });
    expect(report.documents.map((document) => document.outcome)).toEqual(["new"]);
    expect(server.requestsFor("/government/news/example-mandate-update")).toHaveLength(0);

    const [stored] = await h.reader.latestVersions();
    expect(stored).toMatchObject({
      title: "NHS England accountability meeting: January 2014 (example)",
      publisher: "Department of Health and Social Care",
    });
    expect(stored?.attendees).toContain("Professor Malcolm Grant");
    const control = stored?.items.find((item) => item.text.includes("top-down direction"));
    expect(control).toMatchObject({ autonomy: true });
    expect(control?.objectives).toContain(1);
    expect(stored?.items.find((item) => item.kind === "action")).toMatchObject({
      owner: "Dame Barbara Hakin",
      due: "2012-10-31",
    });
    const [source] = await h.sources.list();
    expect(source).toMatchObject({
      kind: "feed",
      title: "Department of Health and Social Care - Activity on GOV.UK",
      documents: 1,
      lastError: null,
    });
  });

  it("reads an RSS feed, merging repeated entries and leaving the site's navigation out of the minutes", async () => {
    const minutesLink = server.url("/2012/07/board-minutes-26-july/");
    server.serve("/news/feed/", {
      contentType: "application/rss+xml; charset=UTF-8",
      body: rssFeed("News – NHS England", [
        {
          title: "Board meeting in public, 26 July 2012 – minutes (example)",
          link: minutesLink,
          date: "Mon, 30 Jul 2012 14:05:00 +0000",
        },
        {
          title: "Commissioning support prospectus published (example)",
          link: server.url("/2012/07/prospectus/"),
          date: "Fri, 27 Jul 2012 09:00:00 BST",
        },
        {
          title: "Board meeting in public, 26 July 2012 – minutes (example)",
          link: `${minutesLink}#respond`,
          date: "Fri, 27 Jul 2012 16:00:00 +0000",
        },
      ]),
    });
    server.serve("/2012/07/board-minutes-26-july/", {
      body: ownFile("nhs-england-style-board-minutes.html"),
      contentType: "text/html; charset=UTF-8",
    });
    const report = await pollNew(server.url("/news/feed/"));
    expect(report.documents).toHaveLength(1);
    expect(server.requestsFor("/2012/07/board-minutes-26-july/")).toHaveLength(1);
    const [stored] = await h.reader.latestVersions();
    expect(stored).toMatchObject({ meetingDate: "2012-07-26", url: minutesLink });
    const allText = stored?.items.map((item) => item.text).join(" ") ?? "";
    expect(allText).toContain("assumed liberty must be the starting point");
    expect(allText).not.toMatch(/Related news|Privacy|Search NHS England/);
  });

  it("reads a PDF document: attendees, apologies, actions with owners and due dates, autonomy tagged", async () => {
    server.serve("/ccg/governing-body-2012-09-13.pdf", {
      body: ownFile("example-vale-ccg-governing-body-2012-09-13.pdf"),
      contentType: "application/pdf",
    });
    const report = await pollNew(server.url("/ccg/governing-body-2012-09-13.pdf"));
    expect(report).toMatchObject({ kind: "document", errors: [] });
    const [stored] = await h.reader.latestVersions();
    expect(stored).toMatchObject({ meetingDate: "2012-09-13", apologies: ["Dr Mark Ellis"] });
    expect(stored?.attendees).toEqual(["Dr Asha Patel", "Mr John Hughes", "Mrs Carol Dean"]);
    expect(stored?.items.filter((item) => item.kind === "action")).toEqual([
      expect.objectContaining({ owner: "John Hughes", due: "2012-09-30" }),
      expect.objectContaining({ owner: "Carol Dean", due: "2012-10-31" }),
    ]);
    const autonomy = stored?.items.find((item) => item.autonomy);
    expect(autonomy?.text).toContain("top-down request");
    expect(autonomy?.autonomyScore).toBeGreaterThanOrEqual(0.5);
  });

  it("reads a plain-text document and makes its items searchable with their citation", async () => {
    server.serve("/barnsley/minutes.txt", {
      body: minutesText(MINUTES_TEXT.ccgGoverningBody),
      contentType: "text/plain; charset=utf-8",
    });
    await pollNew(server.url("/barnsley/minutes.txt"));
    const [stored] = await h.reader.latestVersions();
    expect(stored?.items.length).toBeGreaterThan(2);
    const hit = (await h.search(stored?.items[1]?.text ?? "", 3))[0];
    expect(hit?.document).toMatchObject({
      kind: "minutes",
      source: { title: stored?.title, url: server.url("/barnsley/minutes.txt") },
    });
  });

  it("is idempotent: the same document read again is not stored twice, and a conditional request is used", async () => {
    server.serve("/minutes.pdf", {
      body: ownFile("example-vale-ccg-governing-body-2012-09-13.pdf"),
      contentType: "application/pdf",
      etag: '"pdf-1"',
    });
    await pollNew(server.url("/minutes.pdf"));
    clock.advance(HOUR);
    const [source] = await h.sources.due(clock.now());
    const again = await h.poller.poll(source!);
    expect(again.notModified).toBe(true);
    expect(server.requestsFor("/minutes.pdf").at(-1)?.headers["if-none-match"]).toBe('"pdf-1"');
    expect(await h.reader.countDocuments()).toBe(1);
    expect((await h.reader.latestVersions())[0]?.version).toBe(1);
  });
});
