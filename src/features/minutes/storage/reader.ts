import { z } from "zod";
import type { Db } from "../../../storage/database";
import type { TaggedMinutesItem } from "../domain/document";
import type { MinutesItemKind } from "../domain/parse";
import { AUTONOMY_TAG, objectiveOfTag } from "./tags";

/** One stored version of a minutes document, with its tagged items. */
export interface StoredMinutes {
  documentId: number;
  versionId: number;
  version: number;
  /** The link as published. */
  url: string;
  publisher: string;
  sourceId: number | null;
  title: string;
  meetingDate: string | null;
  attendees: string[];
  apologies: string[];
  storedAt: Date;
  firstSeenAt: Date;
  /** True when an earlier version of the document was stored before this one's window. */
  updated: boolean;
  /** False for a document that is not minutes (a news story, an announcement): never in a digest or search. */
  minutes: boolean;
  /** Why it is not minutes; null for minutes. */
  notMinutesReason: string | null;
  items: TaggedMinutesItem[];
}

const names = z.array(z.string()).catch([]);
const KINDS: readonly MinutesItemKind[] = ["discussion", "decision", "action"];

const versionInclude = {
  document: true,
  items: { orderBy: { position: "asc" as const }, include: { tags: true } },
};

type VersionRow = Awaited<ReturnType<Db["minutesVersion"]["findMany"]>>[number] & {
  document: { link: string; publisher: string; sourceId: number | null; firstSeenAt: Date };
  items: {
    text: string;
    kind: string;
    heading: string | null;
    owner: string | null;
    due: string | null;
    tags: { tag: string; score: number }[];
  }[];
};

/** Reads stored minutes for digests, search and `localism minutes`. */
export class MinutesReader {
  constructor(private readonly db: Db) {}

  /** The latest version of every document, newest meeting first. */
  async latestVersions(): Promise<StoredMinutes[]> {
    const documents = await this.db.minutesDocument.findMany({
      include: { versions: { orderBy: { number: "desc" }, take: 1, include: { items: versionInclude.items } } },
    });
    const rows = documents.flatMap((document) => document.versions.map((version) => ({ ...version, document })));
    return rows.map((row) => toStoredMinutes(row, row.number > 1)).sort(byMeetingDateDescending);
  }

  /** Documents with a version stored in [from, to): the latest such version of each, oldest stored first. */
  async storedBetween(from: Date, to: Date): Promise<StoredMinutes[]> {
    const rows = await this.db.minutesVersion.findMany({
      where: { storedAt: { gte: from, lt: to } },
      orderBy: [{ documentId: "asc" }, { number: "asc" }],
      include: versionInclude,
    });
    const byDocument = new Map<number, { first: number; latest: VersionRow }>();
    for (const row of rows) {
      const seen = byDocument.get(row.documentId);
      byDocument.set(row.documentId, { first: seen?.first ?? row.number, latest: row });
    }
    return [...byDocument.values()]
      .map(({ first, latest }) => toStoredMinutes(latest, first > 1))
      .sort((a, b) => a.storedAt.getTime() - b.storedAt.getTime() || a.documentId - b.documentId);
  }

  /** The minutes stored or changed most recently (latest version of each), newest first; documents that are not minutes are left out. */
  async recentlyStored(limit: number): Promise<StoredMinutes[]> {
    const rows = await this.db.minutesVersion.findMany({
      orderBy: [{ storedAt: "desc" }, { id: "desc" }],
      take: limit * 3,
      include: versionInclude,
    });
    const seen = new Set<number>();
    return rows
      .filter((row) => !seen.has(row.documentId) && seen.add(row.documentId))
      .filter((row) => row.isMinutes)
      .slice(0, limit)
      .map((row) => toStoredMinutes(row, row.number > 1));
  }

  /** The latest version of the most recent documents (up to `perSource`) of each source, minutes only. */
  async recentOfSources(sourceIds: number[], perSource: number): Promise<StoredMinutes[]> {
    const perSourceRows = await Promise.all(
      sourceIds.map((sourceId) =>
        this.db.minutesDocument.findMany({
          where: { sourceId },
          orderBy: { id: "desc" },
          take: perSource,
          include: { versions: { orderBy: { number: "desc" }, take: 1, include: { items: versionInclude.items } } },
        }),
      ),
    );
    return perSourceRows
      .flat()
      .flatMap((document) => document.versions.map((version) => ({ ...version, document })))
      .map((row) => toStoredMinutes(row, row.number > 1))
      .filter((minutes) => minutes.minutes);
  }

  async version(versionId: number): Promise<StoredMinutes | null> {
    const row = await this.db.minutesVersion.findUnique({ where: { id: versionId }, include: versionInclude });
    return row ? toStoredMinutes(row, row.number > 1) : null;
  }

  async countDocuments(): Promise<number> {
    return this.db.minutesDocument.count();
  }
}

function toStoredMinutes(row: VersionRow, updated: boolean): StoredMinutes {
  return {
    documentId: row.documentId,
    versionId: row.id,
    version: row.number,
    url: row.document.link,
    publisher: row.document.publisher,
    sourceId: row.document.sourceId,
    title: row.title,
    meetingDate: row.meetingDate,
    attendees: parseNames(row.attendees),
    apologies: parseNames(row.apologies),
    storedAt: row.storedAt,
    firstSeenAt: row.document.firstSeenAt,
    updated,
    minutes: row.isMinutes,
    notMinutesReason: row.isMinutes ? null : row.notMinutesReason,
    items: row.items.map(toItem),
  };
}

function toItem(item: VersionRow["items"][number]): TaggedMinutesItem {
  const tags = item.tags
    .flatMap((tag) => {
      const objective = objectiveOfTag(tag.tag);
      return objective === null ? [] : [{ objective, score: tag.score }];
    })
    .sort((a, b) => b.score - a.score || a.objective - b.objective);
  const autonomy = item.tags.find((tag) => tag.tag === AUTONOMY_TAG);
  return {
    text: item.text,
    kind: KINDS.find((kind) => kind === item.kind) ?? "discussion",
    heading: item.heading,
    owner: item.owner,
    due: item.due,
    objectives: tags.map((tag) => tag.objective),
    autonomy: autonomy !== undefined,
    autonomyScore: autonomy?.score ?? null,
    tags,
  };
}

function parseNames(json: string): string[] {
  try {
    return names.parse(JSON.parse(json));
  } catch {
    return [];
  }
}

function byMeetingDateDescending(a: StoredMinutes, b: StoredMinutes): number {
  const dateA = a.meetingDate ?? a.storedAt.toISOString().slice(0, 10);
  const dateB = b.meetingDate ?? b.storedAt.toISOString().slice(0, 10);
  return dateB.localeCompare(dateA) || b.documentId - a.documentId;
}
