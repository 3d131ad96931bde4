import type { AnyCliCommand } from "../../../cli/command";
import { booleanFlag, stringFlag } from "../../../cli/flags";
import { auditCommand } from "./audit";
import { bankHolidaysCommand } from "./bank-holidays";
import { concernsCommand } from "./concerns";
import { purgeCommand } from "./purge";

export const concernsCommands: AnyCliCommand[] = [
  {
    name: "concerns",
    usage: `concerns export [--since 30d] [--workspace T…] > concerns.csv
                                            concerns raised in the period, as CSV
  concerns report --quarter 2013Q1 [--format md|csv] [--workspace T…]
                                            the quarterly report for the governing body
                                            (calendar quarters; small numbers suppressed)`,
    options: {
      since: { type: "string" },
      workspace: { type: "string" },
      quarter: { type: "string" },
      format: { type: "string" },
    },
    run: ({ core, args, flags, output }) => {
      const named = ["since", "workspace", "quarter", "format"] as const;
      const given = Object.fromEntries(
        named.flatMap((name) => {
          const value = stringFlag(flags, name);
          return value ? [[name, value]] : [];
        }),
      );
      return concernsCommand(core, args, given, output);
    },
  },
  {
    name: "audit",
    usage: "audit verify [--head SEQ:HASH]            check the concerns' tamper-evident audit trail",
    options: { head: { type: "string" } },
    run: ({ core, args, flags, output }) => {
      const head = stringFlag(flags, "head");
      return auditCommand(core, args, head ? { head } : {}, output);
    },
  },
  {
    name: "purge",
    usage: "purge [--dry-run]                         remove concerns resolved before the retention period",
    options: { "dry-run": { type: "boolean", default: false } },
    run: ({ core, flags, output }) => purgeCommand(core, { "dry-run": booleanFlag(flags, "dry-run") }, output),
  },
  {
    name: "bank-holidays",
    usage: `bank-holidays refresh <file-or-url>       update the England and Wales bank holidays
                                            (https://www.gov.uk/bank-holidays.json or a saved copy)`,
    core: false,
    run: ({ config, args, output }) => bankHolidaysCommand(config, args, output),
  },
];
