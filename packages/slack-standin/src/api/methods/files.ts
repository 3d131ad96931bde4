import { z } from "zod";
import { withSlackIds } from "../../blocks/normalize";
import { checkMessageBlocks, parseJsonValue } from "../../blocks/validate";
import type { StandinContext } from "../../context";
import { refuse } from "../../errors";
import type { SlackChannel, StoredFile } from "../../state/types";
import { postableChannel } from "../access";
import { intArg, listArg, optionalId, type Params, parseParams } from "../params";
import { renderFile } from "../render";
import type { MethodTable } from "../types";

const uploadUrlArgs = z.looseObject({
  filename: z.string().min(1),
  length: intArg.min(1),
  alt_text: z.string().optional(),
  alt_txt: z.string().optional(),
  snippet_type: z.string().optional(),
});

const completeArgs = z.looseObject({
  files: z.preprocess(parseJsonValue, z.array(z.looseObject({ id: z.string(), title: z.string().optional() })).min(1)),
  channel_id: optionalId,
  channels: z.unknown().optional(),
  thread_ts: optionalId,
  initial_comment: z.string().optional(),
  blocks: z.unknown().optional(),
});

/** Step 1 of the upload v2 flow: reserve a file id and hand out where to POST the bytes. */
function getUploadUrl(ctx: StandinContext, params: Params) {
  const args = parseParams(uploadUrlArgs, params);
  const file = ctx.files.reserve({
    filename: args.filename,
    length: args.length,
    alt_text: args.alt_text ?? args.alt_txt,
    snippet_type: args.snippet_type,
    user: ctx.app.botUserId,
  });
  return { upload_url: `${ctx.baseUrl}/upload/${file.id}`, file_id: file.id };
}

function uploadedFile(ctx: StandinContext, id: string, title: string | undefined): StoredFile {
  const file = ctx.files.find(id);
  if (!file?.bytes) return refuse("file_not_found");
  if (title) file.title = title;
  return file;
}

/** Step 3: finish the upload and, when a channel is given, share the files there as one message. */
function completeUpload(ctx: StandinContext, params: Params) {
  const args = parseParams(completeArgs, params);
  const channelArg = args.channel_id ?? listArg(args.channels)[0];
  const channel = channelArg ? postableChannel(ctx, channelArg) : undefined;
  const files = args.files.map((f) => uploadedFile(ctx, f.id, f.title));
  for (const file of files) file.completed = true;
  if (channel) share(ctx, channel, files, args);
  return { files: files.map((f) => renderFile(ctx, f)) };
}

function share(
  ctx: StandinContext,
  channel: SlackChannel,
  files: StoredFile[],
  args: z.output<typeof completeArgs>,
): void {
  const blocks = args.initial_comment ? undefined : checkMessageBlocks(args.blocks, ctx.limits);
  const parent = args.thread_ts ? ctx.messages.find(channel.id, args.thread_ts) : undefined;
  ctx.messages.post({
    channel: channel.id,
    text: args.initial_comment ?? "",
    blocks: blocks ? withSlackIds(blocks) : undefined,
    thread_ts: parent ? (parent.thread_ts ?? parent.ts) : undefined,
    user: ctx.app.botUserId,
    bot_id: ctx.app.botId,
    app_id: ctx.app.appId,
    files: files.map((f) => f.id),
  });
  for (const file of files) {
    file.channels.push(channel.id);
    file.thread_ts = parent?.ts;
    file.initial_comment = args.initial_comment;
  }
}

export const fileMethods: MethodTable = {
  "files.getUploadURLExternal": getUploadUrl,
  "files.completeUploadExternal": completeUpload,
};
