import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ManualClock } from "../../../../src/clock";
import { CHANNELS, PEOPLE, startTestBot, type TestBot } from "../../../support/bot";
import { digest, jobs, postsIn, readable, startDigestBot } from "../../../support/digest-bot";
import { ownFile } from "../../../support/fixtures";
import { MinutesServer } from "../../../support/minutes-server";
import { govukOrganisationFeed } from "../ingest/fixtures";
import { emptyPagesPdf } from "../ingest/hostile";

const commissioning = { channel: CHANNELS.commissioning.id };

describe("/digest through the real Bolt receiver", () => {
  const server = new MinutesServer();
  // Wednesday 18 March 2026, 10:00 in London (GMT).
  const clock = new ManualClock(new Date("2026-03-18T10:00:00Z"));
  let t: TestBot;
  beforeAll(async () => {
    await server.start();
    server.serve("/government/organisations/dh.atom", {
      body: govukOrganisationFeed(server.baseUrl),
      contentType: "application/atom+xml",
    });
    server.serve("/government/publications/example-nhs-england-accountability-meeting-minutes-january-2014", {
      body: ownFile("govuk-style-accountability-minutes.html"),
      contentType: "text/html",
    });
    t = await startDigestBot({ clock });
    t.standin.workspace.addUser({ id: "U0ADMIN01", name: "it.admin", real_name: "IT Admin", is_admin: true });
  });
  afterAll(async () => {
    await t?.close();
    await server.close();
  });

  it("explains how to add the bot to a channel it is not in, and subscribes nothing", async () => {
    const reply = await digest(t, "subscribe weekly monday 09:00", { channel: CHANNELS.governance.id });
    expect(reply).toContain("I'm not a member of this channel");
    expect(reply).toContain("/invite @localism-bot");
    expect(await digest(t, "status", { channel: CHANNELS.governance.id })).toContain(
      "This channel has no minutes digest",
    );
  });

  it("answers an invalid schedule with an example of a valid one", async () => {
    const reply = await digest(t, "subscribe fortnightly on tuesdays", commissioning);
    expect(reply).toContain("should start with daily, weekly or monthly");
    expect(reply).toContain('"weekly monday 09:00"');
  });

  it("subscribes a channel and says when the first digest comes, in the channel's time zone", async () => {
    const reply = await digest(t, "subscribe weekly monday 09:00", commissioning);
    expect(reply).toContain("Subscribed: this channel gets a minutes digest every Monday at 09:00 (Europe/London)");
    expect(reply).toContain("The next one is on Monday 23 March 2026 at 09:00 (Europe/London)");
    expect(reply).toContain("I'll post nothing (add `quiet`");
  });

  it("lets only workspace admins add sources, reads a new source at once and lists it with its state", async () => {
    expect(
      await digest(t, `source add ${server.url("/government/organisations/dh.atom")}`, {
        ...commissioning,
        user: PEOPLE.staff.id,
      }),
    ).toContain("Only workspace admins");
    const added = await digest(t, `source add <${server.url("/government/organisations/dh.atom")}>`, {
      ...commissioning,
      user: "U0ADMIN01",
    });
    expect(added).toContain("Added source *1*");
    expect(added).toContain("It is a feed: 1 new or changed minutes document stored.");
    const listed = await digest(t, "sources", commissioning);
    expect(listed).toContain("Department of Health and Social Care - Activity on GOV.UK");
    expect(listed).toContain("feed · 1 document");
    expect(listed).toContain(":white_check_mark: Read 18 March 2026, 10:00");

    const broken = await digest(t, `source add ${server.url("/government/publications/withdrawn.pdf")}`, {
      ...commissioning,
      user: "U0ADMIN01",
    });
    expect(broken).toContain("Added source *2*");
    expect(broken).toContain("answered HTTP 404");
    const withFailure = await digest(t, "sources", commissioning);
    expect(withFailure).toMatch(
      /:warning: Failed \(18 March 2026, 10:00\): .*withdrawn\.pdf answered HTTP 404 Not Found\. Retrying with backoff; next check 18 March 2026, 10:05\./,
    );
    clock.advance(60_000);
  });

  it("shows the status: schedule, next and last digest, and what the next one would contain", async () => {
    const status = await digest(t, "status", commissioning);
    expect(status).toContain("every Monday at 09:00 (Europe/London), set up by <@U0STAFF01>");
    expect(status).toContain("Next: Monday 23 March 2026 at 09:00 (Europe/London).");
    expect(status).toContain("Last: none yet.");
    expect(status).toContain(
      "The next digest would contain 1 document:\n• NHS England accountability meeting: January 2014 (example)",
    );
  });

  it("previews the next digest only to the person asking, posting and recording nothing", async () => {
    const preview = await digest(t, "preview", commissioning);
    expect(preview).toContain("Minutes digest: 16–23 March 2026");
    expect(preview).toContain("NHS England accountability meeting: January 2014 (example)");
    expect(preview).toContain("Preview, only you can see this; nothing has been posted.");
    expect(t.standin.callsTo("chat.postMessage")).toHaveLength(0);
    expect(await digest(t, "status", commissioning)).toContain("Last: none yet.");
  });

  it("posts now, once, counted as this period's digest", async () => {
    expect(await digest(t, "now", commissioning)).toContain("Posting the digest now (1 new document)");
    await t.standin.waitForCall(
      "chat.postMessage",
      (call) => call.params.channel === CHANNELS.commissioning.id,
      10_000,
    );
    const [post] = postsIn(t, CHANNELS.commissioning.id);
    expect(String(post?.params.text)).toContain(
      "Minutes digest for 16–23 March 2026: 1 document (1 item on CCG autonomy): NHS England accountability meeting",
    );
    // The same period as the preview showed: the week this digest counts as.
    expect(readable(post?.params.blocks)).toContain("Minutes digest: 16–23 March 2026");
    expect(readable(post?.params.blocks)).toContain("Objective 1: Transferring power to local organisations");
    expect(await digest(t, "now", commissioning)).toContain("This period's digest was already posted");
    expect(postsIn(t, CHANNELS.commissioning.id)).toHaveLength(1);
    expect(await digest(t, "status", commissioning)).toContain("Last: 18 March 2026, 10:01, 1 document.");
  });

  it("shows the channel's digest and the latest minutes on App Home", async () => {
    await t.slack.appHomeOpened(PEOPLE.staff.id);
    await t.standin.waitForCall("views.publish", () => true, 5_000);
    const home = readable(t.standin.homeViewOf(PEOPLE.staff.id)?.blocks);
    expect(home).toContain("Minutes digests");
    expect(home).toContain(
      `<#${CHANNELS.commissioning.id}>: every Monday at 09:00 (Europe/London), next Monday 23 March 2026 at 09:00`,
    );
    expect(home).toContain("Latest minutes read");
  });

  it("removes a source for admins and unsubscribes the channel", async () => {
    expect(await digest(t, "source remove 1", { ...commissioning, user: "U0ADMIN01" })).toContain("Removed source *1*");
    expect(await digest(t, "source remove 1", { ...commissioning, user: "U0ADMIN01" })).toContain(
      "There is no source 1",
    );
    expect(await digest(t, "unsubscribe", commissioning)).toContain("won't get minutes digests any more");
    expect(await digest(t, "status", commissioning)).toContain("This channel has no minutes digest");
  });
});

describe("/digest source add without FETCH_ALLOW_PRIVATE_HOSTS (the production default)", () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot();
    t.standin.workspace.addUser({ id: "U0ADMIN01", name: "it.admin", real_name: "IT Admin", is_admin: true });
  });
  afterAll(() => t?.close());

  it("refuses a source on a loopback or private address for good, saying why", async () => {
    for (const url of ["http://169.254.169.254/latest/meta-data/", "http://localhost:8080/minutes.pdf"]) {
      const refused = await digest(t, `source add ${url}`, { ...commissioning, user: "U0ADMIN01" });
      expect(refused).toContain("I can't use that source");
      expect(refused).toContain("loopback or private address");
    }
    expect(await digest(t, "sources", commissioning)).toContain("No minutes sources yet");
  });
});

describe("/digest source add of a document built to exhaust the reader", () => {
  const server = new MinutesServer();
  const clock = new ManualClock(new Date("2026-03-18T10:00:00Z"));
  let t: TestBot;
  beforeAll(async () => {
    await server.start();
    server.serve("/pages.pdf", { body: emptyPagesPdf(100_000), contentType: "application/pdf" });
    t = await startDigestBot({ clock, env: { FETCH_TIMEOUT_SECONDS: "30" } });
    t.standin.workspace.addUser({ id: "U0ADMIN01", name: "it.admin", real_name: "IT Admin", is_admin: true });
  });
  afterAll(async () => {
    await t?.close();
    await server.close();
  });

  it("answers others while it reads, pauses the source with its reason, lists it as paused and tells the admin by DM", async () => {
    let replied = false;
    const adding = digest(t, `source add ${server.url("/pages.pdf")}`, { ...commissioning, user: "U0ADMIN01" }).finally(
      () => {
        replied = true;
      },
    );
    await vi.waitFor(() => expect(server.requestsFor("/pages.pdf")).toHaveLength(1), { timeout: 20_000 });
    expect(await digest(t, "status", commissioning)).toContain("This channel has no minutes digest");
    expect(replied).toBe(false);

    const added = await adding;
    expect(added).toContain("Added source *1*");
    expect(added).toContain(
      "I've paused this source: The PDF at " +
        server.url("/pages.pdf") +
        " has 100,000 pages, more than the 1,000-page limit for one document, so it was not read.",
    );
    expect(await digest(t, "sources", commissioning)).toMatch(
      /:double_vertical_bar: Paused 18 March 2026, 10:00: The PDF at .* has 100,000 pages, more than the 1,000-page limit/,
    );

    await jobs(t).digests();
    const dm = t.standin.messagesIn(t.standin.workspace.dmWith("U0ADMIN01").id);
    expect(dm.map((message) => message.text).join()).toContain(
      `I've paused the minutes source *1* you added (${server.url("/pages.pdf")}): The PDF at`,
    );
    clock.advance(2 * 60 * 60_000);
    await jobs(t).poll();
    expect(server.requestsFor("/pages.pdf")).toHaveLength(1);
  });
});
