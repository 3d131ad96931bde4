/**
 * Small numbers in the governing body's report. A count from 1 to 4 is shown as "fewer than 5"
 * (primary suppression), so a single concern cannot be picked out. Where a table has totals, one
 * hidden count in a row or column could be worked out by subtraction, so another count in that line
 * is hidden too (secondary suppression, smallest first, totals last): every line then has no hidden
 * count or at least two. Zero is shown: it counts nobody.
 */
export const SMALL_NUMBER = 5;

export type ShownCount =
  | { kind: "exact"; value: number }
  /** 1 to 4 */
  | { kind: "few" }
  /** Hidden so that a "fewer than 5" next to it cannot be worked out. */
  | { kind: "hidden" };

export const FEWER_THAN_5 = `fewer than ${SMALL_NUMBER}`;
export const NOT_SHOWN = "not shown";

export function countText(count: ShownCount): string {
  if (count.kind === "exact") return String(count.value);
  return count.kind === "few" ? FEWER_THAN_5 : NOT_SHOWN;
}

/** One count on its own (no totals to subtract from). */
export function shown(value: number): ShownCount {
  return value > 0 && value < SMALL_NUMBER ? { kind: "few" } : { kind: "exact", value };
}

/**
 * Suppresses a table whose last column holds each row's total and whose last row holds each
 * column's total (so the bottom-right cell is the grand total). Returns the table as shown.
 */
export function suppressTable(values: readonly (readonly number[])[]): ShownCount[][] {
  const shownCells: ShownCount[][] = values.map((row) => row.map(shown));
  const rows = values.length;
  const columns = values[0]?.length ?? 0;
  const lines: Array<Array<[number, number]>> = [
    ...Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c): [number, number] => [r, c])),
    ...Array.from({ length: columns }, (_, c) => Array.from({ length: rows }, (_, r): [number, number] => [r, c])),
  ];
  const isGrandTotal = ([r, c]: [number, number]) => r === rows - 1 && c === columns - 1;
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      const hidden = line.filter(([r, c]) => shownCells[r]?.[c]?.kind !== "exact");
      if (hidden.length !== 1) continue;
      const candidates = line
        .filter(([r, c]) => {
          const cell = shownCells[r]?.[c];
          return cell?.kind === "exact" && cell.value > 0;
        })
        .sort((a, b) => rank(a) - rank(b));
      const pick = candidates[0];
      if (!pick) continue;
      const row = shownCells[pick[0]];
      if (row) row[pick[1]] = { kind: "hidden" };
      changed = true;
    }
  }
  return shownCells;

  function rank(cell: [number, number]): number {
    const [r, c] = cell;
    const value = values[r]?.[c] ?? 0;
    const isTotal = r === rows - 1 || c === columns - 1;
    return value + (isTotal ? 1_000_000 : 0) + (isGrandTotal(cell) ? 1_000_000 : 0);
  }
}

/** A list of counts and their total (the last value): the same rule as a one-row table. */
export function suppressWithTotal(values: readonly number[]): ShownCount[] {
  return suppressTable([values])[0] ?? [];
}
