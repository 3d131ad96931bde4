import type { Block } from "@localism/slack-standin";
import { EMPTY, type SafeHtml } from "./html";
import { type Directory, mrkdwn, plainText } from "./mrkdwn";

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function records(value: unknown): Block[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

export function str(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** A Block Kit text object ({ type: "plain_text" | "mrkdwn", text }) as safe HTML. */
export function textObject(value: unknown, directory: Directory): SafeHtml {
  if (!isRecord(value)) return EMPTY;
  const text = str(value.text);
  return value.type === "mrkdwn" ? mrkdwn(text, directory) : plainText(text, value.emoji !== false);
}

/** The words of a text object, for attributes and confirm dialogs. */
export function textOf(value: unknown): string {
  return isRecord(value) ? str(value.text) : "";
}
