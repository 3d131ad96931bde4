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
  const cells: ShownCount[][] = values.map((row) => row.map(shown));
  const rows = values.length;
  const columns = values[0]?.length ?? 0;
  type Cell = [number, number];
  const row = (r: number): Cell[] => Array.from({ length: columns }, (_, c): Cell => [r, c]);
  const column = (c: number): Cell[] => Array.from({ length: rows }, (_, r): Cell => [r, c]);
  const lines = [
    ...Array.from({ length: rows }, (_, r) => row(r)),
    ...Array.from({ length: columns }, (_, c) => column(c)),
  ];
  const isHidden = ([r, c]: Cell) => cells[r]?.[c]?.kind !== "exact";
  const value = ([r, c]: Cell) => values[r]?.[c] ?? 0;
  const loneHidden = (line: Cell[]) => line.filter(isHidden).length === 1;
  for (let changed = true; changed; ) {
    changed = false;
    for (const [index, line] of lines.entries()) {
      if (!loneHidden(line)) continue;
      const across = (cell: Cell) => (index < rows ? column(cell[1]) : row(cell[0]));
      // Prefer a cell whose other line needs a second hidden count too, then inner cells, then the smallest.
      const rank = (cell: Cell) => {
        const total = cell[0] === rows - 1 || cell[1] === columns - 1;
        const grand = cell[0] === rows - 1 && cell[1] === columns - 1;
        return [Number(grand), Number(!loneHidden(across(cell))), Number(total), value(cell)];
      };
      const pick = line
        .filter((cell) => !isHidden(cell) && value(cell) > 0)
        .sort((a, b) => compare(rank(a), rank(b)))[0];
      if (!pick) continue;
      const target = cells[pick[0]];
      if (target) target[pick[1]] = { kind: "hidden" };
      changed = true;
    }
  }
  return cells;
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

/** A list of counts and their total (the last value): the same rule as a one-row table. */
export function suppressWithTotal(values: readonly number[]): ShownCount[] {
  return suppressTable([values])[0] ?? [];
}
