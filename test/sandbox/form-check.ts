/** A modal with one of each form element, opened by the browser test through the real bot. */
const plain = (text: string) => ({ type: "plain_text" as const, text });
const option = (text: string, value: string) => ({ text: plain(text), value });

export type SubmittedValues = Record<string, Record<string, { value?: string | null }>>;

export const formCheckModal = {
  type: "modal" as const,
  callback_id: "sandbox_check_form",
  title: plain("Form check"),
  submit: plain("Submit"),
  close: plain("Cancel"),
  blocks: [
    {
      type: "input",
      block_id: "what",
      label: plain("What happened"),
      element: { type: "plain_text_input", action_id: "text", multiline: true },
    },
    {
      type: "input",
      block_id: "objective",
      label: plain("Objective"),
      element: {
        type: "static_select",
        action_id: "choice",
        placeholder: plain("Choose one"),
        options: [option("1. Transferring power", "1"), option("Not sure", "not_sure")],
      },
    },
    {
      type: "input",
      block_id: "impact",
      label: plain("Impact"),
      element: { type: "radio_buttons", action_id: "choice", options: [option("Low", "low"), option("High", "high")] },
    },
    {
      type: "input",
      block_id: "link",
      optional: true,
      label: plain("The original message"),
      element: {
        type: "checkboxes",
        action_id: "choice",
        options: [option("Include a link to the original message", "include")],
      },
    },
    {
      type: "input",
      block_id: "note",
      optional: true,
      label: plain("Anything else"),
      element: { type: "plain_text_input", action_id: "text" },
    },
  ],
};
