import { Bits, Blocks, Elements, Md, Modal } from "slack-block-builder";
import { escapeMrkdwn } from "../../../../slack/format";
import { CONCERN_INPUTS, VIEWS } from "../../../../slack/ids";
import {
  BODIES_INVOLVED,
  BODY_LABELS,
  IDENTITY_MODE_LABELS,
  IDENTITY_MODES,
  IMPACT_LABELS,
  IMPACTS,
  OBJECTIVE_CHOICES,
  OBJECTIVE_LABELS,
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
}

export interface FormSource {
  text: string;
  author: string | null;
  permalink: string | null;
  /** Already logged: submitting adds the reporter as a supporter. */
  existing?: { reference: string; raisedBy: string } | null;
}

export interface ConcernForm {
  metadata: string;
  source?: FormSource | null;
  signposts?: Signpost[];
  values?: FormValues;
}

const IDENTITY_DESCRIPTIONS = {
  named: "Leads and the triage channel see your name.",
  confidential: "Only concern leads see who you are.",
  anonymous: "Who you are is never stored. You get a receipt code to follow it.",
} as const;

const OBJECTIVE_OPTION_LABELS: Record<(typeof OBJECTIVE_CHOICES)[number], string> = {
  "1": OBJECTIVE_LABELS[1],
  "2": OBJECTIVE_LABELS[2],
  "3": OBJECTIVE_LABELS[3],
  "4": OBJECTIVE_LABELS[4],
  not_sure: OBJECTIVE_LABELS.not_sure,
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

function sourceBlocks(source: FormSource) {
  const link = source.permalink ? ` · <${source.permalink}|original message>` : "";
  return [
    Blocks.Section({
      text: `${Md.bold("The message")} from ${authorText(source.author)}${link}\n${quoted(excerpt(source.text, 2500))}`,
    }),
    source.existing
      ? Blocks.Section({
          text: `:information_source: This message is already logged as ${Md.bold(source.existing.reference)} (${source.existing.raisedBy}). If you submit, you are added to it as someone else who raised it, rather than starting a new concern.`,
        })
      : undefined,
  ];
}

function signpostBlocks(signposts: Signpost[]) {
  return signposts.map((signpost) =>
    Blocks.Section({ text: `:warning: ${Md.bold(escapeMrkdwn(signpost.heading))}\n${escapeMrkdwn(signpost.message)}` }),
  );
}

/** The "Log autonomy concern" modal, with what was entered so far when it is shown again. */
export function concernFormModal(form: ConcernForm): ModalView {
  const values = form.values ?? {};
  const objective = choices(OBJECTIVE_CHOICES, (choice) => OBJECTIVE_OPTION_LABELS[choice], values.objective);
  const body = choices(BODIES_INVOLVED, (choice) => BODY_LABELS[choice], values.body);
  const impact = choices(IMPACTS, (choice) => IMPACT_LABELS[choice], values.impact);
  const identity = choices(
    IDENTITY_MODES,
    (mode) => IDENTITY_MODE_LABELS[mode],
    values.identityMode,
    (mode) => IDENTITY_DESCRIPTIONS[mode],
  );
  const linkOption = option(
    "Include a link to the original message",
    "include",
    "Its channel and its author may identify you.",
  );
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
    ...(form.source ? sourceBlocks(form.source) : []),
    ...signpostBlocks(form.signposts ?? []),
    Blocks.Input({ label: "What happened?", blockId: CONCERN_INPUTS.whatHappened.block }).element(
      Elements.TextInput({
        actionId: CONCERN_INPUTS.whatHappened.action,
        multiline: true,
        maxLength: WHAT_HAPPENED_MAX_CHARS,
        initialValue: values.whatHappened || undefined,
      }),
    ),
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
    Blocks.Input({ label: "How do you want to be identified?", blockId: CONCERN_INPUTS.identityMode.block }).element(
      Elements.RadioButtons({ actionId: CONCERN_INPUTS.identityMode.action })
        .options(identity.options)
        .initialOption(identity.initial),
    ),
    form.source
      ? Blocks.Input({
          label: "The original message",
          blockId: CONCERN_INPUTS.includeLink.block,
          hint: "For confidential and anonymous concerns, the link is kept only if you tick this. Named concerns always keep it.",
        })
          .optional(true)
          .element(
            Elements.Checkboxes({ actionId: CONCERN_INPUTS.includeLink.action })
              .options(linkOption)
              .initialOptions(values.includeLink ? linkOption : undefined),
          )
      : undefined,
    Blocks.Context().elements(
      "Named concerns keep the link to the message. Its text is kept with every concern. Concern leads are told at once; you can follow it with `/concerns`.",
    ),
  );
  return modal.buildToObject() as ModalView;
}
