import type { FeedEntry } from "./feeds";

/** Feed entries that read as minutes of a meeting; press releases and guidance in the same feed are left out. */
export function isMinutesEntry(entry: Pick<FeedEntry, "title" | "summary" | "displayType">): boolean {
  const text = [entry.displayType, entry.title, entry.summary].filter(Boolean).join(" ");
  return /\bminutes?\b|\bmeeting\b|\baccountability\b|\bboard papers\b/i.test(text);
}

const PUBLISHERS_BY_HOST: [RegExp, string][] = [
  [/(^|\.)gov\.uk$/, "GOV.UK"],
  [/(^|\.)england\.nhs\.uk$/, "NHS England"],
  [/(^|\.)nhs\.uk$/, "NHS"],
];

/**
 * Who published a document: a GOV.UK organisation feed names it ("Department of Health and Social
 * Care - Activity on GOV.UK"); otherwise a known host ("NHS England"), or the host name itself.
 */
export function publisherOf(url: string, feedTitle?: string): string {
  const organisation = /^(.+?)\s+[-–]\s+Activity on GOV\.UK$/i.exec(feedTitle?.trim() ?? "")?.[1];
  if (organisation) return organisation;
  const host = hostOf(url);
  if (!host) return "Local file";
  return PUBLISHERS_BY_HOST.find(([pattern]) => pattern.test(host))?.[1] ?? host.replace(/^www\./, "");
}

function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "file:" ? null : parsed.hostname.toLowerCase();
  } catch {
    return null;
  }
}
