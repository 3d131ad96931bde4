import { Bits, Blocks, Elements, Md, Modal } from "slack-block-builder";
import { escapeMrkdwn } from "../../../../slack/format";
import { BLOCKS, CONCERN_INPUTS, VIEWS } from "../../../../slack/ids";
import {
  asksAboutQuote,
  BODIES_INVOLVED,
  BODY_LABELS,
  defaultQuoteAnswer,
  IDENTITY_MODE_LABELS,
  IDENTITY_MODES,
  type IdentityMode,
  IMPACT_LABELS,
  IMPACTS,
  type Involvement,
  OBJECTIVE_CHOICES,
  OBJECTIVE_LABELS,
  type QuoteAnswer,
  type Signpost,
  WHAT_HAPPENED_MAX_CHARS,
} from "../../domain";
import { authorText, excerpt, quoted } from "./text";
import type { ModalView } from "./view";

export interface FormValues {
  whatHappened?: string;
  objective?: string;
  body?: string;
  impact?: string;
  identityMode?: string;
  includeLink?: boolean;
  quote?: string;
}

export interface FormSource {
  text: string;
  author: string | null;
  permalink: string | null;
  /** Already logged by someone else: submitting adds the reporter as a supporter. */
  existing?: { reference: string; raisedBy: string } | null;
  /** The reporter wrote the message, or took part in its thread. */
  involvement?: Involvement;
}

export interface ConcernForm {
  metadata: string;
  source?: FormSource | null;
  signposts?: Signpost[];
  values?: FormValues;
  /** Characters in "What happened?" as last typed: the live count. */
  typed?: number;
  /** A line at the top when the form comes back for a second look. */
  notice?: string | null;
}

const number = new Intl.NumberFormat("en-GB");
const MAX = number.format(WHAT_HAPPENED_MAX_CHARS);

const IDENTITY_DESCRIPTIONS = {
  named: "The leads and the triage channel see your name.",
  confidential: "Only the concern leads see who you are.",
  anonymous: "Who you are is never stored. You get a receipt code to follow it.",
} as const;

const OBJECTIVE_OPTION_LABELS: Record<(typeof OBJECTIVE_CHOICES)[number], string> = {
  "1": OBJECTIVE_LABELS[1],
  "2": OBJECTIVE_LABELS[2],
  "3": OBJECTIVE_LABELS[3],
  "4": OBJECTIVE_LABELS[4],
  not_sure: OBJECTIVE_LABELS.not_sure,
};

const QUOTE_OPTIONS: Record<QuoteAnswer, { text: string; description: string }> = {
  replace: { text: "Replace it with my own summary", description: "Nothing of the message is stored." },
  keep: { text: "Keep the quoted message", description: "The concern leads see its text." },
};

function option(text: string, value: string, description?: string) {
  return Bits.Option({ text, value, ...(description ? { description } : {}) });
}

/** The options of a select or radio group, and the one to show selected (if any). */
function choices<T extends string>(
  values: readonly T[],
  label: (value: T) => string,
  selected: string | undefined,
  describe?: (value: T) => string,
) {
  const options = values.map((value) => option(label(value), value, describe?.(value)));
  const index = selected === undefined ? -1 : (values as readonly string[]).indexOf(selected);
  return { options, initial: index >= 0 ? options[index] : undefined };
}

function identityMode(values: FormValues): IdentityMode | undefined {
  return IDENTITY_MODES.find((mode) => mode === values.identityMode);
}

/** "2,640 of 3,000 characters", and what happens at the limit, said plainly. */
export function countLine(typed: number | undefined): string {
  if (typed === undefined) return `Up to ${MAX} characters.`;
  const shown = `${number.format(typed)} of ${MAX} characters`;
  if (typed >= WHAT_HAPPENED_MAX_CHARS)
    return `:warning: ${shown}: the box is full. Slack takes no more, so if you pasted longer text, its end was cut off here. Please check how it ends.`;
  if (typed >= WHAT_HAPPENED_MAX_CHARS * 0.9)
    return `${shown}: nearly full. Slack takes no more than ${MAX}; anything pasted beyond that is cut off.`;
  return shown;
}

const WHAT_HAPPENED_HINT =
  `Your own words, up to ${MAX} characters. Slack will not take more: text pasted beyond ${MAX} characters is cut ` +
  "off, so please shorten it first.";

/** Who can see what and what is stored, for each choice. */
export function identityDetails(hasSource: boolean): string[] {
  const message = (clause: string) => (hasSource ? `; ${clause}` : "");
  return [
    `${Md.bold("Named")}: the concern leads and everyone in the triage channel see your name. Stored: your Slack user id and name and what you write${message("the message's text, link, channel and author")}.`,
    `${Md.bold("Confidential")}: only the concern leads see your name; the triage channel sees "confidential". Stored: your Slack user id and name and what you write${message("the message's text only if you keep the quote, and its link, channel and author only if you tick the box")}.`,
    `${Md.bold("Anonymous")}: nobody sees who you are, not even the concern leads. Stored: what you write and a keyed hash of your receipt code; nothing about you (no user id, name or IP address)${message("the message's text only if you keep the quote, and its link only if you tick the box")}.`,
  ];
}

function involvementWords(involvement: Involvement): string {
  return involvement === "thread" ? "You took part in this message's thread." : "You wrote this message.";
}

function sourceBlocks(source: FormSource, mode: IdentityMode | undefined) {
  const link = source.permalink ? ` · <${source.permalink}|original message>` : "";
  const long = source.text.length > WHAT_HAPPENED_MAX_CHARS;
  return [
    Blocks.Section({
      text: `${Md.bold("The message")} from ${authorText(source.author)}${link}\n${quoted(excerpt(source.text, 2500))}`,
    }),
    long
      ? Blocks.Context().elements(
          `This message is ${number.format(source.text.length)} characters long. It is kept in full separately (unless you replace it with your own summary), so the box below is only for your own words.`,
        )
      : undefined,
    source.existing
      ? Blocks.Section({
          text: `:information_source: This message is already logged as ${Md.bold(source.existing.reference)} (${source.existing.raisedBy}). If you submit, you are added to it as someone else who raised it, rather than starting a new concern.`,
        })
      : undefined,
    source.involvement && !asksAboutQuote(mode, true)
      ? Blocks.Context().elements(
          `${involvementWords(source.involvement)} If you choose confidential or anonymous, the form will offer to leave its text out.`,
        )
      : undefined,
  ];
}

function quoteBlocks(source: FormSource, values: FormValues) {
  const involvement = source.involvement ?? null;
  const answer = values.quote === "keep" || values.quote === "replace" ? values.quote : defaultQuoteAnswer(involvement);
  const quote = choices(
    ["replace", "keep"] as const,
    (value) => QUOTE_OPTIONS[value].text,
    answer,
    (value) => QUOTE_OPTIONS[value].description,
  );
  const explanation = involvement
    ? `:warning: ${Md.bold(involvementWords(involvement))} Its text can be searched for in Slack, and the search shows ${involvement === "thread" ? "the thread and the people in it, you among them" : "who wrote it: you"}. If the concern leads saw the quote, they could tell who raised this concern. Unless you choose to keep it, your own words in "What happened?" replace the quote, and nothing of the message is stored: not its text, link, channel or author.`
    : "You did not write this message. Keeping the quote shows the concern leads which message you mean; anyone who can see its channel could have logged it.";
  return [
    Blocks.Section({ text: explanation }),
    Blocks.Input({ label: "The quoted message", blockId: CONCERN_INPUTS.quote.block }).element(
      Elements.RadioButtons({ actionId: CONCERN_INPUTS.quote.action })
        .options(quote.options)
        .initialOption(quote.initial),
    ),
  ];
}

function linkBlock(source: FormSource, mode: IdentityMode | undefined, values: FormValues) {
  if (mode === "named") return undefined;
  if (mode === "anonymous" && source.involvement)
    return Blocks.Context().elements(
      "The link to the message is never kept for an anonymous concern about your own message or thread: it would lead to you.",
    );
  const linkOption = option(
    "Include a link to the original message",
    "include",
    "Its channel and its author may identify you.",
  );
  return Blocks.Input({
    label: "The original message",
    blockId: CONCERN_INPUTS.includeLink.block,
    hint: "For confidential and anonymous concerns, the link is kept only if you tick this and keep the quote. Named concerns always keep it.",
  })
    .optional(true)
    .element(
      Elements.Checkboxes({ actionId: CONCERN_INPUTS.includeLink.action })
        .options(linkOption)
        .initialOptions(values.includeLink ? linkOption : undefined),
    );
}

function signpostBlocks(signposts: Signpost[]) {
  return signposts.map((signpost) =>
    Blocks.Section({ text: `:warning: ${Md.bold(escapeMrkdwn(signpost.heading))}\n${escapeMrkdwn(signpost.message)}` }),
  );
}

/** The "Log autonomy concern" modal, with what was entered so far when it is shown again. */
export function concernFormModal(form: ConcernForm): ModalView {
  const values = form.values ?? {};
  const source = form.source ?? null;
  const mode = identityMode(values);
  const objective = choices(OBJECTIVE_CHOICES, (choice) => OBJECTIVE_OPTION_LABELS[choice], values.objective);
  const body = choices(BODIES_INVOLVED, (choice) => BODY_LABELS[choice], values.body);
  const impact = choices(IMPACTS, (choice) => IMPACT_LABELS[choice], values.impact);
  const identity = choices(
    IDENTITY_MODES,
    (choice) => IDENTITY_MODE_LABELS[choice],
    values.identityMode,
    (choice) => IDENTITY_DESCRIPTIONS[choice],
  );
  const typed = form.typed ?? (values.whatHappened ? values.whatHappened.length : undefined);
  const modal = Modal({
    title: "Log a concern",
    submit: "Submit",
    close: "Cancel",
    callbackId: VIEWS.concernForm,
    privateMetaData: form.metadata,
  }).blocks(
    Blocks.Context().elements(
      "For decisions that belong to your CCG being taken elsewhere: by the Board, a clinical senate, a network or a regional team.",
    ),
    ...(source ? sourceBlocks(source, mode) : []),
    ...signpostBlocks(form.signposts ?? []),
    form.notice ? Blocks.Section({ text: form.notice }) : undefined,
    Blocks.Input({ label: "What happened?", blockId: CONCERN_INPUTS.whatHappened.block, hint: WHAT_HAPPENED_HINT })
      .dispatchAction(true)
      .element(
        Elements.TextInput({
          actionId: CONCERN_INPUTS.whatHappened.action,
          multiline: true,
          maxLength: WHAT_HAPPENED_MAX_CHARS,
          initialValue: values.whatHappened || undefined,
        }).dispatchActionOnCharacterEntered(true),
      ),
    Blocks.Context({ blockId: BLOCKS.concernCount }).elements(countLine(typed)),
    Blocks.Input({ label: "Which objective does it touch?", blockId: CONCERN_INPUTS.objective.block }).element(
      Elements.StaticSelect({ actionId: CONCERN_INPUTS.objective.action, placeholder: "Choose one, or Not sure" })
        .options(objective.options)
        .initialOption(objective.initial),
    ),
    Blocks.Input({ label: "Which body was involved?", blockId: CONCERN_INPUTS.body.block }).element(
      Elements.StaticSelect({ actionId: CONCERN_INPUTS.body.action, placeholder: "Choose one" })
        .options(body.options)
        .initialOption(body.initial),
    ),
    Blocks.Input({ label: "Impact", blockId: CONCERN_INPUTS.impact.block }).element(
      Elements.RadioButtons({ actionId: CONCERN_INPUTS.impact.action })
        .options(impact.options)
        .initialOption(impact.initial),
    ),
    Blocks.Input({ label: "How do you want to be identified?", blockId: CONCERN_INPUTS.identityMode.block })
      .dispatchAction(true)
      .element(
        Elements.RadioButtons({ actionId: CONCERN_INPUTS.identityMode.action })
          .options(identity.options)
          .initialOption(identity.initial),
      ),
    Blocks.Context().elements(...identityDetails(source !== null)),
    ...(source && asksAboutQuote(mode, true) ? quoteBlocks(source, values) : []),
    source ? linkBlock(source, mode, values) : undefined,
    Blocks.Context().elements(
      "The concern leads are told at once; you can follow your concern with `/concerns` (anonymous ones with the receipt code).",
    ),
  );
  return modal.buildToObject() as ModalView;
}
