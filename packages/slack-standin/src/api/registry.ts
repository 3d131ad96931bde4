import { appMethods } from "./methods/apps";
import { assistantMethods } from "./methods/assistant";
import { chatMethods } from "./methods/chat";
import { fileMethods } from "./methods/files";
import { peopleMethods } from "./methods/people";
import { viewMethods } from "./methods/views";
import type { MethodTable } from "./types";

/** Every Web API method the stand-in answers; anything else is `unknown_method`. */
export const methodTable: MethodTable = {
  ...appMethods,
  ...assistantMethods,
  ...chatMethods,
  ...viewMethods,
  ...peopleMethods,
  ...fileMethods,
};
