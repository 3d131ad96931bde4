import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../../../src/clock";
import { ownFile, ownText } from "../../../support/fixtures";
import { MinutesServer } from "../../../support/minutes-server";
import { atomFeed, govukOrganisationFeed, rssFeed } from "./fixtures";
import { type IngestionHarness, ingestionHarness } from "./harness";

const MINUTES_PAGE = "/government/publications/example-nhs-england-accountability-meeting-minutes-january-2014";
const PUBLICATION = "/government/publications/ccg-accountability-meeting-13-september-2012";
const MINUTES_PDF = "/media/5a7c1e2f40f0b62aff6c2d31/ccg-accountability-minutes-13-september-2012.pdf";
const AGENDA_PDF = "/government/uploads/system/uploads/attachment_data/file/101/agenda-13-september-2012.pdf";

describe("localism ingest of feeds, and publication pages followed to their attachment (real HTTP on loopback)", () => {
  const server = new MinutesServer();
  const clock = new ManualClock(new Date("2014-03-27T08:00:00Z"));
  let h: IngestionHarness;
  let dir: string;
  beforeAll(async () => {
    await server.start();
    server.serve(MINUTES_PAGE, { body: ownFile("govuk-style-accountability-minutes.html"), contentType: "text/html" });
    server.serve("/2012/07/board-minutes-26-july/", {
      body: ownFile("nhs-england-style-board-minutes.html"),
      contentType: "text/html; charset=UTF-8",
    });
    server.serve(PUBLICATION, {
      body: ownText("govuk-publication-with-attachments.html").replaceAll(
        "https://assets.publishing.service.gov.uk",
        server.baseUrl,
      ),
      contentType: "text/html; charset=utf-8",
    });
    // The minutes' address redirects, as GOV.UK's asset links can: followed within the fetcher's limit.
    server.serve(MINUTES_PDF, { body: "", contentType: "text/plain", redirectTo: "/files/minutes-13-september.pdf" });
    server.serve("/files/minutes-13-september.pdf", {
      body: ownFile("example-vale-ccg-governing-body-2012-09-13.pdf"),
      contentType: "application/pdf",
    });
    server.serve("/government/publications/regional-team-minutes", {
      body: ownText("govuk-publication-word-only.html"),
      contentType: "text/html",
    });
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    h = await ingestionHarness(clock);
    dir = mkdtempSync(path.join(tmpdir(), "localism-ingest-"));
  });
  afterEach(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const organisationFeed = () => govukOrganisationFeed(server.baseUrl);

  it("reads a feed URL served as application/xml: stores each minutes entry and says what happened to every entry", async () => {
    server.serve("/government/organisations/dh.xml", { body: organisationFeed(), contentType: "application/xml" });
    const report = await h.ingestOneOff(server.url("/government/organisations/dh.xml"));
    expect(report).toMatchObject({ kind: "feed", title: "Department of Health and Social Care - Activity on GOV.UK" });
    expect(report.entries.map((entry) => [entry.title, entry.outcome])).toEqual([
      ["NHS England accountability meeting: January 2014 (example)", "stored"],
      ["Refreshed mandate to NHS England published (example)", "skipped"],
      ["Letter to clinical commissioning group leaders on running costs (example)", "skipped"],
    ]);
    expect(report.entries[0]?.document).toMatchObject({
      outcome: "new",
      title: "NHS England accountability meeting: January 2014 (example)",
    });
    const [stored] = await h.reader.latestVersions();
    expect(stored).toMatchObject({ publisher: "Department of Health and Social Care", sourceId: null });

    const again = await h.ingestOneOff(server.url("/government/organisations/dh.xml"));
    expect(again.entries[0]?.outcome).toBe("known");
    expect(await h.reader.countDocuments()).toBe(1);
  });

  it("reads a feed served with another type (text/plain, text/html) by its first element", async () => {
    for (const [path, contentType] of [
      ["/feeds/as-text", "text/plain; charset=utf-8"],
      ["/feeds/as-html", "text/html"],
    ] as const) {
      server.serve(path, { body: organisationFeed(), contentType });
      expect((await h.ingestOneOff(server.url(path))).kind, contentType).toBe("feed");
    }
  });

  it("reads a feed saved as a file: .atom, .xml, .rss, or any name when it starts like a feed", async () => {
    const rss = rssFeed("News – NHS England", [
      {
        title: "Board meeting in public, 26 July 2012 – minutes (example)",
        link: server.url("/2012/07/board-minutes-26-july/"),
        date: "Mon, 30 Jul 2012 14:05:00 +0000",
      },
    ]);
    const files: [string, string][] = [
      ["organisation.atom", organisationFeed()],
      ["organisation.xml", organisationFeed()],
      ["news.rss", rss],
      ["saved-feed.txt", organisationFeed()],
      ["feed-without-extension", rss],
    ];
    for (const [name, body] of files) {
      writeFileSync(path.join(dir, name), body);
      const report = await h.ingestOneOff(path.join(dir, name));
      expect(report.kind, name).toBe("feed");
      expect(
        report.entries.filter((entry) => ["stored", "known"].includes(entry.outcome)),
        name,
      ).toHaveLength(1);
    }
    expect(await h.reader.countDocuments()).toBe(2);
  });

  it("follows a GOV.UK publication page to its minutes attachment, not the agenda, the ODT copy or the footer", async () => {
    const report = await h.ingestOneOff(server.url(PUBLICATION));
    expect(report.kind).toBe("document");
    expect(report.documents[0]).toMatchObject({
      outcome: "new",
      url: server.url(PUBLICATION),
      attachment: server.url("/files/minutes-13-september.pdf"),
      title: "Clinical commissioning group accountability meeting: 13 September 2012 (example)",
      meetingDate: "2012-09-13",
    });
    const [stored] = await h.reader.latestVersions();
    expect(stored?.attendees).toEqual(["Dr Asha Patel", "Mr John Hughes", "Mrs Carol Dean"]);
    expect(stored?.items.some((item) => item.kind === "action" && item.owner === "John Hughes")).toBe(true);
    expect(server.requestsFor(AGENDA_PDF)).toHaveLength(0);
    expect(server.requests.filter((request) => /\.odt$|footer/.test(request.path))).toHaveLength(0);
  });

  it("reads a page over 1 MB as a document (in the worker) instead of parsing it on this thread for attachments", async () => {
    const big = await ingestionHarness(clock, { maxBytes: 4 * 1024 * 1024 });
    try {
      const page = ownText("govuk-publication-with-attachments.html")
        .replaceAll("https://assets.publishing.service.gov.uk", server.baseUrl)
        .replace("</body>", `<div>${"<p>Papers for the meeting.</p>".repeat(40_000)}</div></body>`);
      expect(page.length).toBeGreaterThan(1024 * 1024);
      server.serve("/government/publications/large-page", { body: page, contentType: "text/html" });
      const before = server.requestsFor(MINUTES_PDF).length;
      const report = await big.ingestOneOff(server.url("/government/publications/large-page"));
      expect(report.documents[0]).toMatchObject({ outcome: "new", attachment: null });
      expect(server.requestsFor(MINUTES_PDF)).toHaveLength(before);
    } finally {
      await big.close();
    }
  });

  it("follows the attachment for a watched feed's entry too, and stores the document under the page's address", async () => {
    server.serve("/search/all.atom", {
      contentType: "application/atom+xml",
      body: atomFeed("Search results (example)", [
        {
          title: "Transparency data: Clinical commissioning group accountability meeting: 13 September 2012 (example)",
          link: server.url(PUBLICATION),
          date: "2012-10-01T09:30:00+01:00",
          summary: "Agenda and minutes of the accountability meeting.",
        },
      ]),
    });
    const { source } = await h.sources.add(server.url("/search/all.atom"), null, clock.now());
    const report = await h.poller.poll(source);
    expect(report).toMatchObject({ kind: "feed", errors: [] });
    expect(report.documents[0]).toMatchObject({ attachment: server.url("/files/minutes-13-september.pdf") });
    const [stored] = await h.reader.latestVersions();
    expect(stored).toMatchObject({ url: server.url(PUBLICATION), meetingDate: "2012-09-13" });
  });

  it("says why when the minutes are attached only in a format it cannot read", async () => {
    await expect(h.ingestOneOff(server.url("/government/publications/regional-team-minutes"))).rejects.toThrow(
      /attached as MS Word Document \("Regional team stakeholder meeting minutes, 4 March 2013"\), which can't be read: only PDF, HTML and plain-text attachments can/,
    );
    expect(server.requests.filter((request) => request.path.endsWith(".docx"))).toHaveLength(0);
    expect(await h.reader.countDocuments()).toBe(0);
  });

  it("fetches the attachment with the same size limit as any document", async () => {
    server.serve("/government/publications/large-minutes", {
      body: ownText("govuk-publication-with-attachments.html")
        .replaceAll("https://assets.publishing.service.gov.uk", server.baseUrl)
        .replace(MINUTES_PDF, "/files/large-minutes.pdf"),
      contentType: "text/html",
    });
    server.serve("/files/large-minutes.pdf", { body: new Uint8Array(40 * 1024), contentType: "application/pdf" });
    const small = await ingestionHarness(clock, { maxBytes: 16 * 1024 });
    try {
      await expect(small.ingestOneOff(server.url("/government/publications/large-minutes"))).rejects.toThrow(
        /large-minutes\.pdf is larger than the 16 kB limit/,
      );
    } finally {
      await small.close();
    }
  });
});
