import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ManualClock } from "../../../../src/clock";
import { DEFAULT_DOCUMENT_LIMITS, STORED_LIMITS } from "../../../../src/features/minutes/domain/limits";
import type { SourcePausedListener } from "../../../../src/features/minutes/ingest/source-poller";
import { SourcesService } from "../../../../src/features/minutes/services/sources-service";
import { sourceAddedMessage, sourcesListMessage } from "../../../../src/features/minutes/slack/views/digest-sources";
import { ownFile } from "../../../support/fixtures";
import { MinutesServer } from "../../../support/minutes-server";
import { MINUTES_TEXT, minutesText, rssFeed } from "./fixtures";
import { HOUR, type IngestionHarness, ingestionHarness } from "./harness";
import { deflateBombPdf, emptyPagesPdf, manyItemsHtml } from "./hostile";

const MB = 1024 * 1024;

describe("documents built to exhaust the reader (real HTTP on loopback, the real worker)", () => {
  const server = new MinutesServer();
  const clock = new ManualClock(new Date("2013-02-01T08:00:00Z"));
  const paused: { sourceId: number; addedBy: string | null; reason: string }[] = [];
  const onPaused: SourcePausedListener = async (source, reason) => {
    paused.push({ sourceId: source.id, addedBy: source.addedBy, reason });
  };
  let h: IngestionHarness;
  beforeAll(async () => {
    await server.start();
    server.serve("/pages.pdf", { body: emptyPagesPdf(100_000), contentType: "application/pdf" });
    server.serve("/bomb.pdf", { body: deflateBombPdf(300), contentType: "application/pdf" });
    server.serve("/good.pdf", {
      body: ownFile("example-vale-ccg-governing-body-2012-09-13.pdf"),
      contentType: "application/pdf",
    });
    server.serve("/many-items.html", { body: manyItemsHtml(1_800, 5_000), contentType: "text/html" });
  });
  afterAll(() => server.close());
  afterEach(async () => {
    paused.length = 0;
    await h.close();
  });
  const harness = async (limits = DEFAULT_DOCUMENT_LIMITS) => {
    h = await ingestionHarness(clock, { maxBytes: 20 * MB, timeoutMs: 30_000 }, "sqlite", undefined, {
      limits,
      onPaused,
    });
    return h;
  };
  const sourceAt = async (path: string) => (await h.sources.list()).find((source) => source.url === server.url(path));

  it("refuses a PDF of 100,000 pages by the page limit, answering meanwhile; pauses its source, tells who added it, and does not fetch it again", async () => {
    await harness();
    const { source } = await h.sources.add(server.url("/pages.pdf"), "U0ADMIN", clock.now());
    const good = (await h.sources.add(server.url("/good.pdf"), "U0ADMIN", clock.now())).source;
    let polled = false;
    const poll = h.poller.poll(source).finally(() => {
      polled = true;
    });
    // Once the PDF has been fetched it is being read, and the database (so the bot) still answers.
    await vi.waitFor(() => expect(server.requestsFor("/pages.pdf")).toHaveLength(1), { timeout: 20_000 });
    await h.reader.countDocuments();
    expect(polled).toBe(false);
    const report = await poll;

    const reason = /has 100,000 pages, more than the 1,000-page limit for one document, so it was not read/;
    expect(report.paused).toMatch(reason);
    expect(report.documents).toEqual([]);
    expect(await sourceAt("/pages.pdf")).toMatchObject({
      pausedReason: expect.stringMatching(reason),
      pausedAt: clock.now(),
      documents: 0,
    });
    expect(paused).toEqual([{ sourceId: source.id, addedBy: "U0ADMIN", reason: expect.stringMatching(reason) }]);
    const listed = JSON.stringify(sourcesListMessage(await h.sources.list()));
    expect(listed).toMatch(/Paused .*has 100,000 pages, more than the 1,000-page limit/);
    expect(listed).toContain(`/digest source remove ${source.id}`);

    // The reader carries on with the next document; the paused source is not fetched again.
    expect((await h.poller.poll(good)).documents).toHaveLength(1);
    clock.advance(2 * HOUR);
    const reports = await h.job().runOnce();
    expect(reports?.map((r) => r.sourceId)).toEqual([good.id]);
    expect(server.requestsFor("/pages.pdf")).toHaveLength(1);
  });

  it("pauses a feed whose entry a limit refuses, keeping the entries read beside it", async () => {
    await harness();
    server.serve("/minutes.txt", { body: minutesText(MINUTES_TEXT.ccgGoverningBody), contentType: "text/plain" });
    server.serve("/feed.rss", {
      contentType: "application/rss+xml",
      body: rssFeed("Wharfedale CCG", [
        {
          title: "Governing body minutes, January 2013",
          link: server.url("/minutes.txt"),
          date: "Thu, 10 Jan 2013 12:00:00 GMT",
        },
        {
          title: "Governing body minutes, February 2013",
          link: server.url("/pages.pdf"),
          date: "Thu, 14 Feb 2013 12:00:00 GMT",
        },
      ]),
    });
    const { source } = await h.sources.add(server.url("/feed.rss"), "U0ADMIN", clock.now());
    const report = await h.poller.poll(source);
    expect(report.documents).toHaveLength(1);
    expect(report.paused).toMatch(/has 100,000 pages, more than the 1,000-page limit/);
    expect(await sourceAt("/feed.rss")).toMatchObject({
      documents: 1,
      pausedReason: expect.stringMatching(/1,000-page limit/),
    });
    expect(paused).toHaveLength(1);
  });

  it("refuses a PDF that inflates to 300 MB by the decompressed-size limit, storing nothing from it", async () => {
    await harness();
    const { source } = await h.sources.add(server.url("/bomb.pdf"), "U0ADMIN", clock.now());
    const report = await h.poller.poll(source);
    const reason = /unpacks to more than 64 MB \(the limit on a document's decompressed size\), so it was not read/;
    expect(report.paused).toMatch(reason);
    expect(await h.reader.countDocuments()).toBe(0);
    expect((await sourceAt("/bomb.pdf"))?.pausedReason).toMatch(reason);
  });

  it("stops a document that takes longer than the time limit, and reads the next one in a fresh worker", async () => {
    const limits = { ...DEFAULT_DOCUMENT_LIMITS };
    await harness(limits);
    limits.timeoutMs = 1;
    const { source } = await h.sources.add(server.url("/good.pdf"), "U0ADMIN", clock.now());
    const report = await h.poller.poll(source);
    expect(report.paused).toMatch(/took longer than the 0.001-second limit for one document, so it was stopped/);
    limits.timeoutMs = DEFAULT_DOCUMENT_LIMITS.timeoutMs;
    const again = await h.sources.add(server.url("/good.pdf"), "U0ADMIN", clock.now());
    expect(again.source.pausedAt).toBeNull();
    const reread = await h.poller.poll(again.source);
    expect(reread).toMatchObject({ paused: null, errors: [] });
    expect(reread.documents).toHaveLength(1);
  });

  it("stops a document whose reading needs more memory than the limit, and the process carries on", async () => {
    await harness({ ...DEFAULT_DOCUMENT_LIMITS, memoryMb: 4 });
    const { source } = await h.sources.add(server.url("/good.pdf"), "U0ADMIN", clock.now());
    const report = await h.poller.poll(source);
    expect(report.paused).toMatch(/needed more than the 4 MB memory limit for one document, so it was stopped/);
    expect(await h.reader.countDocuments()).toBe(0);
  });

  it("stores a page of 1,800 items as 500 of them with the title capped, and says so to whoever added it", async () => {
    await harness();
    const service = new SourcesService({ sources: h.sources, poller: h.poller, clock });
    const result = await service.add(server.url("/many-items.html"), "U0ADMIN");
    if (result.outcome === "refused") throw new Error(result.reason);
    const [document] = result.report.documents;
    expect(document).toMatchObject({ outcome: "new", items: STORED_LIMITS.itemsPerDocument });
    expect(document?.itemsFound).toBeGreaterThan(1_800);
    const [stored] = await h.reader.latestVersions();
    expect(stored?.items).toHaveLength(STORED_LIMITS.itemsPerDocument);
    expect(stored?.title.length).toBeLessThanOrEqual(STORED_LIMITS.titleChars);
    const said = JSON.stringify(sourceAddedMessage(result));
    expect(said).toContain(
      `500 of ${document?.itemsFound.toLocaleString("en-GB")} items kept; title cut to 300 characters`,
    );
    expect(said).not.toMatch(/nothing was changed/);
  });
});
