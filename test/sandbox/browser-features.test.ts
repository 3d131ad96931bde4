/**
 * The sandbox's story for the features those issues add, in headless Chromium, with nothing in the
 * sandbox changed but its seed and settings: a staff member logs an autonomy concern from a seeded
 * message through the modal, the concern lead acknowledges it from the triage channel, a staff
 * member is refused the leads' view, the digest channel gets a digest of the sample minutes, and
 * the workspace admin sets the default digest time in Settings on App Home, where each choice
 * shows only its own fields.
 * Each step leaves a screenshot in test-results/sandbox/.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

describe("concerns and digests in the sandbox", () => {
  let reference = "";

  it("a staff member logs an autonomy concern from a seeded message through the modal", async () => {
    const { page } = browser;
    await openConversation(page, "commissioning-team");
    const menu = await openMoreActions(page, message(page, "ophthalmology procurement"));
    await menu.getByRole("menuitem", { name: /Log autonomy concern/ }).click();

    const form = page.getByRole("dialog", { name: "Log a concern" });
    await form.getByLabel("What happened?").waitFor();
    expect(await form.innerText()).toContain("ophthalmology procurement");
    await screenshot(page, "11-concern-modal");
    await form
      .getByLabel("What happened?")
      .fill("The area team told us our ophthalmology procurement must use their regional framework.");
    await form.getByLabel("Which objective does it touch?").selectOption({ index: 1 });
    await form.getByLabel("Which body was involved?").selectOption({ label: "Regional team" });
    await form.getByRole("radio", { name: /^Medium/ }).check();
    await form.getByRole("radio", { name: /^Named/ }).check();
    await form.getByRole("button", { name: "Submit" }).click();

    const done = page.getByRole("dialog", { name: "Concern logged" });
    await done.waitFor();
    reference = CONCERN_REFERENCE.exec(await done.innerText())?.[0] ?? "";
    expect(reference).toMatch(CONCERN_REFERENCE);
    await screenshot(page, "12-concern-logged");
    await done.getByRole("button", { name: "Done" }).click();
    await done.waitFor({ state: "detached" });
  });

  it("the concern lead sees it in the triage channel and acknowledges it; the card updates in place", async () => {
    const { page } = browser;
    await actAs(page, LEAD);
    await openConversation(page, "autonomy-concerns-triage");
    const card = message(page, reference);
    await card.waitFor();
    await card.getByRole("button", { name: "Acknowledge" }).click();
    await expect.poll(() => message(page, reference).innerText()).toMatch(/acknowledged/i);
    await screenshot(page, "13-concern-acknowledged");
  });

  it("a staff member is refused the leads' list of open concerns", async () => {
    const { page } = browser;
    await actAs(page, STAFF);
    await openConversation(page, "commissioning-team");
    const reply = await sendForReply(page, "/concerns open");
    expect(await reply.innerText()).toMatch(/lead/i);
    expect(await reply.innerText()).not.toContain(reference);
    await screenshot(page, "14-concerns-refused");
  });

  it("the digest channel gets a digest of the sample minutes feed when someone presses Run digest now", async () => {
    const { page } = browser;
    await actAs(page, LEAD);
    await openConversation(page, "minutes-digest");
    const added = await sendForReply(page, `/digest source add ${t.sandbox.url}/sandbox/minutes/feed.atom`, 20_000);
    expect(await added.innerText()).toMatch(/sandbox example|minutes/i);
    const subscribed = await sendForReply(page, "/digest subscribe weekly monday 09:00");
    expect(await subscribed.innerText()).toMatch(/monday/i);
    await page.locator("#run-digest").click();
    const digest = page
      .locator("article.msg:not(.ephemeral)", { hasText: /Riverside CCG governing body|Accountability meeting/ })
      .last();
    await digest.waitFor({ timeout: 20_000 });
    expect(await digest.locator(".app-badge").innerText()).toBe("APP");
    // The sample documents' notices about themselves are never a key point.
    expect(await digest.innerText()).not.toMatch(/sample document served|are invented/i);
    expect(await digest.innerText()).toContain("What touches CCG autonomy");
    // The concern logged earlier in this story is counted at the end of the period's digest.
    expect(await digest.innerText()).toMatch(/CCG autonomy concerns logged this period[\s\S]*1/);
    await screenshot(page, "15-digest-posted");
  });

  it("a workspace admin sets the default digest time in Settings on App Home; a subscription without a time uses it", async () => {
    const { page } = browser;
    await actAs(page, STAFF);
    await page.locator(".side-item", { hasText: "localism-bot" }).click();
    const home = page.locator(".home");
    await home.getByRole("button", { name: "Details" }).first().waitFor();
    expect(await home.innerText()).not.toContain("Change settings");

    await actAs(page, LEAD);
    await page.locator(".side-item", { hasText: "localism-bot" }).click();
    const change = page.locator(".home").getByRole("button", { name: "Change settings" });
    await change.waitFor();
    expect(await page.locator(".home").innerText()).toContain("only workspace admins see this");
    await change.click();
    const form = page.getByRole("dialog", { name: "Settings" });
    await form.getByLabel("Default digest time").waitFor();
    expect(await form.innerText()).toContain("Policy leads (knowledge owners)");
    await form.getByLabel("Default digest time").fill("07:30");
    // Each choice shows only its own fields, drawn again by the bot as the choice changes.
    const owners = form.getByRole("radiogroup", { name: "Policy leads (knowledge owners)" });
    expect(await form.getByLabel("Policy lead user group").count()).toBe(0);
    expect(await form.getByLabel("Policy lead channel").count()).toBe(0);
    await owners.getByRole("radio", { name: /^A user group/ }).check();
    await form.getByLabel("Policy lead user group").waitFor();
    expect(await form.getByLabel("Policy lead channel").count()).toBe(0);
    expect(await form.getByLabel("Default digest time").inputValue()).toBe("07:30");
    await owners.getByRole("radio", { name: /^The default/ }).check();
    await form.getByLabel("Policy lead user group").waitFor({ state: "detached" });
    expect(await form.getByLabel("Default digest time").inputValue()).toBe("07:30");
    await screenshot(page, "16-settings-modal");
    await form.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => form.innerText()).toContain("Saved: 1 setting changed.");
    await form.getByRole("button", { name: "Close" }).last().click();
    await form.waitFor({ state: "detached" });
    await expect.poll(() => page.locator(".home").innerText()).toContain("07:30");

    await openConversation(page, "minutes-digest");
    const subscribed = await sendForReply(page, "/digest subscribe weekly friday");
    expect(await subscribed.innerText()).toContain("every Friday at 07:30");
  });
});
