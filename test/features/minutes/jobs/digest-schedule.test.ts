import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../../src/clock";
import { CHANNELS, type TestBot } from "../../../support/bot";
import { digest, jobs, postsIn, publish, readable, startDigestBot } from "../../../support/digest-bot";
import { ownFile } from "../../../support/fixtures";
import { MinutesServer } from "../../../support/minutes-server";
import { MINUTES_TEXT, minutesText } from "../ingest/fixtures";

const channel = CHANNELS.commissioning.id;
const at = (iso: string) => new Date(iso);

describe("scheduled digests", () => {
  const server = new MinutesServer();
  let t: TestBot;
  let clock: ManualClock;
  beforeAll(() => server.start());
  afterAll(() => server.close());
  afterEach(() => t?.close());

  async function start(iso: string) {
    clock = new ManualClock(at(iso));
    t = await startDigestBot({ clock });
  }

  async function runAt(iso: string) {
    clock.set(at(iso));
    return jobs(t).digests();
  }

  it("posts the weekly digest at 09:00 London time on both sides of the clock change, once per week", async () => {
    await start("2026-03-18T10:00:00Z");
    await digest(t, "subscribe weekly monday 09:00", { channel });
    await publish(
      t,
      server,
      "/ccg/2012-09-13.pdf",
      ownFile("example-vale-ccg-governing-body-2012-09-13.pdf"),
      "application/pdf",
    );

    await runAt("2026-03-23T08:59:59Z");
    expect(postsIn(t, channel)).toHaveLength(0);
    await runAt("2026-03-23T09:00:00Z"); // 09:00 GMT
    await jobs(t).digests();
    expect(postsIn(t, channel)).toHaveLength(1);
    expect(readable(postsIn(t, channel)[0]?.params.blocks)).toContain("Minutes digest: 16–23 March 2026");
    expect(String(postsIn(t, channel)[0]?.params.text)).toContain("NHS EXAMPLE VALE CLINICAL COMMISSIONING GROUP");

    clock.set(at("2026-03-25T12:00:00Z"));
    await publish(t, server, "/board/2012-07-26.html", ownFile("nhs-england-style-board-minutes.html"), "text/html");
    await runAt("2026-03-30T07:59:59Z"); // 08:59:59 BST
    expect(postsIn(t, channel)).toHaveLength(1);
    await runAt("2026-03-30T08:00:00Z"); // 09:00 BST
    const second = postsIn(t, channel)[1];
    expect(postsIn(t, channel)).toHaveLength(2);
    expect(readable(second?.params.blocks)).toContain("Minutes digest: 23–30 March 2026");
    expect(String(second?.params.text)).toContain("Minutes of the Board meeting held in public, 26 July 2012");
    expect(String(second?.params.text)).not.toContain("EXAMPLE VALE");
  });

  it("posts nothing in a quiet week, unless the channel asked for quiet-week notes", async () => {
    await start("2026-03-18T10:00:00Z");
    await digest(t, "subscribe weekly monday 09:00", { channel });
    await runAt("2026-03-23T09:00:01Z");
    expect(postsIn(t, channel)).toHaveLength(0);
    expect(await digest(t, "status", { channel })).toContain("a quiet period (nothing posted)");

    expect(await digest(t, "subscribe weekly monday 09:00 quiet", { channel })).toContain("I'll post a short note");
    await runAt("2026-03-30T08:00:01Z");
    expect(postsIn(t, channel)).toHaveLength(1);
    expect(String(postsIn(t, channel)[0]?.params.text)).toBe(
      "Minutes digest for 23–30 March 2026: no new minutes were published.",
    );
  });

  it("after downtime posts one catch-up digest covering every missed week, not one per week", async () => {
    await start("2026-03-18T10:00:00Z");
    await digest(t, "subscribe weekly monday 09:00", { channel });
    const documents = [MINUTES_TEXT.ccgGoverningBody, MINUTES_TEXT.icbBoard, MINUTES_TEXT.privateBoard];
    for (const [week, name] of documents.entries()) {
      clock.set(new Date(at("2026-03-20T12:00:00Z").getTime() + week * 7 * 86_400_000));
      await publish(t, server, `/minutes/${week}.txt`, minutesText(name), "text/plain");
    }
    await runAt("2026-04-13T10:30:00Z");
    await jobs(t).digests();
    const posts = postsIn(t, channel);
    expect(posts).toHaveLength(1);
    const shown = readable(posts[0]?.params.blocks);
    expect(shown).toContain("Minutes digest: 16 March – 13 April 2026");
    expect(shown).toContain("Covers 4 scheduled digests missed while the bot was offline");
    expect(String(posts[0]?.params.text)).toContain("3 documents");

    await runAt("2026-04-20T08:00:00Z");
    expect(postsIn(t, channel)).toHaveLength(1);
  });

  it("runs daily and monthly schedules in the subscription's own time zone", async () => {
    await start("2026-03-18T10:00:00Z");
    await digest(t, "subscribe daily 08:30 America/New_York quiet", { channel });
    await runAt("2026-03-18T12:29:59Z"); // 08:29:59 in New York (EDT)
    expect(postsIn(t, channel)).toHaveLength(0);
    await runAt("2026-03-18T12:30:00Z");
    expect(postsIn(t, channel)).toHaveLength(1);

    await digest(t, "subscribe monthly 1 09:00", { channel });
    await runAt("2026-04-01T07:59:59Z");
    expect(postsIn(t, channel)).toHaveLength(1);
    expect(await digest(t, "status", { channel })).toContain("Next: Wednesday 1 April 2026 at 09:00 (Europe/London).");
  });
});
