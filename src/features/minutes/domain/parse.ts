import type { ActionLogColumns, ParsedAction } from "./actions";
import {
  actionBody,
  actionLogColumns,
  dueLabelValue,
  isOwnerOnly,
  isPlainActionLogHeader,
  ownerLabelledAction,
  ownerOnlyWithDue,
  parseAction,
  plainActionLogRow,
  resolutionAction,
  trailingAction,
} from "./actions";
import {
  dropLeadIn,
  isBackMatterHeading,
  isDecisionSentence,
  stripMarker,
  strongHeadingOf,
  subHeadingOf,
  weakHeadingOf,
} from "./classify";
import { parseDueDate } from "./dates";
import { toLines } from "./lines";
import { findMeetingDate } from "./meeting-date";
import type { PeopleList } from "./people";
import {
  apologiesInSentence,
  inlinePeople,
  isGroupLabel,
  looksLikeName,
  nameFromLine,
  namesInLine,
  peopleHeading,
  peopleOnLine,
  personAfterRole,
  personKey,
  personWithRole,
  postFromLine,
  splitNameList,
} from "./people";
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

/** How a document marks its agenda items: numbered or referenced headings, plain headings, or none. */
type HeadingScheme = "numbered" | "plain" | "none";

interface Layout {
  scheme: HeadingScheme;
  /** The first line of the first agenda item; everything before it is the opening (title, date, attendance). */
  itemsStart: number;
}

/** An attendance table's columns: where the name is, and where present / apologies is said (if anywhere). */
interface AttendanceTable {
  name: number;
  attendance: number | null;
}

interface ParseState {
  scheme: HeadingScheme;
  mode: "people" | "items";
  list: PeopleList;
  /** "items" while reading agenda items; "back" after them (action logs, appendices): only actions are read. */
  section: "items" | "back";
  heading?: string;
  /** True once the current heading has text under it. */
  headingHasText: boolean;
  /** True while the current heading is a numbered sub-item ("5.1 Primary care"). */
  subHeading: boolean;
  table: ActionLogColumns | null;
  attendanceTable: AttendanceTable | null;
  plainLog: { open: boolean; pending: string };
  /** Names on lines of their own before any attendance heading: a list only once there are several. */
  bareNames: string[];
  /** "RESOLVED:" on a line of its own, waiting for the paragraph it introduces. */
  pendingLabel: string | null;
  meetingDate: string | null;
  people: Record<PeopleList, string[]>;
  /** Posts listed where people would be, used only when the list names no one. */
  posts: Record<PeopleList, string[]>;
  items: MinutesItem[];
  /** Actions that only name an owner ("Action: SJ") and those read from an action log. */
  ownerOnly: Set<MinutesItem>;
  logged: Set<MinutesItem>;
}

/** Reads plain-text minutes into title, meeting date, attendees, apologies and discussion/decision/action items. */
export function parseMinutes(text: string, hints: MinutesHints): MinutesDocument {
  const lines = toLines(text);
  const layout = findLayout(lines);
  const opening = lines.slice(0, layout.itemsStart);
  const meetingDate = findMeetingDate({ title: hints.title, preamble: opening, text, feedDate: hints.feedDate });
  const state: ParseState = {
    scheme: layout.scheme,
    mode: "items",
    list: "attendees",
    section: "items",
    headingHasText: false,
    subHeading: false,
    table: null,
    attendanceTable: null,
    plainLog: { open: false, pending: "" },
    bareNames: [],
    pendingLabel: null,
    meetingDate,
    people: { attendees: [], apologies: [] },
    posts: { attendees: [], apologies: [] },
    items: [],
    ownerOnly: new Set(),
    logged: new Set(),
  };
  for (const line of opening) readOpeningLine(state, line);
  flushBareNames(state);
  state.mode = "items";
  state.attendanceTable = null;
  const body = lines.slice(layout.itemsStart);
  body.forEach((line, index) => {
    readLine(state, line, body[index + 1]);
  });
  finishPlainLog(state);
  const people = peopleLists({
    attendees: state.people.attendees.length ? state.people.attendees : state.posts.attendees,
    apologies: state.people.apologies.length ? state.people.apologies : state.posts.apologies,
  });
  return {
    title: documentTitle(hints.title, opening),
    meetingDate,
    url: hints.url,
    attendees: people.attendees,
    apologies: people.apologies,
    items: withoutDuplicateActions(state),
  };
}

/**
 * Where the agenda items begin. With numbered or referenced headings ("1. Welcome", "GB/12/85 ...")
 * the first of them; otherwise the first plain heading after the attendance list that has a
 * paragraph under it; otherwise after the opening lines.
 */
function findLayout(lines: string[]): Layout {
  const numbered = lines
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => isItemHeading(line) && strongHeadingOf(line) !== null);
  if (numbered.length >= 2) return { scheme: "numbered", itemsStart: numbered[0]!.index };
  const start = Math.max(attendanceEnd(lines), preambleLength(lines));
  for (let index = start; index < lines.length; index++) {
    const line = lines[index] ?? "";
    if (isBackMatterHeading(line)) break;
    if (isItemHeading(line) && (strongHeadingOf(line) ?? weakHeadingOf(line)) && isParagraph(lines[index + 1])) {
      return { scheme: "plain", itemsStart: index };
    }
  }
  return { scheme: "none", itemsStart: Math.min(start, lines.length) };
}

/** A heading that can open an agenda item: not an attendance heading and not a person's name. */
function isItemHeading(line: string): boolean {
  if (peopleHeading(line) === "attendees" || isBackMatterHeading(line)) return false;
  const title = strongHeadingOf(line) ?? weakHeadingOf(line) ?? "";
  return !looksLikeName(title) && personWithRole(title) === null && !/^(?:name|ref|no\.?)\b/i.test(title);
}

function isParagraph(line: string | undefined): boolean {
  if (!line) return false;
  return strongHeadingOf(line) === null && weakHeadingOf(line) === null && !isBackMatterHeading(line);
}

/**
 * The line after the attendance list in the first half of the document: the list may be headed
 * ("Present", "Apologies:"), a table, or unlabelled lines of "Name, Role" with organisation
 * labels between them. Returns 0 when there is none.
 */
function attendanceEnd(lines: string[]): number {
  let last = -1;
  let gap = 0;
  const limit = Math.ceil(lines.length / 2);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? "";
    const isPeople =
      peopleHeading(line) !== null ||
      inlinePeople(line) !== null ||
      personWithRole(line) !== null ||
      personAfterRole(line) !== null ||
      peopleOnLine(line).length > 0 ||
      attendanceColumns(line.split(" | ")) !== null;
    if (isPeople && (last >= 0 || index < limit)) {
      last = index;
      gap = 0;
      continue;
    }
    if (last >= 0 && ++gap > 2) break;
  }
  return last + 1;
}

/** The opening lines: only attendance is read from them (the title and date are read elsewhere). */
function readOpeningLine(state: ParseState, line: string): void {
  const cells = line.split(" | ");
  const columns = cells.length > 1 ? attendanceColumns(cells) : null;
  if (columns) {
    state.attendanceTable = columns;
    state.mode = "people";
    return;
  }
  if (state.attendanceTable && cells.length > 1) {
    readAttendanceRow(state, cells, state.attendanceTable);
    return;
  }
  const list = peopleHeading(line);
  if (list) {
    startList(state, list);
    return;
  }
  const inline = inlinePeople(stripMarker(line));
  if (inline) {
    addPeople(state, inline.list, inline.names);
    startList(state, inline.list);
    return;
  }
  const inSentence = apologiesInSentence(line);
  if (inSentence.length) {
    addPeople(state, "apologies", inSentence);
    return;
  }
  if (state.mode === "people" && readListedPeople(state, line, state.list)) return;
  if (state.mode === "people" && (isGroupLabel(line) || isContinuation(line))) return;
  if (readUnlabelledPeople(state, line)) return;
  if (state.mode === "people" && line.split(/\s+/).length <= 6 && !/[.!?]$/.test(line)) return;
  state.mode = "items";
}

function startList(state: ParseState, list: PeopleList): void {
  flushBareNames(state);
  state.mode = "people";
  state.list = list;
}

/**
 * A line of a list under an attendance heading: one person ("Dr A Khan – Chair", "Chair: Dr A
 * Khan"), or several (a list that runs on, "Dr A, Mr B, Ms C", or two table columns flattened).
 */
function readListedPeople(state: ParseState, line: string, list: PeopleList): boolean {
  const listed = withoutRoleLabel(line);
  const several = /[;,]/.test(listed) ? splitNameList(listed) : [];
  const parts = listed.split(/\s*[;,]\s*|\s+and\s+/).filter(Boolean).length;
  const flattened = namesInLine(line);
  // "Dr A, Dr B, Mr C" names several people; "Desmond Faulkner, Director General, Social Care" one.
  if (several.length >= 2 && several.length * 2 >= parts && several.length >= flattened.length) {
    addPeople(state, list, several);
    return true;
  }
  if (flattened.length >= 2) {
    addPeople(state, list, flattened);
    return true;
  }
  const name = nameFromLine(line);
  if (name) addPeople(state, list, [name]);
  const post = name ? null : postFromLine(line);
  if (post) state.posts[list].push(post);
  return name !== null || post !== null;
}

/** "GP Members: Dr A; Dr B" -> "Dr A; Dr B": the list after a label naming the posts. */
function withoutRoleLabel(line: string): string {
  const match = /^([^:]{3,100}):\s+(.+)$/.exec(line);
  return match?.[1] && match[2] && !looksLikeName(match[1].trim()) ? match[2] : line;
}

/**
 * Attendance with no heading, as reproduced minutes often print it: "Name, Role" lines,
 * "Role: Name" lines, a two-column table flattened, or three or more names on lines of their own.
 */
function readUnlabelledPeople(state: ParseState, line: string): boolean {
  const flattened = peopleOnLine(line);
  const named = flattened.length > 0 ? flattened : [personWithRole(line) ?? personAfterRole(line)].filter(isName);
  if (named.length) {
    addPeople(state, "attendees", named);
    startList(state, "attendees");
    return true;
  }
  const bare = nameFromLine(line);
  if (bare && looksLikeName(bare) && !/[.!?]$/.test(line)) {
    state.bareNames.push(bare);
    if (state.bareNames.length >= 3) startList(state, "attendees");
    return true;
  }
  state.bareNames = [];
  return false;
}

function flushBareNames(state: ParseState): void {
  if (state.bareNames.length >= 3) addPeople(state, "attendees", state.bareNames);
  state.bareNames = [];
}

function isName(name: string | null): name is string {
  return name !== null;
}

/** A role wrapped onto its own line ("Development", "Support Unit (item GB/12/90 only)"). */
function isContinuation(line: string): boolean {
  return line.split(/\s+/).length <= 6 && !/[.!?]$/.test(line) && strongHeadingOf(line) === null;
}

/** "Name | Initials | Role" or "Name | Role | Attendance": an attendance table's header row. */
function attendanceColumns(cells: string[]): AttendanceTable | null {
  const lower = cells.map((cell) => cell.trim().toLowerCase());
  const name = lower.findIndex((cell) => /^(?:name|member|members|attendee)$/.test(cell));
  if (name < 0) return null;
  const described = lower.some((cell) => /^(?:initials|role|title|organisation|designation|position)$/.test(cell));
  const attendance = lower.findIndex((cell) => /^(?:attendance|attended|present|status)$/.test(cell));
  if (!described && attendance < 0) return null;
  return { name, attendance: attendance >= 0 ? attendance : null };
}

function readAttendanceRow(state: ParseState, cells: string[], table: AttendanceTable): void {
  const name = (cells[table.name] ?? "").replace(/\([^)]*\)/g, "").trim();
  if (!looksLikeName(name)) return;
  const said = table.attendance === null ? "" : (cells[table.attendance] ?? "").toLowerCase();
  if (/apolog/.test(said)) addPeople(state, "apologies", [name]);
  else if (!said || /present|attend|yes|chair|member|observer|participant/.test(said)) {
    addPeople(state, table.attendance === null ? state.list : "attendees", [name]);
  }
}

function addPeople(state: ParseState, list: PeopleList, names: string[]): void {
  state.people[list].push(...names);
}

/** Each person once (a title or its absence does not make two people); nobody both present and absent. */
function peopleLists(people: Record<PeopleList, string[]>): Record<PeopleList, string[]> {
  const unique = (names: string[], taken: Set<string>) => {
    const kept: string[] = [];
    for (const name of names) {
      const key = personKey(name);
      const existing = kept.findIndex((other) => personKey(other) === key || sameSurnamedMention(other, name));
      if (taken.has(key)) continue;
      if (existing >= 0) {
        if (name.length > (kept[existing] ?? "").length) kept[existing] = name;
        continue;
      }
      kept.push(name);
    }
    return kept;
  };
  const apologies = unique(people.apologies, new Set());
  const attendees = unique(people.attendees, new Set(apologies.map(personKey)));
  return { attendees, apologies };
}

/** "Dr Bains" and "Dr Ranjit Bains": a title and surname name someone listed in full. */
function sameSurnamedMention(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const shortWords = personKey(short).split(" ");
  const longWords = personKey(long).split(" ");
  return shortWords.length === 1 && longWords.length > 1 && longWords.at(-1) === shortWords[0];
}

function readLine(state: ParseState, line: string, next: string | undefined): void {
  if (state.section === "back") {
    readBackMatterLine(state, line);
    return;
  }
  if (isBackMatterHeading(line) || isPlainActionLogHeader(line)) {
    state.section = "back";
    state.heading = line.replace(/[:.]$/, "");
    state.headingHasText = false;
    if (isPlainActionLogHeader(line)) state.plainLog.open = true;
    return;
  }
  if (/^actions?$/i.test(line.trim())) return;
  const list = peopleHeading(line);
  if (list === "attendees" || (list === "apologies" && strongHeadingOf(line) === null)) {
    state.mode = "people";
    state.list = list;
    return;
  }
  const inline = inlinePeople(stripMarker(line));
  if (inline && !apologiesInSentence(line).length) {
    addPeople(state, inline.list, inline.names);
    if (/apolog/i.test(state.heading ?? "")) addParagraph(state, stripMarker(line));
    return;
  }
  if (state.mode === "people" && readPersonLine(state, line)) return;
  state.mode = "items";
  readItemLine(state, line, next);
}

/** True when the line belonged to the attendance list being read. */
function readPersonLine(state: ParseState, line: string): boolean {
  if (strongHeadingOf(line) !== null || actionBody(line) !== null) return false;
  if (isGroupLabel(line)) return true;
  const name = nameFromLine(line);
  if (name) addPeople(state, state.list, [name]);
  const post = name ? null : postFromLine(line);
  if (post) state.posts[state.list].push(post);
  return name !== null || post !== null;
}

function readItemLine(state: ParseState, line: string, next: string | undefined): void {
  if (line.includes(" | ") && readTableRow(state, line.split(" | "))) return;
  const lastItem = state.items.at(-1);
  if (state.table && lastItem && state.logged.has(lastItem) && /^[a-z(]/.test(line) && !line.includes(" | ")) {
    lastItem.text = `${lastItem.text} ${line}`;
    return;
  }
  state.table = null;
  if (/^(?:resolved|agreed|decision|decided|recommendation)\s*:?$/i.test(line.trim())) {
    state.pendingLabel = line.trim().replace(/:?$/, ":");
    return;
  }
  const action = actionBody(line) ?? actionBody(stripMarker(line));
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
  const heading = itemHeading(state, line, next);
  if (heading) {
    state.heading = heading;
    state.headingHasText = false;
    return;
  }
  addParagraph(state, stripMarker(line));
}

/** The heading this line starts, under the document's way of numbering its items. */
function itemHeading(state: ParseState, line: string, next: string | undefined): string | null {
  if (!isItemHeading(line)) return null;
  const strong = strongHeadingOf(line);
  if (strong) {
    state.subHeading = false;
    return strong;
  }
  if (state.scheme === "numbered") {
    const sub = subHeadingOf(line);
    const opensSubItem = !state.headingHasText || state.subHeading;
    if (sub && opensSubItem && next !== undefined && isParagraph(next) && subHeadingOf(next) === null) {
      state.subHeading = true;
      return sub;
    }
    return null;
  }
  const weak = weakHeadingOf(line);
  return weak && isParagraph(next) ? weak : null;
}

/** After the items: action logs (tables, or rows printed without separators) and "- XX: action" lists. */
function readBackMatterLine(state: ParseState, line: string): void {
  if (isBackMatterHeading(line) && !/action/i.test(line)) {
    finishPlainLog(state);
    state.plainLog.open = false;
    state.table = null;
    state.heading = line;
    return;
  }
  if (isPlainActionLogHeader(line)) {
    finishPlainLog(state);
    state.plainLog.open = true;
    return;
  }
  if (line.includes(" | ") && readTableRow(state, line.split(" | "))) return;
  const last = state.items.at(-1);
  if (state.table && last && state.logged.has(last) && !line.includes(" | ") && isRowContinuation(line)) {
    last.text = `${last.text} ${line}`;
    return;
  }
  if (state.plainLog.open) {
    readPlainLogLine(state, line);
    return;
  }
  const action = actionBody(line);
  if (action) {
    addAction(state, action);
    return;
  }
  const labelled = ownerLabelledAction(line, state.meetingDate);
  if (labelled && /action/i.test(state.heading ?? "")) {
    pushAction(state, labelled, state.logged);
    return;
  }
  const due = dueLabelValue(line);
  if (due !== null && last?.kind === "action") last.due ??= parseDueDate(due, state.meetingDate);
}

/** A wrapped cell of a text-drawn action log, on a line of its own ("the transformation fund"). */
function isRowContinuation(line: string): boolean {
  return line.split(/\s+/).length <= 14 && strongHeadingOf(line) === null && actionBody(line) === null;
}

/** A line of an action log printed without cell separators: rows run until one ends with its owner and date. */
function readPlainLogLine(state: ParseState, line: string): void {
  const pending = state.plainLog.pending ? `${state.plainLog.pending} ${line}` : line;
  const row = plainActionLogRow(pending, state.meetingDate);
  if (row) {
    pushAction(state, row, state.logged);
    state.plainLog.pending = "";
    return;
  }
  state.plainLog.pending = pending.split(/\s+/).length > 80 ? line : pending;
}

function finishPlainLog(state: ParseState): void {
  state.plainLog.pending = "";
}

function pushAction(state: ParseState, action: ParsedAction, marked?: Set<MinutesItem>): MinutesItem {
  const item: MinutesItem = { ...withHeading(state), kind: "action", ...action };
  state.items.push(item);
  marked?.add(item);
  return item;
}

function addAction(state: ParseState, body: string): void {
  if (!body) return;
  const ownerAndDue = ownerOnlyWithDue(body, state.meetingDate);
  if (ownerAndDue || isOwnerOnly(body)) {
    const last = [...state.items].reverse().find((item) => item.kind !== "action");
    const owner = ownerAndDue?.owner ?? body.replace(/[.;]$/, "");
    if (last && last.heading === state.heading) {
      const sentences = splitSentences(last.text);
      const due = ownerAndDue?.due ?? null;
      pushAction(state, { text: sentences.at(-1) ?? last.text, owner, due }, state.ownerOnly);
      return;
    }
  }
  pushAction(state, parseAction(body, state.meetingDate));
}

function addParagraph(state: ParseState, written: string): void {
  const paragraph = state.pendingLabel ? `${state.pendingLabel} ${written}` : written;
  state.pendingLabel = null;
  const trailing = trailingAction(paragraph);
  const text = dropLeadIn(trailing ? trailing.before : paragraph);
  const named = apologiesInSentence(text);
  if (named.length) addPeople(state, "apologies", named);
  if (text && !isLeadIn(text)) {
    state.items.push(...paragraphItems(state, text));
    state.headingHasText = true;
  }
  const resolved = resolutionAction(text.replace(/^(?:resolved|agreed)\s*:?\s*/i, ""), state.meetingDate);
  if (resolved) pushAction(state, resolved);
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
  const last = state.items.at(-1);
  if (!owner && !rowHeading && !cell(table.due) && last && state.logged.has(last)) {
    last.text = `${last.text} ${text}`;
    return true;
  }
  const heading = rowHeading ? { heading: rowHeading } : withHeading(state);
  const isAction = owner !== null || table.owner === table.text;
  const item: MinutesItem = {
    text,
    kind: isAction ? "action" : "discussion",
    ...heading,
    owner: isAction ? owner : null,
    due: isAction && cell(table.due) ? parseDueDate(cell(table.due), state.meetingDate) : null,
  };
  state.items.push(item);
  if (isAction) state.logged.add(item);
  return true;
}

/**
 * An action recorded both where it arose and in the action log is listed once. An "Action: SJ"
 * that only names an owner gives way to the log's action for that owner; an action written out
 * where it arose stands, and the log's row repeating it goes, giving it its owner and date if it
 * had none.
 */
function withoutDuplicateActions(state: ParseState): MinutesItem[] {
  const logged = state.items.filter((item) => state.logged.has(item));
  if (logged.length === 0) return state.items;
  const loggedOwners = new Set(logged.map((item) => ownerKey(item.owner)));
  const inline = state.items.filter(
    (item) => item.kind === "action" && !state.logged.has(item) && !state.ownerOnly.has(item),
  );
  const repeated = new Set<MinutesItem>();
  for (const item of inline) {
    const twin = logged.find((other) => !repeated.has(other) && sameAction(item, other));
    if (!twin) continue;
    repeated.add(twin);
    item.owner ??= twin.owner;
    item.due ??= twin.due;
  }
  return state.items.filter((item) => {
    if (repeated.has(item)) return false;
    if (state.ownerOnly.has(item)) return !loggedOwners.has(ownerKey(item.owner));
    return true;
  });
}

function ownerKey(owner: string | null): string {
  return (owner ?? "").replace(/\s+/g, "").toLowerCase();
}

const SMALL_WORDS = new Set(["the", "a", "an", "to", "of", "and", "for", "on", "in", "by", "with", "at", "be", "will"]);
const DATE_WORDS =
  /^(?:\d+(?:st|nd|rd|th)?|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/;

/** The words that say what is to be done: no small words, no dates, not the owner's name. */
function contentWords(text: string, owner: string | null): string[] {
  const ownerWords = new Set((owner ?? "").toLowerCase().split(/[^a-z']+/));
  return text
    .toLowerCase()
    .split(/[^a-z0-9']+/)
    .filter((word) => word.length > 1 && !SMALL_WORDS.has(word) && !DATE_WORDS.test(word) && !ownerWords.has(word));
}

/** The same action, recorded twice: owners that agree (or one missing) and most of the same words. */
function sameAction(inline: MinutesItem, logged: MinutesItem): boolean {
  if (inline.owner && logged.owner && !sameOwner(inline.owner, logged.owner)) return false;
  const first = contentWords(inline.text, inline.owner);
  const second = new Set(contentWords(logged.text, logged.owner));
  if (first.length === 0) return false;
  return first.filter((word) => second.has(word)).length / first.length >= 0.6;
}

/** "Dr Blake" and "Dr Stephen Blake", "SB" and "SB / LC": one person named two ways. */
function sameOwner(a: string, b: string): boolean {
  if (ownerKey(a) === ownerKey(b)) return true;
  const parts = (owner: string) => owner.split(/\s*[/&,]\s*|\s+and\s+/).map((part) => personKey(part));
  const [left, right] = [parts(a), parts(b)];
  return left.some((x) => right.some((y) => x === y || x.split(" ").at(-1) === y.split(" ").at(-1)));
}

/** "Agenda set out:", "Looking forward:": introduces the list that follows, says nothing itself. */
function isLeadIn(text: string): boolean {
  return text.endsWith(":") && text.split(/\s+/).length <= 8;
}

function withHeading(state: ParseState): { heading?: string } {
  return state.heading ? { heading: state.heading } : {};
}
