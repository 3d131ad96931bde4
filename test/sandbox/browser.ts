import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core";

/** Debian's Chromium, which .ci/run installs when it is missing. */
export const CHROMIUM = "/usr/bin/chromium";
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
export const SCREENSHOTS = path.resolve(import.meta.dirname, "../../test-results/sandbox");

export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  /** Script errors and dialogs the page raised: a clean run has none it did not ask for. */
  pageErrors: string[];
  dialogs: string[];
  close(): Promise<void>;
}

/** Headless Chromium with a fresh profile, one page open on `url`. */
export async function openBrowser(url: string): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `The browser tests need Debian's Chromium at ${CHROMIUM}: apt-get install -y chromium (.ci/run does this)`,
    );
  const profile = mkdtempSync(path.join(tmpdir(), "localism-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 820 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  // Fail a step with the locator it waited for, well inside the test's own timeout.
  page.setDefaultTimeout(10_000);
  const pageErrors: string[] = [];
  const dialogs: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.accept();
  });
  await page.goto(url);
  await page.locator(".msg").first().waitFor();
  return {
    context,
    page,
    pageErrors,
    dialogs,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** Types in the composer and sends, as a person would; waits until the sandbox has taken it. */
export async function send(page: Page, text: string): Promise<void> {
  const input = page.locator("#composer-input");
  await input.fill(text);
  await input.press("Enter");
  await page.waitForFunction(() => !(document.querySelector("#composer-input") as HTMLInputElement | null)?.disabled);
}

/** Sends a slash command and waits for the bot's next "Only visible to you" reply, which it returns. */
export async function sendForReply(page: Page, text: string, timeout = 10_000): Promise<Locator> {
  const replies = page.locator("article.msg.ephemeral");
  const before = await replies.count();
  await send(page, text);
  await page.waitForFunction((count) => document.querySelectorAll("article.msg.ephemeral").length > count, before, {
    timeout,
  });
  return replies.nth(before);
}

export async function actAs(page: Page, personId: string): Promise<void> {
  await page.selectOption("#acting-as", personId);
  await page.waitForFunction((id) => location.hash.includes(`as=${id}`), personId);
}

export async function openConversation(page: Page, label: string): Promise<void> {
  await page.locator(".side-item", { hasText: label }).click();
  await page.locator(".side-item.active", { hasText: label }).waitFor();
}

/** The message whose text contains `text`, in the open conversation. */
export function message(page: Page, text: string | RegExp): Locator {
  return page.locator("article.msg", { hasText: text }).last();
}

/** "More actions" on a message, then one of the app's shortcuts in the menu. */
export async function openMoreActions(page: Page, target: Locator): Promise<Locator> {
  await target.hover();
  await target.locator(":scope > .msg-more").click();
  const menu = page.locator(".menu[aria-label='More actions']");
  await menu.waitFor();
  return menu;
}
