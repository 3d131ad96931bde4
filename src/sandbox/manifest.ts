import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { fromRoot } from "../paths";

/** What the sandbox offers people comes from the app's manifest, so new commands and shortcuts appear by themselves. */
export interface SlashCommandEntry {
  command: string;
  description: string;
  usageHint: string;
}

export interface ShortcutEntry {
  name: string;
  type: "message" | "global";
  callbackId: string;
  description: string;
}

export interface AppManifest {
  name: string;
  botName: string;
  homeTab: boolean;
  messagesTab: boolean;
  /** People can run slash commands in the app's DM but not write to it. */
  messagesReadOnly: boolean;
  commands: SlashCommandEntry[];
  shortcuts: ShortcutEntry[];
  /** The events the app subscribes to (`settings.event_subscriptions.bot_events`): what the stand-in delivers. */
  botEvents: string[];
  /** The assistant panel (`features.assistant_view`), with the prompts Slack shows before the app sets its own. */
  assistant: { description: string; suggestedPrompts: { title: string; message: string }[] } | null;
}

export const MANIFEST_PATH = fromRoot("manifest.yml");

const manifestSchema = z.looseObject({
  display_information: z.looseObject({ name: z.string().min(1) }),
  features: z.looseObject({
    app_home: z
      .looseObject({
        home_tab_enabled: z.boolean().default(false),
        messages_tab_enabled: z.boolean().default(false),
        messages_tab_read_only_enabled: z.boolean().default(false),
      })
      .optional(),
    bot_user: z.looseObject({ display_name: z.string().min(1) }),
    slash_commands: z
      .array(
        z.looseObject({
          command: z.string().regex(/^\/\S+$/),
          description: z.string().default(""),
          usage_hint: z.string().default(""),
        }),
      )
      .default([]),
    shortcuts: z
      .array(
        z.looseObject({
          name: z.string().min(1),
          type: z.enum(["message", "global"]),
          callback_id: z.string().min(1),
          description: z.string().default(""),
        }),
      )
      .default([]),
    assistant_view: z
      .looseObject({
        assistant_description: z.string().default(""),
        suggested_prompts: z.array(z.looseObject({ title: z.string(), message: z.string() })).default([]),
      })
      .optional(),
  }),
  settings: z
    .looseObject({
      event_subscriptions: z.looseObject({ bot_events: z.array(z.string()).default([]) }).optional(),
    })
    .optional(),
});

export function loadManifest(file = MANIFEST_PATH): AppManifest {
  const parsed = manifestSchema.safeParse(parse(readFileSync(file, "utf8")));
  if (!parsed.success)
    throw new Error(`${file} is not a manifest the sandbox can read: ${z.prettifyError(parsed.error)}`);
  const { display_information: info, features, settings } = parsed.data;
  return {
    name: info.name,
    botName: features.bot_user.display_name,
    homeTab: features.app_home?.home_tab_enabled ?? false,
    messagesTab: features.app_home?.messages_tab_enabled ?? false,
    messagesReadOnly: features.app_home?.messages_tab_read_only_enabled ?? false,
    commands: features.slash_commands.map((c) => ({
      command: c.command,
      description: c.description,
      usageHint: c.usage_hint,
    })),
    shortcuts: features.shortcuts.map((s) => ({
      name: s.name,
      type: s.type,
      callbackId: s.callback_id,
      description: s.description,
    })),
    botEvents: settings?.event_subscriptions?.bot_events ?? [],
    assistant: features.assistant_view
      ? {
          description: features.assistant_view.assistant_description,
          suggestedPrompts: features.assistant_view.suggested_prompts.map((p) => ({
            title: p.title,
            message: p.message,
          })),
        }
      : null,
  };
}
