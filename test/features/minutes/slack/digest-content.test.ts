import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../../src/clock";
import type { MinutesJson } from "../../../../src/features/minutes/domain/document";
import { DocumentRepository } from "../../../../src/features/minutes/storage/documents";
import { CHANNELS, PEOPLE, type TestBot } from "../../../support/bot";
import { digest, postsIn, readable, startDigestBot } from "../../../support/digest-bot";

const commissioning = { channel: CHANNELS.commissioning.id };

/** Stores a document as the ingester would, at the clock's time, with the MinutesJson given. */
async function store(t: TestBot, minutes: MinutesJson, at: Date, sourceId: number | null = null) {
  await new DocumentRepository(t.bot.core.database.db).storeVersion(
    {
      key: minutes.url,
      link: minutes.url,
      sourceId,
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

describe("what a digest holds, through the real Bolt receiver", () => {
  // Wednesday 18 March 2026, 10:00 in London (GMT).
  const clock = new ManualClock(new Date("2026-03-18T10:00:00Z"));
  let t: TestBot;
  beforeAll(async () => {
    t = await startDigestBot({ clock });
  });
  afterAll(() => t?.close());

  it("never puts a document that is not minutes in a digest, nor on App Home", async () => {
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
    await t.standin.waitForCall("chat.postMessage", (call) => call.params.channel === commissioning.channel, 10_000);
    const [post] = postsIn(t, commissioning.channel);
    expect(readable(post?.params)).toContain("Board minutes, 12 March 2026 (example)");
    expect(readable(post?.params)).not.toContain("diagnostic centre");

    await t.slack.appHomeOpened(PEOPLE.staff.id);
    await t.standin.waitForCall("views.publish", () => true, 5_000);
    const home = readable(t.standin.homeViewOf(PEOPLE.staff.id)?.blocks);
    expect(home).toContain("Board minutes, 12 March 2026 (example)");
    expect(home).not.toContain("diagnostic centre");
  });
});
