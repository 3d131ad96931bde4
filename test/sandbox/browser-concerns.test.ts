/**
 * The sandbox's story for anonymity that holds and the governing body's report, in headless
 * Chromium: a staff member logs, anonymously, a seeded message whose thread they replied in; the
 * form warns that the quote would point at them and replaces it with their own words; the lead's
 * card shows no quote; the lead asks for the quarter's report. Screenshots in test-results/sandbox/.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quarterOf } from "../../src/features/concerns/domain/quarters";
import {
  actAs,
  message,
  openBrowser,
  openConversation,
  openMoreActions,
  screenshot,
  sendForReply,
  type TestBrowser,
} from "./browser";
import { LEAD, STAFF, startTestSandbox, type TestSandbox } from "./support";

let t: TestSandbox;
let browser: TestBrowser;

beforeAll(async () => {
  t = await startTestSandbox();
  browser = await openBrowser(`${t.sandbox.url}/#as=${STAFF}`);
});
afterAll(async () => {
  await browser?.close();
  await t?.sandbox.stop();
});

const CONCERN_REFERENCE = /CON-\d{4}/;

describe("anonymity that holds, and the report, in the sandbox", () => {
  let reference = "";

  it("warns a staff member that a thread they took part in would give them away, and leaves the quote out", async () => {
    const { page } = browser;
    await openConversation(page, "commissioning-team");
    const menu = await openMoreActions(page, message(page, "ophthalmology procurement"));
    await menu.getByRole("menuitem", { name: /Log autonomy concern/ }).click();

    const form = page.getByRole("dialog", { name: "Log a concern" });
    await form.getByLabel("What happened?").waitFor();
    expect(await form.innerText()).toContain("You took part in this message's thread.");
    await form
      .getByLabel("What happened?")
      .fill("The area team is steering our procurement through its regional framework.");
    await form.getByLabel("Which objective does it touch?").selectOption({ index: 1 });
    await form.getByLabel("Which body was involved?").selectOption({ label: "Regional team" });
    await form.getByRole("radio", { name: /^Medium/ }).check();
    await form.getByRole("radio", { name: /^Anonymous/ }).check();

    await expect.poll(() => form.innerText()).toContain("the search shows the thread and the people in it");
    expect(await form.getByRole("radio", { name: /Replace it with my own summary/ }).isChecked()).toBe(true);
    expect(await form.innerText()).toContain("Anonymous: nobody sees who you are, not even the concern leads.");
    expect(await form.innerText()).toMatch(/What happened\?[\s\S]*3,000 characters/);
    await form.getByText("The quoted message", { exact: true }).scrollIntoViewIfNeeded();
    await screenshot(page, "21-concern-anonymity-warning");
    await form.getByRole("button", { name: "Submit" }).click();

    const done = page.getByRole("dialog", { name: "Concern logged" });
    await done.waitFor();
    expect(await done.innerText()).toContain("The quoted message was not stored");
    reference = CONCERN_REFERENCE.exec(await done.innerText())?.[0] ?? "";
    expect(reference).toMatch(CONCERN_REFERENCE);
    await screenshot(page, "22-concern-anonymous-logged");
    await done.getByRole("button", { name: "Done" }).click();
    await done.waitFor({ state: "detached" });
  });

  it("shows the lead a card without the quote, and gives the lead the quarter's report", async () => {
    const { page } = browser;
    await actAs(page, LEAD);
    await openConversation(page, "autonomy-concerns-triage");
    const card = message(page, reference);
    await card.waitFor();
    const shown = await card.innerText();
    expect(shown).toContain("replaced its quote with their own summary");
    expect(shown).not.toContain("regional framework? I thought");
    await screenshot(page, "23-concern-card-without-quote");

    const report = await sendForReply(page, `/concerns report ${quarterOf(new Date()).key}`);
    const text = await report.innerText();
    expect(text).toContain("CCG autonomy concerns:");
    expect(text).toContain("calendar quarter");
    expect(text).toContain("fewer than 5");
    await screenshot(page, "24-concerns-report");
  });
});
