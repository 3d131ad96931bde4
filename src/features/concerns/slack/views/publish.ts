import type { KnownBlock } from "@slack/types";
import { Bits, Blocks, Elements, Modal } from "slack-block-builder";
import { BLOCKS, CONCERN_INPUTS, VIEWS } from "../../../../slack/ids";
import type { SlackMessage } from "../../../../slack/message";
import type { PublishItem } from "../../domain";
import { blocksOf, typedSection } from "./text";
import type { ModalView } from "./view";

const INTRO =
  "What staff raised as CCG autonomy concerns, and what changed as a result. Written by the concern leads; nothing here says who raised them.";

/** The round-up as posted to staff: only what the leads wrote for publication, no references, dates or names. */
export function roundUpMessage(items: readonly PublishItem[]): SlackMessage {
  const blocks: KnownBlock[] = [
    ...blocksOf(Blocks.Header({ text: "You said, we did" }), Blocks.Context().elements(INTRO)),
    ...items.map((item) => typedSection(`• ${item.text}`, 2900)),
    ...blocksOf(
      Blocks.Context().elements(
        "To raise a concern: *Log autonomy concern* on any message (⋮ More actions), or `/concerns new`.",
      ),
    ),
  ];
  const count = items.length;
  return { text: `You said, we did: ${count} change${count === 1 ? "" : "s"} after staff concerns`, blocks };
}

function label(item: PublishItem): string {
  const text = item.text.replace(/\s+/g, " ").trim();
  return text.length > 72 ? `${text.slice(0, 71)}…` : text;
}

export interface PublishForm {
  items: readonly PublishItem[];
  /** The concern ids ticked (all, at first). */
  chosen: readonly string[];
  /** The channel /concerns publish was used in, offered first. */
  channel: string | null;
  metadata: string;
}

/**
 * "You said, we did": which items to include, where to post, and a preview of exactly what will be
 * posted (it follows the ticks as they change).
 */
export function publishModal(form: PublishForm): ModalView {
  const modal = Modal({
    title: "You said, we did",
    close: "Cancel",
    callbackId: VIEWS.concernPublish,
    privateMetaData: form.metadata,
  });
  if (form.items.length === 0)
    return modal
      .blocks(
        Blocks.Section({
          text: "There is nothing to publish: no resolved concern has words for publication that are not published yet. Leads write them when resolving a concern (For publication).",
        }),
      )
      .buildToObject() as ModalView;
  const options = form.items.map((item) => Bits.Option({ text: label(item), value: item.concernId }));
  const chosen = form.items.filter((item) => form.chosen.includes(item.concernId));
  const preview = roundUpMessage(chosen);
  const built = modal
    .submit("Publish")
    .blocks(
      Blocks.Context().elements(
        "Only the words leads wrote for publication when resolving are used. Please check that nothing in them could tell who raised a concern, especially when there are only a few.",
      ),
      Blocks.Input({ label: "Include", blockId: CONCERN_INPUTS.publishItems.block })
        .dispatchAction(true)
        .element(
          Elements.Checkboxes({ actionId: CONCERN_INPUTS.publishItems.action })
            .options(options)
            .initialOptions(options.filter((_, i) => form.chosen.includes(form.items[i]?.concernId ?? ""))),
        ),
      Blocks.Input({
        label: "Post to",
        blockId: CONCERN_INPUTS.publishChannel.block,
        hint: "A channel staff read, with the bot in it (/invite @localism-bot). Not the triage channel.",
      }).element(
        Elements.ConversationSelect({
          actionId: CONCERN_INPUTS.publishChannel.action,
          placeholder: "Choose a channel",
        }).initialConversation(form.channel ?? undefined),
      ),
      Blocks.Divider(),
      Blocks.Section({ blockId: BLOCKS.concernPublishPreview, text: "*Preview*: exactly what will be posted" }),
    )
    .buildToObject() as ModalView;
  const previewBlocks = chosen.length > 0 ? preview.blocks : blocksOf(Blocks.Section({ text: "_Nothing ticked._" }));
  return { ...built, blocks: [...built.blocks, ...previewBlocks] } as ModalView;
}

/** The modal once published, or when there is nothing a lead may publish. */
export function publishNoticeModal(text: string): ModalView {
  return Modal({ title: "You said, we did", close: "Done", callbackId: VIEWS.concernDone })
    .blocks(Blocks.Section({ text }))
    .buildToObject() as ModalView;
}
