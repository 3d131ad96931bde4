import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  actAs,
  message,
  openBrowser,
  openConversation,
  openMoreActions,
  screenshot,
  send,
  sendForReply,
  type TestBrowser,
} from "./browser";
import { formCheckModal, type SubmittedValues } from "./form-check";
import { COMMISSIONING, LEAD, STAFF, startTestSandbox, type TestSandbox, TRIAGE } from "./support";

/**
 * The sandbox as a person uses it, in headless Chromium: the real bot, the stand-in, the page.
 * One story, step by step; each step leaves a screenshot in test-results/sandbox/.
 */
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

describe("the sandbox in a browser", () => {
  it("opens on a CCG team's channel with its history, the acting person's channels and the app", async () => {
    const { page } = browser;
    await expect
      .poll(() => page.locator(".side-item").allInnerTexts())
      .toEqual(
        expect.arrayContaining(
          ["#commissioning-team", "#finance-and-contracting", "#minutes-digest", "#random", "●localism-bot"].map((s) =>
            expect.stringContaining(s.slice(1)),
          ),
        ),
      );
    expect(await page.locator(".conversation-header").innerText()).toContain("commissioning-team");
    expect(await message(page, "ophthalmology procurement").innerText()).toContain("Dr Amina Hussain");
    expect(await page.locator(".thread-count").first().innerText()).toBe("2 replies");
    expect(await page.locator(".sidebar").innerText()).not.toContain("autonomy-concerns-triage");
    await screenshot(page, "01-workspace");
  });

  it("runs /objectives 1 and shows the answer only to the person, marked as such", async () => {
    const { page } = browser;
    const reply = await sendForReply(page, "/objectives 1");
    const text = await reply.innerText();
    expect(text).toContain("Only visible to you");
    expect(text).toContain("Objective 1. Transferring power to local organisations");
    expect(await reply.locator("blockquote").count()).toBeGreaterThan(0);
    expect(await reply.locator("a[href^='http']").count()).toBeGreaterThan(0);
    await screenshot(page, "02-objectives-1");
  });

  it("answers a question with quoted, sourced passages, and thanks the person in place for a vote", async () => {
    const { page } = browser;
    const answer = await sendForReply(page, "/objectives will the Board let CCGs decide for themselves?");
    expect(await answer.innerText()).toMatch(/Source: /);
    await answer.getByRole("button", { name: "Helpful", exact: true }).click();
    await page.locator("article.msg.ephemeral", { hasText: "You found this helpful" }).waitFor();
    await screenshot(page, "03-question-answered");
  });

  it("shares an answer in the channel for everyone to see", async () => {
    const { page } = browser;
    const answer = page.locator("article.msg.ephemeral", { hasText: "Question:" }).last();
    await answer.getByRole("button", { name: "Share in channel" }).click();
    const shared = page.locator("article.msg:not(.ephemeral)", { hasText: "Shared by" }).last();
    await shared.waitFor();
    expect(await shared.innerText()).toContain("@Priya Shah");
    expect(await shared.locator(".app-badge").innerText()).toBe("APP");
  });

  it("opens the app's Home tab, and a modal from its Details button, then closes it", async () => {
    const { page } = browser;
    await page.locator(".side-item", { hasText: "localism-bot" }).click();
    const details = page.locator(".home").getByRole("button", { name: "Details" }).first();
    await details.waitFor();
    await details.click();
    const modal = page.getByRole("dialog", { name: "Objective 1" });
    await modal.waitFor();
    expect(await modal.innerText()).toContain("What the Department expects");
    await screenshot(page, "04-home-and-modal");
    await modal.getByRole("button", { name: "Close" }).last().click();
    await modal.waitFor({ state: "detached" });
  });

  it("fills in a modal form: the bot gets each value by block and action, and its errors show beside what was typed", async () => {
    const { page } = browser;
    const { app } = t.sandbox.bot;
    const submissions: SubmittedValues[] = [];
    app.action("sandbox_check_open", async ({ ack, body, client }) => {
      await ack();
      if ("trigger_id" in body) await client.views.open({ trigger_id: body.trigger_id, view: formCheckModal });
    });
    app.view("sandbox_check_form", async ({ ack, view }) => {
      submissions.push(view.state.values as SubmittedValues);
      await (submissions.length === 1
        ? ack({ response_action: "errors", errors: { what: "Please say more about what happened." } })
        : ack());
    });
    await openConversation(page, "commissioning-team");
    await app.client.chat.postMessage({
      channel: COMMISSIONING,
      text: "Form check",
      blocks: [
        {
          type: "actions",
          elements: [
            { type: "button", action_id: "sandbox_check_open", text: { type: "plain_text", text: "Open the form" } },
          ],
        },
      ],
    });
    await page.getByRole("button", { name: "Open the form" }).click();
    const form = page.getByRole("dialog", { name: "Form check" });
    await form.getByLabel("What happened").fill("Too short");
    await form.getByLabel("Objective").selectOption("1");
    await form.getByRole("radio", { name: "High" }).check();
    await form.getByRole("checkbox", { name: /Include a link/ }).check();
    await form.getByRole("button", { name: "Submit" }).click();

    await form.getByText("Please say more about what happened.").waitFor();
    expect(await form.getByLabel("What happened").inputValue()).toBe("Too short");
    expect(await form.getByRole("radio", { name: "High" }).isChecked()).toBe(true);
    await screenshot(page, "05-modal-errors");
    expect(submissions[0]).toMatchObject({
      what: { text: { type: "plain_text_input", value: "Too short" } },
      objective: { choice: { type: "static_select", selected_option: { value: "1" } } },
      impact: { choice: { type: "radio_buttons", selected_option: { value: "high" } } },
      link: { choice: { type: "checkboxes", selected_options: [{ value: "include" }] } },
      note: { text: { type: "plain_text_input", value: null } },
    });

    await form.getByLabel("What happened").fill("The area team overruled our procurement decision.");
    await form.getByRole("button", { name: "Submit" }).click();
    await form.waitFor({ state: "detached" });
    expect(submissions[1]?.what?.text?.value).toBe("The area team overruled our procurement decision.");
  });

  it("offers the manifest's message shortcut under More actions on a message", async () => {
    const { page } = browser;
    await openConversation(page, "commissioning-team");
    const menu = await openMoreActions(page, message(page, "ophthalmology procurement"));
    expect(await menu.getByRole("menuitem").allInnerTexts()).toEqual([expect.stringContaining("Log autonomy concern")]);
    await screenshot(page, "06-more-actions");
    await page.keyboard.press("Escape");
    await menu.waitFor({ state: "detached" });
  });

  it("switching to the concern lead shows the private triage channel, and not the staff member's private replies", async () => {
    const { page } = browser;
    await actAs(page, LEAD);
    await page.locator(".side-item", { hasText: "autonomy-concerns-triage" }).waitFor();
    expect(await page.locator("article.msg.ephemeral").count()).toBe(0);
    await t.sandbox.bot.app.client.chat.postMessage({ channel: TRIAGE, text: "A new concern arrived for triage." });
    await page.locator(".side-item.unread", { hasText: "autonomy-concerns-triage" }).waitFor();
    await openConversation(page, "autonomy-concerns-triage");
    await page.locator(".side-item.unread", { hasText: "autonomy-concerns-triage" }).waitFor({ state: "detached" });
    expect(await page.locator(".conversation-header").innerText()).toContain("concern leads");
    await screenshot(page, "07-concern-lead");
    await actAs(page, STAFF);
    await page.locator(".side-item", { hasText: "autonomy-concerns-triage" }).waitFor({ state: "detached" });
  });

  it("lists the manifest's slash commands as you type, and runs them in the app's Messages tab, where a message is a question", async () => {
    const { page } = browser;
    await page.locator("#composer-input").fill("/");
    const hints = page.locator("#command-hints");
    await hints.waitFor();
    expect(await hints.locator(".command-name").allInnerTexts()).toEqual(["/objectives", "/concerns", "/digest"]);
    await screenshot(page, "08-command-hints");
    await page.locator("#composer-input").fill("");
    await page.locator(".side-item", { hasText: "localism-bot" }).click();
    await page.getByRole("tab", { name: "Messages" }).click();
    const help = await sendForReply(page, "/objectives help");
    expect(await help.innerText()).toContain("/objectives");
    await send(page, "hello bot");
    await page.locator("article.msg:not(.ephemeral)", { hasText: "I don't know" }).last().waitFor();
  });

  it("posts what people type as their message, shown as text and never run as markup", async () => {
    const { page } = browser;
    await openConversation(page, "random");
    await send(page, `<img src=x onerror="alert('xss')"> *Bring cake* & <script>alert(1)</script>`);
    const posted = message(page, "Bring cake");
    await posted.waitFor();
    expect(await posted.locator("strong").innerText()).toBe("Bring cake");
    expect(await posted.locator(".msg-content").innerText()).toContain("<script>alert(1)</script>");
    expect(await posted.locator("img").count()).toBe(0);
    expect(browser.dialogs).toEqual([]);
  });

  it("refuses a slash command the app does not declare, as Slack does, and keeps what was typed", async () => {
    const { page } = browser;
    await send(page, "/remind me tomorrow");
    await page.locator(".notice-error", { hasText: "/remind is not a valid command" }).waitFor();
    expect(await page.locator("#composer-input").inputValue()).toBe("/remind me tomorrow");
    await page.locator("#composer-input").fill("");
    expect(browser.pageErrors).toEqual([]);
  });
});
