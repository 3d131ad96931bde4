import { Bits, Blocks, Elements, Md, Modal } from "slack-block-builder";
import { CONCERN_INPUTS, VIEWS } from "../../../../slack/ids";
import {
  AGAIN_ANSWERS,
  AGAIN_LABELS,
  AGAIN_QUESTION,
  CLEAR_ANSWERS,
  CLEAR_LABELS,
  CLEAR_QUESTION,
  type ConcernRecord,
} from "../../domain";
import { reference } from "./text";
import type { ModalView } from "./view";

/** Two questions, once, after a concern is resolved. */
export function checkinModal(concern: ConcernRecord, metadata: string): ModalView {
  const clear = CLEAR_ANSWERS.map((answer) => Bits.Option({ text: CLEAR_LABELS[answer], value: answer }));
  const again = AGAIN_ANSWERS.map((answer) => Bits.Option({ text: AGAIN_LABELS[answer], value: answer }));
  return Modal({
    title: "Two quick questions",
    submit: "Send",
    close: "Not now",
    callbackId: VIEWS.concernCheckin,
    privateMetaData: metadata,
  })
    .blocks(
      Blocks.Section({
        text: `${Md.bold(reference(concern))} has been resolved. Your answers are counted in the concern leads' quarterly report. They are stored without your name or the concern's reference, so they are never linked to you or to it, and you are asked only once.`,
      }),
      Blocks.Input({ label: CLEAR_QUESTION, blockId: CONCERN_INPUTS.checkinClear.block }).element(
        Elements.RadioButtons({ actionId: CONCERN_INPUTS.checkinClear.action }).options(clear),
      ),
      Blocks.Input({ label: AGAIN_QUESTION, blockId: CONCERN_INPUTS.checkinAgain.block }).element(
        Elements.RadioButtons({ actionId: CONCERN_INPUTS.checkinAgain.action }).options(again),
      ),
    )
    .buildToObject() as ModalView;
}

export function checkinDoneModal(): ModalView {
  return Modal({ title: "Thank you", close: "Done", callbackId: VIEWS.concernDone })
    .blocks(Blocks.Section({ text: "Thank you: your answers have been counted, without your name." }))
    .buildToObject() as ModalView;
}
