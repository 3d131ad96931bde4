import type { ModalView as SlackModalView } from "@slack/types";

/** A modal as views.open / views.update / response_action "update" take it. */
export type ModalView = SlackModalView;
