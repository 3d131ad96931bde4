import type { StandinContext } from "../context";
import type { Params } from "./params";

/** The fields of a successful answer; the router adds `ok: true`. Refusals are thrown (see errors.ts). */
export type MethodResult = Record<string, unknown>;

export type MethodHandler = (ctx: StandinContext, params: Params) => MethodResult;

export type MethodTable = Record<string, MethodHandler>;
