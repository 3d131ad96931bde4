import { describe, expect, it } from "vitest";
import type { IngestedDocument } from "../../../../../src/features/minutes/ingest/document-ingester";
import type { AddSourceResult } from "../../../../../src/features/minutes/services/sources-service";
import { sourceAddedMessage, sourcesListMessage } from "../../../../../src/features/minutes/slack/views/digest-sources";
import type { SourceWithCount } from "../../../../../src/features/minutes/storage/sources";

const now = new Date("2026-03-18T10:00:00Z");
const source: SourceWithCount = {
  id: 3,
  url: "https://www.gov.uk/government/organisations/department-of-health-and-social-care.atom",
  kind: "feed",
  title: "Department of Health and Social Care - Activity on GOV.UK",
  addedBy: "U0ADMIN01",
  addedAt: now,
  etag: null,
  lastModified: null,
  lastFetchedAt: now,
  lastSuccessAt: now,
  nextFetchAt: new Date("2026-03-18T11:00:00Z"),
  failures: 0,
  lastError: null,
  pausedAt: null,
  pausedReason: null,
  documents: 2,
};
const document = (title: string, minutes: boolean): IngestedDocument => ({
  outcome: "new",
  documentId: 1,
  version: 1,
  url: "https://www.gov.uk/government/publications/x",
  attachment: null,
  title,
  meetingDate: null,
  items: 3,
  itemsFound: 3,
  limitNotes: [],
  minutes,
  notMinutesReason: minutes ? null : "a news story, not a record of a meeting",
});
const added = (kind: "feed" | "document", documents: IngestedDocument[]): AddSourceResult => ({
  outcome: "added",
  source,
  report: { sourceId: 3, kind, notModified: false, documents, errors: [], retryable: true, paused: null },
});
const text = (message: unknown) => JSON.stringify(message);

describe("the replies about sources", () => {
  it("counts only minutes as stored for digests, and says when what was read is not minutes", () => {
    expect(
      text(sourceAddedMessage(added("feed", [document("Board minutes", true), document("News", false)]))),
    ).toContain(
      "It is a feed: 1 new or changed minutes document stored. 1 other document read is not minutes and won't appear in digests.",
    );
    expect(text(sourceAddedMessage(added("document", [document("Minister opens centre", false)])))).toContain(
      'Read \\"Minister opens centre\\", which is not minutes (a news story, not a record of a meeting), so it won\'t appear in digests.',
    );
  });

  it("marks the sources this channel muted", () => {
    const shown = text(sourcesListMessage([source, { ...source, id: 4 }], [4]));
    expect(shown).toContain("*4.* Department of Health and Social Care");
    expect(shown.match(/muted in this channel/g)).toHaveLength(1);
    expect(shown).toContain(":mute: muted in this channel (`/digest source unmute 4`)");
  });
});
