import type { Block } from "@localism/slack-standin";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { renderBlocks, type SurfaceState } from "../../../src/sandbox/render/blocks";
import type { RenderContext } from "../../../src/sandbox/render/elements";

const ctx: RenderContext = {
  directory: { userName: (id) => (id === "U0HELENWD" ? "Helen Ward" : undefined), channelName: () => undefined },
  people: [{ id: "U0HELENWD", name: "Helen Ward" }],
  channels: [{ id: "C0COMMTEAM", name: "commissioning-team" }],
};
const plain = (text: string) => ({ type: "plain_text", text });
const md = (text: string) => ({ type: "mrkdwn", text });
const option = (text: string, value: string) => ({ text: plain(text), value });

function dom(blocks: Block[], surface?: SurfaceState) {
  const { document } = parseHTML(`<div id="root">${renderBlocks(blocks, ctx, surface).value}</div>`);
  const find = (selector: string) => document.querySelector(selector);
  return { document, find, all: (selector: string) => Array.from(document.querySelectorAll(selector)) };
}

describe("Block Kit to HTML", () => {
  it("renders a section's text, fields and accessory button with the ids a block action needs", () => {
    const { find, all } = dom([
      {
        type: "section",
        block_id: "concern_card",
        text: md("*CON-0042* raised by <@U0HELENWD>"),
        fields: [md("*Status*\nNew"), md("*Objective*\n1")],
        accessory: {
          type: "button",
          action_id: "concern_ack",
          text: plain("Acknowledge"),
          style: "primary",
          value: "CON-0042",
        },
      },
    ]);
    expect(find(".bk-section strong")?.textContent).toBe("CON-0042");
    expect(find(".mention")?.textContent).toBe("@Helen Ward");
    expect(all(".bk-field").map((f) => f.textContent)).toEqual(["StatusNew", "Objective1"]);
    const button = find("button.bk-btn.primary");
    expect(button?.textContent).toBe("Acknowledge");
    expect(button?.getAttribute("data-block-id")).toBe("concern_card");
    expect(button?.getAttribute("data-action-id")).toBe("concern_ack");
    expect(button?.hasAttribute("data-dispatch")).toBe(true);
  });

  it("renders header, context (text and image), divider and image blocks; unsafe image addresses are dropped", () => {
    const { find, all } = dom([
      { type: "header", text: plain("Digest: week of 4 February 2013") },
      {
        type: "context",
        elements: [
          { type: "image", image_url: "https://www.gov.uk/logo.png", alt_text: "GOV.UK" },
          md("From documents of 2012-13"),
        ],
      },
      { type: "divider" },
      { type: "image", image_url: "javascript:alert(1)", alt_text: "bad" },
      {
        type: "image",
        image_url: "https://www.england.nhs.uk/chart.png",
        alt_text: "Concerns by objective",
        title: plain("Chart"),
      },
    ]);
    expect(find("h3.bk-header")?.textContent).toBe("Digest: week of 4 February 2013");
    expect(find(".bk-context img")?.getAttribute("alt")).toBe("GOV.UK");
    expect(find(".bk-context")?.textContent).toContain("From documents of 2012-13");
    expect(all("hr.bk-divider")).toHaveLength(1);
    expect(all("img").map((i) => i.getAttribute("src"))).toEqual([
      "https://www.gov.uk/logo.png",
      "https://www.england.nhs.uk/chart.png",
    ]);
    expect(find("figcaption")?.textContent).toBe("Chart");
  });

  it("renders actions: buttons (with confirm dialogs and links), static selects with groups, overflow menus", () => {
    const { find, all } = dom([
      {
        type: "actions",
        block_id: "triage",
        elements: [
          {
            type: "button",
            action_id: "resolve",
            text: plain("Resolve"),
            style: "danger",
            confirm: {
              title: plain("Resolve CON-0042?"),
              text: md("The reporter is told."),
              confirm: plain("Resolve"),
              deny: plain("Keep open"),
            },
          },
          { type: "button", action_id: "open_doc", text: plain("Open minutes"), url: "https://www.gov.uk/minutes" },
          {
            type: "static_select",
            action_id: "objective",
            placeholder: plain("Objective"),
            option_groups: [
              {
                label: plain("Objectives"),
                options: [option("1. Transferring power", "1"), option("2. Landscape", "2")],
              },
            ],
          },
          { type: "overflow", action_id: "more", options: [option("Add note", "note"), option("Reopen", "reopen")] },
        ],
      },
    ]);
    const resolve = find("button.bk-btn.danger");
    expect(resolve?.getAttribute("data-confirm-title")).toBe("Resolve CON-0042?");
    expect(resolve?.getAttribute("data-confirm-text")).toBe("The reporter is told.");
    expect(resolve?.getAttribute("data-confirm-no")).toBe("Keep open");
    expect(find("button[data-url]")?.getAttribute("data-url")).toBe("https://www.gov.uk/minutes");
    expect(find("select.bk-select optgroup")?.getAttribute("label")).toBe("Objectives");
    expect(all("select.bk-select option").map((o) => o.textContent)).toEqual([
      "Objective",
      "1. Transferring power",
      "2. Landscape",
    ]);
    expect(find("select.bk-overflow")?.getAttribute("data-kind")).toBe("overflow");
  });

  it("renders a modal's inputs as a form: labels, required or optional, multiline text, radio buttons, checkboxes and errors", () => {
    const blocks: Block[] = [
      {
        type: "input",
        block_id: "what",
        label: plain("What happened"),
        element: {
          type: "plain_text_input",
          action_id: "text",
          multiline: true,
          max_length: 3000,
          placeholder: plain("Describe the decision"),
        },
        hint: plain("Facts, not names"),
      },
      {
        type: "input",
        block_id: "impact",
        label: plain("Impact"),
        element: {
          type: "radio_buttons",
          action_id: "choice",
          options: [option("Low", "low"), option("High", "high")],
          initial_option: option("Low", "low"),
        },
      },
      {
        type: "input",
        block_id: "link",
        optional: true,
        label: plain("Source message"),
        element: {
          type: "checkboxes",
          action_id: "include",
          options: [
            {
              ...option("Include a link to the original message", "yes"),
              description: plain("The channel may identify you"),
            },
          ],
        },
      },
      {
        type: "input",
        block_id: "when",
        optional: true,
        label: plain("When"),
        element: { type: "datepicker", action_id: "date", initial_date: "2013-01-24" },
      },
    ];
    const { find, all } = dom(blocks, {
      errors: { what: "Please say what happened." },
      values: { impact: { choice: { type: "radio_buttons", selected_option: option("High", "high") } } },
    });
    const textarea = find("textarea.bk-text");
    expect(textarea?.hasAttribute("required")).toBe(true);
    expect(textarea?.getAttribute("maxlength")).toBe("3000");
    expect(find(`label[for="${textarea?.getAttribute("id") ?? "?"}"]`)?.textContent).toBe("What happened");
    expect(find(".bk-hint")?.textContent).toBe("Facts, not names");
    expect(find(".bk-input.has-error .bk-error")?.textContent).toBe("Please say what happened.");
    expect(all("input[type=radio]").map((r) => [r.getAttribute("value"), r.hasAttribute("checked")])).toEqual([
      ["low", false],
      ["high", true],
    ]);
    expect(find("[data-kind=checkboxes] .bk-choice-description")?.textContent).toBe("The channel may identify you");
    expect(all(".bk-optional")).toHaveLength(2);
    expect(find("input[type=date]")?.getAttribute("value")).toBe("2013-01-24");
    expect(all("[data-dispatch]")).toHaveLength(0);
  });

  it("offers people and channels in user and conversation selects, and names block types it cannot show", () => {
    const { find, all } = dom([
      {
        type: "section",
        block_id: "assign",
        text: md("Assign to"),
        accessory: { type: "users_select", action_id: "who", initial_user: "U0HELENWD" },
      },
      { type: "call", call_id: "R1" },
    ]);
    expect(all("select option").map((o) => [o.textContent, o.hasAttribute("selected")])).toEqual([
      ["Select an option", false],
      ["Helen Ward", true],
    ]);
    expect(find(".bk-unsupported")?.textContent).toBe("This call block is not shown in the sandbox.");
  });

  it("renders rich text as Slack's composer sends it", () => {
    const { find } = dom([
      {
        type: "rich_text",
        elements: [
          {
            type: "rich_text_section",
            elements: [
              { type: "text", text: "Board says ", style: { bold: true } },
              { type: "user", user_id: "U0HELENWD" },
              { type: "link", url: "javascript:x", text: "bad" },
            ],
          },
          {
            type: "rich_text_list",
            style: "ordered",
            elements: [{ type: "rich_text_section", elements: [{ type: "text", text: "first" }] }],
          },
        ],
      },
    ]);
    expect(find(".bk-rich strong")?.textContent).toBe("Board says ");
    expect(find(".bk-rich .mention")?.textContent).toBe("@Helen Ward");
    expect(find(".bk-rich a")).toBeNull();
    expect(find(".bk-rich ol li")?.textContent).toBe("first");
  });
});

describe("feedback buttons", () => {
  it("draws Slack's thumbs up and down, pressed as the viewer left them", () => {
    const blocks = [
      {
        type: "context_actions",
        block_id: "fb",
        elements: [
          {
            type: "feedback_buttons",
            action_id: "rate",
            positive_button: { text: { type: "plain_text", text: "Helpful" }, value: "yes" },
            negative_button: {
              text: { type: "plain_text", text: "Not helpful" },
              value: "no",
              accessibility_label: "Not useful",
            },
          },
        ],
      },
    ];
    const markup = renderBlocks(blocks, ctx, { feedback: { rate: "negative" } }).value;
    expect(markup).toContain(
      'data-kind="feedback" data-block-id="fb" data-action-id="rate" data-value="positive" aria-pressed="false" aria-label="Helpful"',
    );
    expect(markup).toContain('data-value="negative" aria-pressed="true" aria-label="Not useful"');
    expect(markup).not.toContain("not shown in the sandbox");
  });
});
