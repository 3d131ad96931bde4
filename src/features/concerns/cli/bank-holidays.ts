import { readFile, writeFile } from "node:fs/promises";
import { UsageError } from "../../../cli/duration";
import type { Output } from "../../../cli/output";
import type { Config } from "../../../config";
import { ENGLAND_AND_WALES, mergeBankHolidays, parseBankHolidays } from "../domain";

/**
 * `localism bank-holidays refresh <file-or-url>`: folds GOV.UK's bank holidays
 * (https://www.gov.uk/bank-holidays.json, or a saved copy: works offline) into the kept list.
 */
export async function bankHolidaysCommand(config: Config, args: string[], output: Output): Promise<void> {
  const [action, source] = args;
  if (action !== "refresh" || !source) {
    throw new UsageError(
      "Usage: localism bank-holidays refresh <file-or-url>   (e.g. https://www.gov.uk/bank-holidays.json or a saved copy)",
    );
  }
  const file = config.concerns.bankHolidaysFile;
  const fresh = parseBankHolidays(await readSource(source), ENGLAND_AND_WALES);
  const kept = parseBankHolidays(await readFile(file, "utf8"), ENGLAND_AND_WALES);
  const merged = mergeBankHolidays(kept, fresh);
  await writeFile(file, `${JSON.stringify(merged.division, null, 2)}\n`, "utf8");
  const dates = merged.division.events.map((event) => event.date);
  output.out(
    `England and Wales bank holidays: ${dates.length} dates from ${dates[0]} to ${dates.at(-1)}; ` +
      `${merged.added.length} added${merged.added.length ? ` (${merged.added.join(", ")})` : ""}, ${merged.changed.length} changed. Written to ${file}.`,
  );
}

async function readSource(source: string): Promise<string> {
  if (!/^https?:\/\//.test(source)) return readFile(source, "utf8");
  const response = await fetch(source, {
    signal: AbortSignal.timeout(15_000),
    headers: { accept: "application/json" },
  });
  if (!response.ok) throw new Error(`Could not download ${source}: HTTP ${response.status}`);
  return response.text();
}
