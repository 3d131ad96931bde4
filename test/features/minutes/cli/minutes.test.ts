import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../../../src/cli/main";
import type { Output } from "../../../../src/cli/output";
import { DocumentRepository } from "../../../../src/features/minutes/storage/documents";
import { openDatabase } from "../../../../src/storage/database";
import { freshSqliteUrl } from "../../../support/databases";
import { ownFile } from "../../../support/fixtures";
import { MinutesServer } from "../../../support/minutes-server";
import { govukOrganisationFeed, MINUTES_TEXT, minutesText, rssFeed } from "../ingest/fixtures";

const root = path.resolve(import.meta.dirname, "../../../..");
const pdfFile = fileURLToPath(
  new URL("../../../fixtures/minutes/example-vale-ccg-governing-body-2012-09-13.pdf", import.meta.url),
);

describe("localism sources, ingest and minutes", () => {
  const server = new MinutesServer();
  let databaseUrl: string;
  beforeAll(async () => {
    databaseUrl = freshSqliteUrl();
    await server.start();
    server.serve("/government/organisations/dh.atom", {
      body: govukOrganisationFeed(server.baseUrl),
      contentType: "application/atom+xml",
    });
    server.serve("/government/publications/example-nhs-england-accountability-meeting-minutes-january-2014", {
      body: ownFile("govuk-style-accountability-minutes.html"),
      contentType: "text/html",
    });
    server.serve("/wharfedale.txt", { body: minutesText(MINUTES_TEXT.ccgGoverningBody), contentType: "text/plain" });
  });
  afterAll(() => server.close());

  async function cli(args: string[], env: Record<string, string> = { FETCH_ALLOW_PRIVATE_HOSTS: "true" }) {
    const out: string[] = [];
    const err: string[] = [];
    const output: Output = { out: (text) => out.push(text), err: (text) => err.push(text) };
    const code = await runCli(args, output, {
      DATABASE_URL: databaseUrl,
      KNOWLEDGE_DIR: path.join(root, "knowledge"),
      ...env,
    });
    return { code, out: out.join("\n"), err: err.join("\n") };
  }

  it("ingests a local PDF file once, and says so when it sees it again", async () => {
    const first = await cli(["ingest", pdfFile]);
    expect(first).toMatchObject({ code: 0 });
    expect(first.out).toContain(
      'Stored "NHS EXAMPLE VALE CLINICAL COMMISSIONING GROUP: Minutes of the Governing Body meeting held in public on 13 September 2012" (meeting 2012-09-13)',
    );
    expect((await cli(["ingest", pdfFile])).out).toContain("Already stored, unchanged:");
    expect(await cli(["ingest", "minutes.docx"])).toMatchObject({
      code: 1,
      err: expect.stringContaining("use a .pdf, .html or .txt file"),
    });
  });

  it("ingests a document by URL", async () => {
    expect((await cli(["ingest", server.url("/wharfedale.txt")])).out).toMatch(
      /^Stored "Untitled minutes \(wharfedale.txt\)" \(meeting date not found\), \d+ items, version 1\.$/,
    );
  });

  it("adds, lists and removes sources, reading a new one at once", async () => {
    const added = await cli(["sources", "add", server.url("/government/organisations/dh.atom")]);
    expect(added.out).toContain("Added source 1 (feed): 1 new or changed document(s).");
    const listed = JSON.parse((await cli(["sources", "--json"])).out);
    expect(listed).toEqual([
      expect.objectContaining({
        id: 1,
        kind: "feed",
        documents: 1,
        failures: 0,
        lastError: null,
        url: server.url("/government/organisations/dh.atom"),
      }),
    ]);
    expect((await cli(["sources"])).out).toContain("[feed, 1 documents]  ok, read");
    expect((await cli(["sources", "remove", "1"])).out).toContain("Removed source 1");
    expect(await cli(["sources", "remove", "1"])).toMatchObject({
      code: 1,
      err: expect.stringContaining("There is no source 1"),
    });
  });

  it("refuses a loopback source unless FETCH_ALLOW_PRIVATE_HOSTS=true", async () => {
    const refused = await cli(["sources", "add", server.url("/wharfedale.txt")], {});
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("loopback or private address");
    expect(JSON.parse((await cli(["sources", "--json"])).out)).toEqual([]);
  });

  it("lists stored minutes in the stable JSON shape", async () => {
    const { code, out } = await cli(["minutes", "--json"]);
    expect(code).toBe(0);
    const documents = JSON.parse(out) as Record<string, unknown>[];
    expect(documents).toHaveLength(3);
    for (const document of documents) {
      expect(document).toEqual(
        expect.objectContaining({
          title: expect.any(String),
          meetingDate: expect.toSatisfy(
            (value: unknown) => value === null || /^\d{4}-\d{2}-\d{2}$/.test(String(value)),
          ),
          url: expect.any(String),
          attendees: expect.any(Array),
          items: expect.any(Array),
        }),
      );
      for (const item of document.items as Record<string, unknown>[]) {
        expect(["discussion", "decision", "action"]).toContain(item.kind);
        expect(document).toMatchObject({ minutes: true, reason: null });
        expect(item).toEqual(
          expect.objectContaining({
            text: expect.any(String),
            owner: expect.toSatisfy((v: unknown) => v === null || typeof v === "string"),
            objectives: expect.any(Array),
            autonomy: expect.any(Boolean),
          }),
        );
      }
    }
    expect((await cli(["minutes"])).out).toContain(
      "2012-09-13  NHS EXAMPLE VALE CLINICAL COMMISSIONING GROUP: Minutes of the Governing Body meeting held in public on 13 September 2012  (6 items, 2 actions, 1 on CCG autonomy)",
    );
    const pdf = documents.find((document) => document.meetingDate === "2012-09-13");
    expect(pdf).toMatchObject({ attendees: ["Dr Asha Patel", "Mr John Hughes", "Mrs Carol Dean"] });
    expect(pdf?.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "action", owner: "John Hughes", objectives: [2], autonomy: false }),
      ]),
    );
    expect(pdf?.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ autonomy: true, objectives: expect.arrayContaining([1]) })]),
    );
  });

  it("answers `localism ask` from the minutes with their citation", async () => {
    const answer = JSON.parse(
      (await cli(["ask", "did the area team ask the CCG for monthly reports on its commissioning plans?", "--json"]))
        .out,
    );
    expect(answer).toMatchObject({ answered: true });
    expect(answer.answers[0]).toMatchObject({
      kind: "minutes",
      source: {
        title: expect.stringContaining("Governing Body meeting held in public on 13 September 2012"),
        publisher: "Local file",
        date: "2012-09-13",
      },
    });
  });

  it("marks a stored document that is not minutes, with the reason, in text and in JSON", async () => {
    const database = await openDatabase(databaseUrl);
    try {
      await new DocumentRepository(database.db).storeVersion(
        {
          key: "https://www.gov.uk/government/news/example-announcement",
          link: "https://www.gov.uk/government/news/example-announcement",
          sourceId: null,
          publisher: "GOV.UK",
          feedUpdatedAt: null,
          etag: null,
          lastModified: null,
          contentHash: "announcement-1",
          minutes: {
            title: "New chair announced for the Board (example)",
            meetingDate: null,
            url: "https://www.gov.uk/government/news/example-announcement",
            minutes: false,
            notMinutesReason: "an announcement, not a record of a meeting",
            attendees: [],
            apologies: [],
            items: [],
          },
        },
        new Date("2026-03-18T10:00:00Z"),
      );
    } finally {
      await database.close();
    }
    const documents = JSON.parse((await cli(["minutes", "--json"])).out) as Record<string, unknown>[];
    expect(documents.find((document) => String(document.url).includes("example-announcement"))).toMatchObject({
      title: "New chair announced for the Board (example)",
      minutes: false,
      reason: "an announcement, not a record of a meeting",
    });
    expect(documents.filter((document) => document.minutes === true)).toHaveLength(3);
    expect((await cli(["minutes"])).out).toContain(
      "????-??-??  New chair announced for the Board (example)  (not minutes: an announcement, not a record of a meeting)",
    );
  });

  it("ingests a feed saved as a file and a feed URL, saying what happened to each entry", async () => {
    server.serve("/2012/07/board-minutes-26-july/", {
      body: ownFile("nhs-england-style-board-minutes.html"),
      contentType: "text/html; charset=UTF-8",
    });
    const file = path.join(mkdtempSync(path.join(tmpdir(), "localism-cli-")), "nhs-england-news.rss");
    writeFileSync(
      file,
      rssFeed("News – NHS England", [
        {
          title: "Board meeting in public, 26 July 2012 – minutes (example)",
          link: server.url("/2012/07/board-minutes-26-july/"),
          date: "Mon, 30 Jul 2012 14:05:00 +0000",
        },
        {
          title: "Commissioning support prospectus published (example)",
          link: server.url("/2012/07/prospectus/"),
          date: "Fri, 27 Jul 2012 09:00:00 BST",
        },
      ]),
    );
    const fromFile = await cli(["ingest", file]);
    expect(fromFile.code).toBe(0);
    expect(fromFile.out).toContain('Read the feed "News – NHS England": 2 entries, 1 stored.');
    expect(fromFile.out).toContain(
      '  Stored "Board meeting in public, 26 July 2012 – minutes (example)" (meeting 2012-07-26)',
    );
    expect(fromFile.out).toContain(
      '  Skipped "Commissioning support prospectus published (example)": its title and summary don\'t read as minutes.',
    );

    server.serve("/government/organisations/dh.xml", {
      body: govukOrganisationFeed(server.baseUrl),
      contentType: "application/xml",
    });
    const fromUrl = JSON.parse((await cli(["ingest", server.url("/government/organisations/dh.xml"), "--json"])).out);
    expect(fromUrl).toMatchObject({
      kind: "feed",
      title: "Department of Health and Social Care - Activity on GOV.UK",
      errors: [],
    });
    expect(fromUrl.entries.map((entry: { outcome: string }) => entry.outcome)).toEqual(["known", "skipped", "skipped"]);
  });
});
