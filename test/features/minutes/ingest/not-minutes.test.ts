import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../../src/clock";
import { buildMinutesDocument } from "../../../../src/features/minutes/domain/document";
import type { MinutesBuilder } from "../../../../src/features/minutes/ingest/document-ingester";
import type { Provider } from "../../../support/databases";
import { MinutesServer } from "../../../support/minutes-server";
import { MINUTES_TEXT, minutesText } from "./fixtures";
import { HOUR, type IngestionHarness, ingestionHarness } from "./harness";

/**
 * Which documents are minutes is decided by the document builder; here a stand-in decides, so that
 * what happens to a document that is not minutes is tested on its own.
 */
const REASON = "a news story: no attendance list, decisions or actions";
const build: MinutesBuilder = (text, hints, vocabulary) => {
  const document = buildMinutesDocument(text, hints, vocabulary);
  return text.includes("NEWS STORY") ? { ...document, minutes: false, notMinutesReason: REASON } : document;
};

const newsStory = [
  "NEWS STORY",
  "Health minister opens new community diagnostic centre",
  "The centre will offer scans and tests closer to home for patients in the area, and clinical commissioning groups welcomed the investment in local services.",
].join("\n\n");

const providers: Provider[] = ["sqlite", "postgres"];

describe.each(providers)("a document that is not minutes, on %s", (provider) => {
  const server = new MinutesServer();
  const clock = new ManualClock(new Date("2012-10-15T08:00:00Z"));
  let h: IngestionHarness;
  beforeAll(() => server.start());
  afterAll(() => server.close());
  afterEach(() => h?.close());

  const poll = async (path: string) => {
    const { source } = await h.sources.add(server.url(path), null, clock.now());
    return h.poller.poll(source);
  };
  const searchHitsFor = async (url: string, question: string) =>
    (await h.search(question, 10)).filter((hit) => hit.document.source.url === url);

  it("is stored with its reason, left out of the latest minutes and of search", async () => {
    h = await ingestionHarness(clock, {}, provider, build);
    server.serve("/news/diagnostic-centre", { body: newsStory, contentType: "text/plain" });
    server.serve("/minutes.txt", { body: minutesText(MINUTES_TEXT.ccgGoverningBody), contentType: "text/plain" });
    const report = await poll("/news/diagnostic-centre");
    expect(report.documents).toEqual([
      expect.objectContaining({ outcome: "new", minutes: false, notMinutesReason: REASON }),
    ]);
    await poll("/minutes.txt");

    const stored = await h.reader.latestVersions();
    expect(stored.find((minutes) => minutes.url === server.url("/news/diagnostic-centre"))).toMatchObject({
      minutes: false,
      notMinutesReason: REASON,
    });
    expect(stored.find((minutes) => minutes.url === server.url("/minutes.txt"))).toMatchObject({
      minutes: true,
      notMinutesReason: null,
    });
    expect((await h.reader.recentlyStored(5)).map((minutes) => minutes.url)).toEqual([server.url("/minutes.txt")]);
    expect(await searchHitsFor(server.url("/news/diagnostic-centre"), "community diagnostic centre scans")).toEqual([]);
  });

  it("stops being searchable when a new version of it turns out not to be minutes", async () => {
    h = await ingestionHarness(clock, {}, provider, build);
    let body = minutesText(MINUTES_TEXT.icbBoard);
    server.serve("/page.txt", () => ({ body, contentType: "text/plain" }));
    await poll("/page.txt");
    const [first] = await h.reader.latestVersions();
    const question = first?.items.find((item) => item.text.length > 60)?.text ?? "";
    expect((await searchHitsFor(server.url("/page.txt"), question)).length).toBeGreaterThan(0);

    body = `${newsStory}\n\n${question}`;
    clock.advance(HOUR);
    const [source] = await h.sources.due(clock.now());
    await h.poller.poll(source!);
    const [second] = await h.reader.latestVersions();
    expect(second).toMatchObject({ version: 2, minutes: false, notMinutesReason: REASON });
    expect(await searchHitsFor(server.url("/page.txt"), question)).toEqual([]);
    expect(await h.reader.recentlyStored(5)).toEqual([]);
  });
});
