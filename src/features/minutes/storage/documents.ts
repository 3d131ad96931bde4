import type { Db } from "../../../storage/database";
import { type DbTransaction, isUniqueViolation } from "../../../storage/db-errors";
import type { MinutesJson } from "../domain/document";
import { indexVersion } from "./search";
import { AUTONOMY_TAG, objectiveTag } from "./tags";

export interface KnownDocument {
  id: number;
  feedUpdatedAt: Date | null;
  etag: string | null;
  lastModified: string | null;
  latest: { number: number; contentHash: string } | null;
}

export interface VersionInput {
  /** dedupeKey(link) */
  key: string;
  link: string;
  sourceId: number | null;
  publisher: string;
  feedUpdatedAt: Date | null;
  etag: string | null;
  lastModified: string | null;
  contentHash: string;
  minutes: MinutesJson;
}

export type StoreOutcome = "new" | "updated" | "unchanged";

export interface StoredVersionRef {
  outcome: StoreOutcome;
  documentId: number;
  versionId: number;
  number: number;
}

/** Writes minutes documents: one row per URL, a new version only when the content hash changes. */
export class DocumentRepository {
  constructor(private readonly db: Db) {}

  async findByKey(key: string): Promise<KnownDocument | null> {
    const row = await this.db.minutesDocument.findUnique({
      where: { url: key },
      include: { versions: { orderBy: { number: "desc" }, take: 1, select: { number: true, contentHash: true } } },
    });
    if (!row) return null;
    return {
      id: row.id,
      feedUpdatedAt: row.feedUpdatedAt,
      etag: row.etag,
      lastModified: row.lastModified,
      latest: row.versions[0] ?? null,
    };
  }

  /** Notes that the document was seen again without change (new feed date or validators). */
  async touch(
    id: number,
    seen: { feedUpdatedAt?: Date | null; etag?: string | null; lastModified?: string | null },
  ): Promise<void> {
    await this.db.minutesDocument.updateMany({ where: { id }, data: seen });
  }

  /**
   * Stores the document's text as a new version unless the latest version has the same hash.
   * Two processes storing the same change at once: the unique (document, number) key lets one win.
   */
  async storeVersion(input: VersionInput, now: Date): Promise<StoredVersionRef> {
    const document = await this.findOrCreate(input, now);
    const latest = document.latest;
    const seen = { feedUpdatedAt: input.feedUpdatedAt, etag: input.etag, lastModified: input.lastModified };
    if (latest?.contentHash === input.contentHash) {
      await this.touch(document.id, seen);
      const version = await this.db.minutesVersion.findUniqueOrThrow({
        where: { documentId_number: { documentId: document.id, number: latest.number } },
      });
      return { outcome: "unchanged", documentId: document.id, versionId: version.id, number: latest.number };
    }
    const number = (latest?.number ?? 0) + 1;
    try {
      const versionId = await this.db.$transaction(async (tx) => {
        await tx.minutesDocument.updateMany({ where: { id: document.id }, data: { ...seen, searchVersion: number } });
        return writeVersion(tx, document.id, number, input, now);
      });
      return { outcome: number === 1 ? "new" : "updated", documentId: document.id, versionId, number };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const again = await this.findByKey(input.key);
      const version = await this.db.minutesVersion.findUniqueOrThrow({
        where: { documentId_number: { documentId: document.id, number: again?.latest?.number ?? number } },
      });
      return { outcome: "unchanged", documentId: document.id, versionId: version.id, number: version.number };
    }
  }

  private async findOrCreate(input: VersionInput, now: Date): Promise<KnownDocument> {
    const known = await this.findByKey(input.key);
    if (known) return known;
    try {
      const row = await this.db.minutesDocument.create({
        data: {
          url: input.key,
          link: input.link,
          sourceId: input.sourceId,
          publisher: input.publisher,
          firstSeenAt: now,
        },
      });
      return { id: row.id, feedUpdatedAt: null, etag: null, lastModified: null, latest: null };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const raced = await this.findByKey(input.key);
      if (!raced) throw error;
      return raced;
    }
  }
}

async function writeVersion(
  tx: DbTransaction,
  documentId: number,
  number: number,
  input: VersionInput,
  now: Date,
): Promise<number> {
  const { minutes } = input;
  const version = await tx.minutesVersion.create({
    data: {
      documentId,
      number,
      contentHash: input.contentHash,
      title: minutes.title,
      meetingDate: minutes.meetingDate,
      attendees: JSON.stringify(minutes.attendees),
      apologies: JSON.stringify(minutes.apologies),
      storedAt: now,
      isMinutes: minutes.minutes,
      notMinutesReason: minutes.minutes ? null : (minutes.notMinutesReason ?? "not minutes"),
    },
  });
  const items =
    minutes.items.length === 0
      ? []
      : await tx.minutesItem.createManyAndReturn({
          select: { id: true, position: true },
          data: minutes.items.map((item, position) => ({
            versionId: version.id,
            position,
            kind: item.kind,
            heading: item.heading,
            text: item.text,
            owner: item.owner,
            due: item.due,
          })),
        });
  const idByPosition = new Map(items.map((item) => [item.position, item.id]));
  const tags = minutes.items.flatMap((item, position) => {
    const itemId = idByPosition.get(position);
    if (itemId === undefined) return [];
    const objectiveTags = item.tags.map((tag) => ({ itemId, tag: objectiveTag(tag.objective), score: tag.score }));
    return item.autonomy
      ? [...objectiveTags, { itemId, tag: AUTONOMY_TAG, score: item.autonomyScore ?? 0.5 }]
      : objectiveTags;
  });
  if (tags.length > 0) await tx.minutesItemTag.createMany({ data: tags });
  await indexVersion(
    tx,
    {
      documentId,
      title: minutes.title,
      publisher: input.publisher,
      meetingDate: minutes.meetingDate,
      storedAt: now,
      url: input.link,
      minutes: minutes.minutes,
      items: minutes.items,
    },
    idByPosition,
  );
  return version.id;
}
