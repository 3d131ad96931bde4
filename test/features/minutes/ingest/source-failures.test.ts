import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../../../src/clock";
import { ownFile } from "../../../support/fixtures";
import { MinutesServer } from "../../../support/minutes-server";
import { atomFeed, govukOrganisationFeed, MINUTES_TEXT, minutesText } from "./fixtures";
import { HOUR, type IngestionHarness, ingestionHarness } from "./harness";

const MINUTE = 60_000;

describe("sources that fail, change or are polled by two processes", () => {
  const server = new MinutesServer();
  const clock = new ManualClock(new Date("2012-10-15T08:00:00Z"));
  let h: IngestionHarness;
  beforeAll(() => server.start());
  afterAll(() => server.close());
  beforeEach(async () => {
    h = await ingestionHarness(clock, { timeoutMs: 500, maxBytes: 64 * 1024 });
  });
  afterEach(() => h.close());

  const add = async (path: string) => (await h.sources.add(server.url(path), null, clock.now())).source;
  const sourceAt = async (path: string) => (await h.sources.list()).find((source) => source.url === server.url(path));

  it("records each failure with its reason and retries with backoff, while the other sources are read", async () => {
    const feed = govukOrganisationFeed(server.baseUrl);
    server.serve("/malformed.atom", {
      body: feed.slice(0, feed.indexOf("</entry>") - 40),
      contentType: "application/atom+xml",
    });
    server.serve("/slow.pdf", {
      body: ownFile("example-vale-ccg-governing-body-2012-09-13.pdf"),
      contentType: "application/pdf",
      delayMs: 2_000,
    });
    server.serve("/huge.pdf", { body: new Uint8Array(100 * 1024), contentType: "application/pdf" });
    server.serve("/good.txt", { body: minutesText(MINUTES_TEXT.ccgGoverningBody), contentType: "text/plain" });
    for (const path of ["/malformed.atom", "/missing.html", "/slow.pdf", "/huge.pdf", "/good.txt"]) await add(path);

    const reports = await h.job().runOnce();
    expect(reports).toHaveLength(5);
    expect(await h.reader.countDocuments()).toBe(1);
    expect(await sourceAt("/good.txt")).toMatchObject({ lastError: null, failures: 0, documents: 1 });
    const reasons = {
      "/malformed.atom": /malformed or cut off/,
      "/missing.html": /answered HTTP 404/,
      "/slow.pdf": /did not answer within 0.5 seconds/,
      "/huge.pdf": /larger than the 64 kB limit/,
    };
    for (const [path, reason] of Object.entries(reasons)) {
      const source = await sourceAt(path);
      expect(source?.lastError, path).toMatch(reason);
      expect(source?.failures).toBe(1);
      expect(source?.nextFetchAt).toEqual(new Date(clock.now().getTime() + 5 * MINUTE));
    }

    clock.advance(5 * MINUTE);
    await h.job().runOnce();
    expect((await sourceAt("/missing.html"))?.nextFetchAt).toEqual(new Date(clock.now().getTime() + 10 * MINUTE));
    expect(server.requestsFor("/good.txt")).toHaveLength(1);
  });

  it("stores a changed document as a new version flagged as updated, and a known feed entry only when its date moves", async () => {
    const link = server.url("/government/publications/accountability-meeting-september-2012");
    let html = ownFile("govuk-style-accountability-minutes.html").toString("utf8");
    let updated = "2012-10-12T10:00:00+01:00";
    server.serve("/search/minutes.atom", () => ({
      body: atomFeed("Minutes", [
        { title: "Transparency data: Accountability meeting minutes, 17 September 2012", link, date: updated },
      ]),
      contentType: "application/atom+xml",
    }));
    server.serve("/government/publications/accountability-meeting-september-2012", () => ({
      body: html,
      contentType: "text/html",
    }));
    await add("/search/minutes.atom");
    await h.job().runOnce();

    clock.advance(HOUR);
    await h.job().runOnce();
    expect(server.requestsFor("/government/publications/accountability-meeting-september-2012")).toHaveLength(1);

    html = html.replace(
      "</table>",
      "</table><p>Correction: the Authority would publish the conditions by 15 November 2012.</p>",
    );
    updated = "2012-10-19T16:30:00+01:00";
    clock.advance(HOUR);
    const [report] = (await h.job().runOnce()) ?? [];
    expect(report?.documents.map((document) => [document.outcome, document.version])).toEqual([["updated", 2]]);
    const [stored] = await h.reader.storedBetween(
      new Date(clock.now().getTime() - MINUTE),
      new Date(clock.now().getTime() + MINUTE),
    );
    expect(stored).toMatchObject({ version: 2, updated: true, meetingDate: "2012-09-17" });
    expect(stored?.items.map((item) => item.text).join(" ")).toContain("Correction:");
    expect(await h.reader.countDocuments()).toBe(1);
  });

  it("reports a retired GOV.UK feed ('This feed has ended') so an admin can replace it", async () => {
    server.serve("/government/publications.atom", {
      body: ownFile("govuk-feed-ended.atom.xml"),
      contentType: "application/atom+xml",
    });
    await add("/government/publications.atom");
    await h.job().runOnce();
    expect((await sourceAt("/government/publications.atom"))?.lastError).toMatch(/this feed has ended/i);
  });

  it("polls each due source once when two processes run the job at the same moment", async () => {
    server.serve("/a.txt", { body: minutesText(MINUTES_TEXT.ccgGoverningBody), contentType: "text/plain" });
    server.serve("/b.txt", { body: minutesText(MINUTES_TEXT.icbBoard), contentType: "text/plain" });
    await add("/a.txt");
    await add("/b.txt");
    const results = await Promise.all([h.job().runOnce(), h.job().runOnce(), h.job().runOnce()]);
    // Counted per source: the server records a request when it has answered it, so a slow one from
    // an earlier test (slow.pdf, abandoned by the client) can land while these run.
    expect(server.requestsFor("/a.txt")).toHaveLength(1);
    expect(server.requestsFor("/b.txt")).toHaveLength(1);
    expect(results.filter((result) => result === null).length).toBeGreaterThanOrEqual(1);
    expect(await h.reader.countDocuments()).toBe(2);
  });
});
