/**
 * The sandbox's story for asking where people talk, in headless Chromium: a mention in a thread
 * (the thread opens beside the conversation), a direct message and its unread count, the assistant
 * panel with its prompts and status, a policy lead's approved answer, and the page's own Slack
 * touches (confirm dialogs, dismissing, /invite, dates, a modal surviving a reload). Each step
 * leaves a screenshot in test-results/sandbox/.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  actAs,
  message,
  openBrowser,
  openConversation,
  screenshot,
  send,
  sendForReply,
  type TestBrowser,
} from "./browser";
import { COMMISSIONING, LEAD, STAFF, startTestSandbox, type TestSandbox } from "./support";

const TOM = "U0TOMOKAF";
const UNANSWERABLE = "Which law firm does the CCG use for tender disputes?";

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

/** Types in the open panel's box (a thread or the assistant) and sends. */
async function sendInPanel(page: Page, text: string): Promise<void> {
  const input = page.locator("#panel .panel-input");
  await input.fill(text);
  await input.press("Enter");
  await page.waitForFunction(
    () => !(document.querySelector("#panel .panel-input") as HTMLInputElement | null)?.disabled,
  );
}

async function openAppTab(page: Page, tab: "Home" | "Messages"): Promise<void> {
  await page.locator(".side-item", { hasText: "localism-bot" }).click();
  await page.getByRole("tab", { name: tab }).click();
  await page.getByRole("tab", { name: tab, selected: true }).waitFor();
}

describe("asking where people talk, in the sandbox", () => {
  it("answers a mention in a thread in that thread, which opens beside the conversation", async () => {
    const { page } = browser;
    await openConversation(page, "commissioning-team");
    const root = page.locator("#pane article.msg", { hasText: "ophthalmology procurement" });
    await root.locator(".thread-count").click();
    const panel = page.getByRole("region", { name: "Thread" });
    await panel.getByText("Same with diabetes").waitFor();
    await sendInPanel(page, "@localism-bot will the Board let CCGs decide for themselves?");
    const answer = panel.locator("article.msg", { hasText: "Question:" });
    await answer.waitFor();
    expect(await answer.innerText()).toMatch(/Source: /);
    expect(await panel.locator(".mention", { hasText: "localism-bot" }).count()).toBeGreaterThan(0);
    await expect.poll(() => root.locator(".thread-count").innerText()).toBe("4 replies");
    await screenshot(page, "21-mention-in-thread");

    await answer.getByRole("button", { name: "This answer was not helpful" }).click();
    const why = page.getByRole("dialog", { name: "Not helpful" });
    await why.getByRole("radio", { name: "It's hard to follow" }).check();
    await screenshot(page, "21b-not-helpful-why");
    await why.getByRole("button", { name: "Send" }).click();
    await why.waitFor({ state: "detached" });
    await panel.getByRole("button", { name: "This answer was not helpful", pressed: true }).waitFor();
    await panel.getByRole("button", { name: "Close thread" }).click();
    await panel.waitFor({ state: "detached" });
  });

  it("answers a mention in the channel in a new thread under it", async () => {
    const { page } = browser;
    await send(page, "@localism-bot objectives 2");
    const asked = page.locator("article.msg:not(.ephemeral)", { hasText: "objectives 2" }).last();
    await asked.locator(".thread-count", { hasText: "1 reply" }).waitFor();
    await asked.locator(".thread-count").click();
    await page
      .getByRole("region", { name: "Thread" })
      .getByText("Objective 2. Establishing the commissioning landscape")
      .waitFor();
    await screenshot(page, "22-mention-new-thread");
    await page.getByRole("button", { name: "Close thread" }).click();
  });

  it("answers a direct message, and counts the app's unread messages while you are elsewhere", async () => {
    const { page } = browser;
    await openAppTab(page, "Messages");
    await send(page, "when do CCGs get full powers?");
    await page.locator("article.msg", { hasText: "Question:" }).last().waitFor();
    await screenshot(page, "23-direct-message");
    await openConversation(page, "random");
    await t.sandbox.bot.app.client.chat.postMessage({ channel: STAFF, text: "A reply for Priya, while she was away." });
    const app = page.locator(".side-item.unread", { hasText: "localism-bot" });
    await app.waitFor();
    expect(await app.locator(".unread-badge").innerText()).toBe("1");
    await screenshot(page, "24-direct-message-unread");
    await openAppTab(page, "Messages");
    await page.locator(".side-item.unread", { hasText: "localism-bot" }).waitFor({ state: "detached" });
  });

  it("opens the assistant panel with its suggested prompts, a status while it searches, and an answer in its thread", async () => {
    const { page } = browser;
    await openConversation(page, "commissioning-team");
    await page.locator("#open-assistant").click();
    const panel = page.getByRole("region", { name: "localism-bot assistant" });
    await panel.getByText("I quote my sources").waitFor();
    const prompts = panel.locator(".prompt-chip");
    await expect
      .poll(() => prompts.allInnerTexts())
      .toEqual([
        "What is assumed liberty?",
        "Will the Board let CCGs decide for themselves?",
        "When do CCGs get full powers?",
      ]);
    await screenshot(page, "25-assistant-prompts");
    // Slack is slow to take the answer this once, so the status can be seen.
    t.sandbox.standin.failNext("chat.postMessage", { delayMs: 2_000 });
    await prompts.first().click();
    await panel.locator(".assistant-status", { hasText: "searching the knowledge base" }).waitFor();
    await screenshot(page, "26-assistant-status");
    await panel.locator("article.msg", { hasText: "Question:" }).waitFor({ timeout: 15_000 });
    await panel.locator(".assistant-status").waitFor({ state: "detached" });
    await expect.poll(() => panel.locator(".assistant-title").innerText()).toBe("What is assumed liberty?");
    expect(await panel.locator(".prompt-chip").count()).toBe(0);
    await screenshot(page, "27-assistant-answer");
    await openConversation(page, "finance-and-contracting");
    await panel.waitFor();
    await page.getByRole("button", { name: "Close the assistant" }).click();
    await panel.waitFor({ state: "detached" });
  });

  it("sends a declined question to a policy lead, whose approved answer is then shown first", async () => {
    const { page } = browser;
    await openConversation(page, "commissioning-team");
    await send(page, `@localism-bot ${UNANSWERABLE}`);
    const asked = page.locator("article.msg:not(.ephemeral)", { hasText: "law firm" }).last();
    await asked.locator(".thread-count", { hasText: "1 reply" }).click();
    const thread = page.getByRole("region", { name: "Thread" });
    await thread.getByText("I don't know.").waitFor();
    await thread.getByRole("button", { name: "Ask a policy lead" }).click();
    const ask = page.getByRole("dialog", { name: "Ask a policy lead" });
    await ask.getByText("law firm").waitFor();
    await screenshot(page, "28-ask-policy-lead");
    await ask.getByRole("button", { name: "Send" }).click();
    const sent = page.getByRole("dialog", { name: "Sent" });
    await sent.waitFor();
    await sent.getByRole("button", { name: "Done" }).last().click();
    await sent.waitFor({ state: "detached" });

    await actAs(page, LEAD);
    await openConversation(page, "policy-leads");
    const card = message(page, "Question for a policy lead");
    await card.getByText("Asked by").waitFor();
    expect(await card.innerText()).toContain("Asked by @Priya Shah");
    await card.getByRole("button", { name: "Answer" }).click();
    const approve = page.getByRole("dialog", { name: "Approve an answer" });
    await approve.getByLabel("Your answer").fill("Tender disputes go to the legal panel the CSU retains for its CCGs.");
    await approve.getByLabel("Source").fill("Commissioning support service agreement, 2013");
    await screenshot(page, "29-approve-answer");
    await approve.getByRole("button", { name: "Approve" }).click();
    const approved = page.getByRole("dialog", { name: "Approved" });
    await approved.waitFor();
    await approved.getByRole("button", { name: "Done" }).last().click();
    await expect
      .poll(() => message(page, "Question for a policy lead").innerText())
      .toMatch(/Approved answer by @Helen Ward/);

    await actAs(page, STAFF);
    await page.locator(".side-item.unread", { hasText: "localism-bot" }).waitFor();
    await openAppTab(page, "Messages");
    await page.locator("article.msg", { hasText: "A policy lead answered your question" }).waitFor();

    await actAs(page, TOM);
    await openConversation(page, "commissioning-team");
    const reply = await sendForReply(page, "/objectives which law firm does our CCG use for tender disputes?");
    expect(await reply.innerText()).toMatch(/Approved answer by @Helen Ward, \d+ \w+ \d{4}/);
    expect(await reply.innerText()).toContain("legal panel");
    expect(await reply.getByRole("button", { name: "Ask a policy lead" }).count()).toBe(0);
    await screenshot(page, "30-approved-answer-first");
  });

  it("draws a confirm dialog as Slack draws it, in the page, and acts only when confirmed", async () => {
    const { page } = browser;
    const { app } = t.sandbox.bot;
    const pressed: string[] = [];
    app.action("sandbox_confirm_check", async ({ ack, body }) => {
      await ack();
      pressed.push(body.user.id);
    });
    await app.client.chat.postMessage({
      channel: COMMISSIONING,
      text: "Confirm check",
      blocks: [
        {
          type: "actions",
          elements: [
            {
              type: "button",
              action_id: "sandbox_confirm_check",
              style: "danger",
              text: { type: "plain_text", text: "Withdraw it" },
              confirm: {
                title: { type: "plain_text", text: "Withdraw this answer?" },
                text: { type: "plain_text", text: "It will no longer be shown to anyone." },
                confirm: { type: "plain_text", text: "Withdraw" },
                deny: { type: "plain_text", text: "Keep it" },
                style: "danger",
              },
            },
          ],
        },
      ],
    });
    await page.getByRole("button", { name: "Withdraw it" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Withdraw this answer?" });
    await dialog.getByText("It will no longer be shown to anyone.").waitFor();
    await screenshot(page, "31-confirm-dialog");
    await dialog.getByRole("button", { name: "Keep it" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Withdraw it" }).click();
    await dialog.getByRole("button", { name: "Withdraw", exact: true }).click();
    await expect.poll(() => pressed).toEqual([TOM]);
    expect(browser.dialogs).toEqual([]);
  });

  it("keeps what was typed in a modal across a reload", async () => {
    const { page } = browser;
    await page.locator("#shortcuts-button").click();
    await page.getByRole("menuitem", { name: /Log an autonomy concern/ }).click();
    const form = page.getByRole("dialog", { name: "Log a concern" });
    await form.getByLabel("What happened?").fill("The regional team told us to drop our local COPD scheme.");
    await page.reload();
    await expect
      .poll(() => page.getByRole("dialog", { name: "Log a concern" }).getByLabel("What happened?").inputValue())
      .toBe("The regional team told us to drop our local COPD scheme.");
    await screenshot(page, "32-modal-after-reload");
    await page.getByRole("dialog", { name: "Log a concern" }).getByRole("button", { name: "Cancel" }).click();
  });

  it("lets people dismiss an ephemeral message", async () => {
    const { page } = browser;
    const help = await sendForReply(page, "/objectives help");
    await screenshot(page, "32b-ephemeral-dismiss");
    await help.getByRole("button", { name: "Dismiss message" }).click();
    await help.waitFor({ state: "detached" });
  });

  it("adds the bot to a channel with /invite, after which a mention there is answered; each day is headed by its date", async () => {
    const { page } = browser;
    await openConversation(page, "random");
    await send(page, "@localism-bot what is assumed liberty?");
    await page.locator(".notice-error", { hasText: "isn't in #random" }).waitFor();
    await send(page, "/invite @localism-bot");
    await page.locator(".msg-system", { hasText: "was added to #random by @Tom Okafor" }).waitFor();
    await send(page, "@localism-bot what is assumed liberty?");
    await page
      .locator("article.msg", { hasText: "what is assumed liberty?" })
      .last()
      .locator(".thread-count")
      .waitFor();
    // Just after midnight the seeded message of 45 minutes ago is yesterday's, with a divider of its own.
    expect((await page.locator(".day-divider").allInnerTexts()).join(",")).toMatch(
      /^(Yesterday|\w+day \d+ \w+)(,Yesterday)?,Today$/,
    );
    await screenshot(page, "33-invite-and-dates");
    expect(browser.pageErrors).toEqual([]);
  });
});
