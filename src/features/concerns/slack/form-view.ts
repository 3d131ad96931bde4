import { type Signpost, signpostFor } from "../domain";
import type { ConcernsSlackDeps } from "./deps";
import { encodeFormMetadata, type FormMetadata } from "./metadata";
import { concernFormModal, type FormValues } from "./views/form";
import type { ModalView } from "./views/view";

export interface FormDrawing {
  /** Characters typed in "What happened?" (the live count). */
  typed?: number;
  notice?: string | null;
  signposts?: Signpost[];
}

/**
 * The concern form drawn again from what its modal carries (the metadata, the quoted message's
 * draft) and what has been entered: after a choice, as the person types, or for a second look.
 */
export async function drawForm(
  deps: Pick<ConcernsSlackDeps, "concernDrafts">,
  workspaceId: string,
  metadata: FormMetadata,
  values: FormValues,
  drawing: FormDrawing = {},
): Promise<ModalView> {
  const sourceText = metadata.draft ? await deps.concernDrafts.text(workspaceId, metadata.draft) : null;
  const source =
    sourceText === null
      ? null
      : {
          text: sourceText,
          author: metadata.author,
          permalink: metadata.permalink,
          existing: metadata.existing,
          involvement: metadata.involvement,
        };
  const signposts =
    drawing.signposts ??
    signpostFor(`${values.whatHappened ?? ""}\n${sourceText ?? ""}`).filter((signpost) =>
      metadata.shown.includes(signpost.kind),
    );
  return concernFormModal({
    metadata: encodeFormMetadata(metadata),
    source,
    signposts,
    values,
    ...(drawing.typed === undefined ? {} : { typed: drawing.typed }),
    notice: drawing.notice ?? null,
  });
}
