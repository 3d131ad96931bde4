import type { ActionLogColumns } from "./actions";
import { actionBody, actionLogColumns, dueLabelValue, isOwnerOnly, parseAction, trailingAction } from "./actions";
import { dropLeadIn, headingOf, isDecisionSentence, isNumberedHeading, stripMarker } from "./classify";
import { parseDueDate } from "./dates";
import { toLines } from "./lines";
import { findMeetingDate } from "./meeting-date";
import type { PeopleList } from "./people";
import { inlinePeople, isGroupLabel, nameFromLine, peopleHeading } from "./people";
import { documentTitle, preambleLength } from "./preamble";
import { splitSentences } from "./text";

export type MinutesItemKind = "discussion" | "decision" | "action";

export interface MinutesItem {
  text: string;
  kind: MinutesItemKind;
  heading?: string;
  owner: string | null;
  due: string | null;
}

export interface MinutesDocument {
  title: string;
  meetingDate: string | null;
  url: string;
  attendees: string[];
  apologies: string[];
  items: MinutesItem[];
}

export interface MinutesHints {
  title?: string;
  feedDate?: Date;
  url: string;
}

interface ParseState {
  mode: "people" | "items";
  list: PeopleList;
  heading?: string;
  table: ActionLogColumns | null;
  meetingDate: string | null;
  people: Record<PeopleList, string[]>;
  items: MinutesItem[];
}

/** Reads plain-text minutes into title, meeting date, attendees, apologies and discussion/decision/action items. */
export function parseMinutes(text: string, hints: MinutesHints): MinutesDocument {
  const lines = toLines(text);
  const preamble = lines.slice(0, preambleLength(lines));
  const meetingDate = findMeetingDate({ title: hints.title, preamble, text, feedDate: hints.feedDate });
  const state: ParseState = {
    mode: "items",
    list: "attendees",
    table: null,
    meetingDate,
    people: { attendees: [], apologies: [] },
    items: [],
  };
  for (const line of lines.slice(preamble.length)) readLine(state, line);
  return {
    title: documentTitle(hints.title, preamble),
    meetingDate,
    url: hints.url,
    attendees: unique(state.people.attendees),
    apologies: unique(state.people.apologies),
    items: state.items,
  };
}

function readLine(state: ParseState, line: string): void {
  const list = peopleHeading(line);
  if (list) {
    state.mode = "people";
    state.list = list;
    return;
  }
  const inline = inlinePeople(stripMarker(line));
  if (inline) {
    state.people[inline.list].push(...inline.names);
    return;
  }
  if (state.mode === "people" && readPersonLine(state, line)) return;
  state.mode = "items";
  readItemLine(state, line);
}

/** True when the line belonged to the attendance list being read. */
function readPersonLine(state: ParseState, line: string): boolean {
  if (isNumberedHeading(line) || actionBody(line) !== null) return false;
  if (isGroupLabel(line)) return true;
  const name = nameFromLine(line);
  if (name) state.people[state.list].push(name);
  return name !== null;
}

function readItemLine(state: ParseState, line: string): void {
  if (line.includes(" | ") && readTableRow(state, line.split(" | "))) return;
  state.table = null;
  const action = actionBody(line);
  if (action !== null) {
    addAction(state, action);
    return;
  }
  const due = dueLabelValue(line);
  const last = state.items.at(-1);
  if (due !== null && last?.kind === "action") {
    last.due ??= parseDueDate(due, state.meetingDate);
    return;
  }
  const heading = headingOf(line);
  if (heading) {
    state.heading = heading;
    return;
  }
  addParagraph(state, stripMarker(line));
}

function addAction(state: ParseState, body: string): void {
  if (!body) {
    state.heading = "Actions";
    return;
  }
  const last = state.items.at(-1);
  if (isOwnerOnly(body) && last && last.kind !== "action" && last.heading === state.heading) {
    Object.assign(last, { kind: "action", owner: body.replace(/[.;]$/, ""), due: null });
    return;
  }
  const parsed = parseAction(body, state.meetingDate);
  state.items.push({ ...withHeading(state), kind: "action", ...parsed });
}

function addParagraph(state: ParseState, paragraph: string): void {
  const trailing = trailingAction(paragraph);
  const text = dropLeadIn(trailing ? trailing.before : paragraph);
  if (text && !isLeadIn(text)) state.items.push(...paragraphItems(state, text));
  if (trailing) addAction(state, trailing.action);
}

/** Sentences before the first decision stay discussion; the decision and what follows it are the decision. */
function paragraphItems(state: ParseState, text: string): MinutesItem[] {
  const sentences = splitSentences(text);
  const first = sentences.findIndex(isDecisionSentence);
  const item = (itemText: string, kind: MinutesItemKind): MinutesItem => ({
    text: itemText,
    kind,
    ...withHeading(state),
    owner: null,
    due: null,
  });
  if (first < 0) return [item(text, "discussion")];
  if (first === 0) return [item(text, "decision")];
  return [item(sentences.slice(0, first).join(" "), "discussion"), item(sentences.slice(first).join(" "), "decision")];
}

/** Rows of an action log ("Action | Owner | Due"); returns false when the row is not part of one. */
function readTableRow(state: ParseState, cells: string[]): boolean {
  const header = actionLogColumns(cells);
  if (header) {
    state.table = header;
    return true;
  }
  const table = state.table;
  if (!table) return false;
  const cell = (index: number | null) => (index === null ? "" : (cells[index] ?? "").trim());
  const text = cell(table.text);
  if (!text) return true;
  const owner = cell(table.owner) || null;
  const rowHeading = cell(table.heading);
  const heading = rowHeading ? { heading: rowHeading } : withHeading(state);
  const isAction = owner !== null || table.owner === table.text;
  state.items.push({
    text,
    kind: isAction ? "action" : "discussion",
    ...heading,
    owner: isAction ? owner : null,
    due: isAction && cell(table.due) ? parseDueDate(cell(table.due), state.meetingDate) : null,
  });
  return true;
}

/** "Agenda set out:", "Looking forward:": introduces the list that follows, says nothing itself. */
function isLeadIn(text: string): boolean {
  return text.endsWith(":") && text.split(/\s+/).length <= 8;
}

function withHeading(state: ParseState): { heading?: string } {
  return state.heading ? { heading: state.heading } : {};
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}
