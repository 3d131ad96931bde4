import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../../src/clock";
import type { MinutesJson } from "../../../../src/features/minutes/domain/document";
import { DocumentRepository } from "../../../../src/features/minutes/storage/documents";
import { FEED_PATH, SampleMinutes } from "../../../../src/sandbox/minutes";
import { CHANNELS, PEOPLE, type TestBot } from "../../../support/bot";
import { digest, jobs, postsIn, publish, readable, startDigestBot } from "../../../support/digest-bot";
import { MinutesServer } from "../../../support/minutes-server";
import { atomFeed, MINUTES_TEXT, minutesText } from "../ingest/fixtures";

const commissioning = { channel: CHANNELS.commissioning.id };
const RIVERSIDE = "/sandbox/minutes/riverside-ccg-governing-body-2013-01-24.txt";
const ACCOUNTABILITY = "/sandbox/minutes/accountability-meeting-2012-12-10.html";

/** Stores a document as the ingester would, at the given time, with the MinutesJson given. */
async function store(t: TestBot, minutes: MinutesJson, at: Date) {
  await new DocumentRepository(t.bot.core.database.db).storeVersion(
    {
      key: minutes.url,
      link: minutes.url,
      sourceId: null,
      publisher: "GOV.UK",
      feedUpdatedAt: null,
      etag: null,
      lastModified: null,
      contentHash: `${minutes.url}#${minutes.items.length}`,
      minutes,
    },
    at,
  );
}

const item = (text: string, extra: Partial<MinutesJson["items"][number]> = {}): MinutesJson["items"][number] => ({
  text,
  kind: "discussion",
  heading: null,
  owner: null,
  due: null,
  objectives: [],
  autonomy: false,
  autonomyScore: null,
  tags: [],
  ...extra,
});

/** Everything a post says, blocks and fallback text, as one string. */
async function postedIn(t: TestBot, channel: string, count = 1): Promise<string[]> {
  for (let waited = 0; postsIn(t, channel).length < count && waited < 10_000; waited += 50)
    await new Promise((resolve) => setTimeout(resolve, 50));
  return postsIn(t, channel).map((post) => readable(post.params));
}

/** The section blocks' texts of a post, in order. */
function sections(t: TestBot, channel: string, index = 0): string[] {
  const raw = postsIn(t, channel)[index]?.params.blocks ?? [];
  const blocks = (typeof raw === "string" ? JSON.parse(raw) : raw) as { type: string; text?: { text: string } }[];
  return blocks.flatMap((block) => (block.type === "section" && block.text ? [block.text.text] : []));
}

describe("what a digest holds, through the real Bolt receiver", () => {
  const server = new MinutesServer();
  const sample = new SampleMinutes();
  // Wednesday 18 March 2026, 10:00 in London (GMT).
  const clock = new ManualClock(new Date("2026-03-18T10:00:00Z"));
  let t: TestBot;
  beforeAll(async () => {
    await server.start();
    for (const path of [FEED_PATH, RIVERSIDE, ACCOUNTABILITY]) {
      server.serve(path, () => {
        const served = sample.serve(path, server.baseUrl);
        if (!served) throw new Error(`the sandbox serves no ${path}`);
        return served;
      });
    }
    server.serve("/wharfedale.txt", { body: minutesText(MINUTES_TEXT.ccgGoverningBody), contentType: "text/plain" });
  });
  afterAll(() => server.close());
  afterEach(() => t?.close());

  async function start() {
    clock.set(new Date("2026-03-18T10:00:00Z"));
    t = await startDigestBot({ clock });
    t.standin.workspace.addUser({ id: "U0ADMIN01", name: "it.admin", real_name: "IT Admin", is_admin: true });
  }

  it("never puts a document that is not minutes in a digest, nor on App Home", async () => {
    await start();
    await digest(t, "subscribe weekly monday 09:00", commissioning);
    await store(
      t,
      {
        title: "Board minutes, 12 March 2026 (example)",
        meetingDate: "2026-03-12",
        url: "https://www.gov.uk/government/publications/board-minutes-march-2026",
        minutes: true,
        notMinutesReason: null,
        attendees: ["Chair"],
        apologies: [],
        items: [
          item("The Board agreed that CCG budgets would be delegated in full from April.", {
            kind: "decision",
            objectives: [1],
            tags: [{ objective: 1, score: 0.9 }],
          }),
        ],
      },
      clock.now(),
    );
    await store(
      t,
      {
        title: "Health minister opens community diagnostic centre (example)",
        meetingDate: null,
        url: "https://www.gov.uk/government/news/diagnostic-centre",
        minutes: false,
        notMinutesReason: "a news story, not a record of a meeting",
        attendees: [],
        apologies: [],
        items: [
          item("CCGs welcomed the investment in local services.", {
            objectives: [1],
            tags: [{ objective: 1, score: 0.8 }],
          }),
        ],
      },
      clock.now(),
    );
    clock.advance(60_000);

    const status = await digest(t, "status", commissioning);
    expect(status).toContain("The next digest would contain 1 document:\n• Board minutes, 12 March 2026 (example)");
    expect(status).not.toContain("diagnostic centre");
    expect(await digest(t, "preview", commissioning)).not.toContain("diagnostic centre");

    expect(await digest(t, "now", commissioning)).toContain("Posting the digest now (1 new document)");
    const [post] = await postedIn(t, commissioning.channel);
    expect(post).toContain("Board minutes, 12 March 2026 (example)");
    expect(post).not.toContain("diagnostic centre");

    await t.slack.appHomeOpened(PEOPLE.staff.id);
    await t.standin.waitForCall("views.publish", () => true, 5_000);
    const home = readable(t.standin.homeViewOf(PEOPLE.staff.id)?.blocks);
    expect(home).toContain("Board minutes, 12 March 2026 (example)");
    expect(home).not.toContain("diagnostic centre");
  });

  it("reads as a busy team needs: autonomy first and marked, items in the minutes' order, each owner once, no boilerplate", async () => {
    await start();
    await digest(t, "subscribe weekly monday 09:00", commissioning);
    await publish(t, server, RIVERSIDE, sample.serve(RIVERSIDE, server.baseUrl)?.body ?? "", "text/plain");
    clock.advance(60_000);
    await digest(t, "now", commissioning);
    const [post] = await postedIn(t, commissioning.channel);
    const texts = sections(t, commissioning.channel);

    // No notice about the sample document itself.
    expect(post).not.toMatch(/sample document|are invented|sandbox\./i);
    // What touches CCG autonomy comes first, each item marked, and the same items are marked below.
    const autonomy = texts.findIndex((text) => text.startsWith("*What touches CCG autonomy*"));
    const title = texts.findIndex(
      (text) => text.startsWith("*<") && text.includes("Minutes of the Governing Body meeting held in public"),
    );
    expect(autonomy).toBeGreaterThanOrEqual(0);
    expect(autonomy).toBeLessThan(title);
    expect(texts[autonomy]).toContain(
      ":warning: Mr Okafor explained that the area team had asked CCGs to hold back 2%",
    );
    expect(texts[autonomy]).toContain(":warning: _Action:_ Helen Ward to report the concerns log");
    const body = texts.slice(title).join("\n");
    expect(body).toContain("• :warning: Mr Okafor explained that the area team had asked CCGs to hold back 2%");
    // Under each objective, the points follow the minutes' order (not their scores).
    const groups = body.split(/\n(?=\*)/);
    const inOrder = (heading: string, starts: string[]) => {
      const group = groups.find((text) => text.startsWith(heading)) ?? "";
      const positions = starts.map((start) => group.indexOf(start));
      expect(
        positions.every((position) => position > 0),
        `${heading}: ${group}`,
      ).toBe(true);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    };
    inOrder("*Objective 1:", ["• :warning: Mr Okafor explained", "• :warning: Ms Ward presented"]);
    // A point about the transformation fund is grouped with money (objective 3), still marked.
    inOrder("*Objective 3:", ["• :warning: The governing body agreed to write"]);
    // Each owner once: the text names them, so nothing is added after it.
    expect(body).toContain(
      "• :warning: Tom Okafor to write to the area team by 15 February 2013. — due 15 February 2013",
    );
    expect(body).not.toContain("_Tom Okafor_");
    expect(body).not.toMatch(/Dr Amina Hussain to bring[^\n]*Dr Amina Hussain/);
    expect(String(postsIn(t, commissioning.channel)[0]?.params.text)).toContain("items on CCG autonomy");
  });

  it("leaves out a sentence every document of a source repeats", async () => {
    await start();
    await digest(t, "subscribe weekly monday 09:00", commissioning);
    const footer =
      "Clinical commissioning groups in the region receive these minutes for information and may publish them locally.";
    server.serve("/board/2013-01.txt", {
      body: `${minutesText(MINUTES_TEXT.ccgGoverningBody)}\n\n${footer}\n`,
      contentType: "text/plain",
    });
    server.serve("/board/2024-09.txt", {
      body: `${minutesText(MINUTES_TEXT.icbBoard)}\n\n${footer}\n`,
      contentType: "text/plain",
    });
    server.serve("/board/feed.atom", {
      contentType: "application/atom+xml",
      body: atomFeed("Board minutes (example)", [
        {
          title: "Governing body minutes, January 2013",
          link: server.url("/board/2013-01.txt"),
          date: "2013-01-20T10:00:00Z",
        },
        {
          title: "Board minutes, September 2024",
          link: server.url("/board/2024-09.txt"),
          date: "2024-09-30T10:00:00Z",
        },
      ]),
    });
    const added = await t.bot.core.features.minutes.sources.add(server.url("/board/feed.atom"), null);
    expect(added.outcome === "added" && added.report.documents).toHaveLength(2);
    clock.advance(60_000);
    await digest(t, "now", commissioning);
    const [post] = await postedIn(t, commissioning.channel);
    expect(post).toContain("Governing body minutes, January 2013");
    expect(post).toContain("Board minutes, September 2024");
    expect(post).not.toContain("receive these minutes for information");
  });

  it("names the same period in the preview, in /digest now and in the next scheduled digest", async () => {
    await start();
    await digest(t, "subscribe weekly monday 09:00", commissioning);
    await publish(t, server, "/wharfedale.txt", minutesText(MINUTES_TEXT.ccgGoverningBody), "text/plain");
    clock.advance(60_000);
    // Wednesday: the preview and the post made on Thursday name the week they count as.
    expect(await digest(t, "preview", commissioning)).toContain("Minutes digest: 16–23 March 2026");
    clock.set(new Date("2026-03-19T15:00:00Z"));
    await digest(t, "now", commissioning);
    await postedIn(t, commissioning.channel);
    expect(readable(postsIn(t, commissioning.channel)[0]?.params.blocks)).toContain("Minutes digest: 16–23 March 2026");

    // The next digest starts where that one ended; its preview and its post agree too.
    await publish(t, server, RIVERSIDE, sample.serve(RIVERSIDE, server.baseUrl)?.body ?? "", "text/plain");
    clock.set(new Date("2026-03-20T09:00:00Z"));
    expect(await digest(t, "preview", commissioning)).toContain("Minutes digest: 19–30 March 2026");
    clock.set(new Date("2026-03-23T09:00:00Z"));
    await jobs(t).digests();
    clock.set(new Date("2026-03-26T12:00:00Z"));
    expect(await digest(t, "preview", commissioning)).toContain("Minutes digest: 19–30 March 2026");
    clock.set(new Date("2026-03-30T08:00:00Z"));
    await jobs(t).digests();
    const posts = await postedIn(t, commissioning.channel, 2);
    expect(posts).toHaveLength(2);
    expect(readable(postsIn(t, commissioning.channel)[1]?.params.blocks)).toContain("Minutes digest: 19–30 March 2026");
  });

  it("narrows a channel's digest to some objectives, says so, and shows only those", async () => {
    await start();
    const reply = await digest(t, "subscribe weekly monday 09:00 objectives 1,3", commissioning);
    expect(reply).toContain("every Monday at 09:00 (Europe/London). It shows only items on objectives 1 and 3.");
    expect(await digest(t, "status", commissioning)).toContain("Shows only items on objectives 1 and 3.");
    await t.slack.appHomeOpened(PEOPLE.staff.id);
    await t.standin.waitForCall("views.publish", () => true, 5_000);
    expect(readable(t.standin.homeViewOf(PEOPLE.staff.id)?.blocks)).toContain(
      `<#${CHANNELS.commissioning.id}>: every Monday at 09:00 (Europe/London) (only items on objectives 1 and 3), next`,
    );

    await publish(t, server, RIVERSIDE, sample.serve(RIVERSIDE, server.baseUrl)?.body ?? "", "text/plain");
    clock.advance(60_000);
    await digest(t, "now", commissioning);
    await postedIn(t, commissioning.channel);
    const body = sections(t, commissioning.channel).join("\n");
    expect(body).toContain("*Objective 1: Transferring power to local organisations*");
    expect(body).not.toMatch(/\*Objective [24]:|Also discussed/);
    expect(body).not.toContain("Dr Amina Hussain to bring an engagement plan");

    // Subscribing again without narrowing shows everything again.
    expect(await digest(t, "subscribe weekly monday 09:00", commissioning)).not.toContain("It shows");
    expect(await digest(t, "status", commissioning)).not.toContain("Shows only");
  });

  it("narrows a channel's digest to what touches CCG autonomy, leaving out minutes with none", async () => {
    await start();
    expect(await digest(t, "subscribe weekly monday 09:00 autonomy", commissioning)).toContain(
      "It shows only items that touch CCG autonomy.",
    );
    await publish(t, server, "/wharfedale.txt", minutesText(MINUTES_TEXT.ccgGoverningBody), "text/plain");
    await publish(t, server, RIVERSIDE, sample.serve(RIVERSIDE, server.baseUrl)?.body ?? "", "text/plain");
    clock.advance(60_000);
    expect(await digest(t, "status", commissioning)).toContain("The next digest would contain 1 document:");
    expect(await digest(t, "now", commissioning)).toContain("Posting the digest now (1 new document)");
    await postedIn(t, commissioning.channel);
    const body = sections(t, commissioning.channel).join("\n");
    expect(body).toContain("Mr Okafor explained that the area team had asked CCGs");
    expect(body).toContain("Helen Ward to report the concerns log");
    expect(body).not.toContain("Dr Amina Hussain to bring an engagement plan");
    expect(body).not.toContain("Dr Hussain reported");
    expect(body).not.toContain("Wharfedale");
  });

  it("mutes a source for one channel without removing it, lists it as muted, and unmutes it", async () => {
    await start();
    const finance = t.standin.workspace.addChannel({ name: "ccg-finance", members: [PEOPLE.lead.id] }).id;
    await digest(t, "subscribe weekly monday 09:00", commissioning);
    await digest(t, "subscribe weekly monday 09:00", { channel: finance, user: PEOPLE.lead.id });
    await publish(t, server, "/wharfedale.txt", minutesText(MINUTES_TEXT.ccgGoverningBody), "text/plain");
    await publish(t, server, RIVERSIDE, sample.serve(RIVERSIDE, server.baseUrl)?.body ?? "", "text/plain");

    expect(await digest(t, "source mute 1", commissioning)).toContain(
      "Muted source *1* in this channel: its minutes stay out of this channel's digests",
    );
    expect(await digest(t, "source mute 1", commissioning)).toContain("already muted");
    expect(await digest(t, "source mute 9", commissioning)).toContain("There is no source 9");
    const listed = await digest(t, "sources", commissioning);
    expect(listed).toMatch(/\*1\.\*[^\n]*wharfedale\.txt[^\n]*:mute: muted in this channel/);
    expect(listed).not.toMatch(/\*2\.\*[^\n]*muted in this channel/);
    expect(await digest(t, "sources", { channel: finance, user: PEOPLE.lead.id })).not.toContain("muted");
    expect(await digest(t, "status", commissioning)).toContain("Muted here: source 1");

    clock.set(new Date("2026-03-23T09:00:00Z"));
    await jobs(t).digests();
    const [here] = await postedIn(t, commissioning.channel);
    const [there] = await postedIn(t, finance);
    expect(here).toMatch(/Riverside/i);
    expect(here).not.toContain("wharfedale.txt");
    expect(there).toContain("wharfedale.txt");
    expect(there).toMatch(/Riverside/i);

    expect(await digest(t, "source unmute 1", commissioning)).toContain("Unmuted source *1*");
    expect(await digest(t, "source unmute 1", commissioning)).toContain("isn't muted");
    expect(await digest(t, "status", commissioning)).not.toContain("Muted here");
    expect(await digest(t, "source mute 1", { channel: CHANNELS.governance.id })).toContain(
      "This channel has no minutes digest",
    );
  });

  it("explains narrowing and muting in /digest help", async () => {
    await start();
    const help = await digest(t, "help", commissioning);
    expect(help).toContain("`/digest subscribe weekly monday 09:00 objectives 1,3`");
    expect(help).toContain("`autonomy`");
    expect(help).toContain("`/digest source mute <id>` · `/digest source unmute <id>`");
    expect(await digest(t, "subscribe weekly monday 09:00 objectives 7", commissioning)).toContain(
      "The objectives are numbered 1 to 4",
    );
  });
});
