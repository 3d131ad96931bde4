import { EMPTY_FORM_METADATA, encodeFormMetadata } from "../src/features/concerns/slack/metadata";
import { useMetadataSecret } from "../src/slack/signed-metadata";

/** Request bodies the benchmarks send, in the shapes Slack sends them. */

export const BENCH_TEAM = "T0LOCAL";

/** Questions as staff type them, asked in turn by the `/objectives` benchmarks. */
export const BENCH_QUESTIONS = [
  "can the board overrule our CCG?",
  "what does assumed liberty mean",
  "who holds the money for commissioning support",
  "when does the board take its full powers",
  "what did the NHS Alliance say about clinical senates",
];

let batch = 0;
/**
 * `count` distinct `/objectives` bodies, each with its own trigger_id as Slack's are: the bot answers a
 * body it has already seen with the same timestamp as a replay (an empty 200), so cycling a few
 * bodies would measure that check rather than the answer.
 */
export function objectivesBodies(count: number, questions: readonly string[] = BENCH_QUESTIONS): string[] {
  batch += 1;
  return Array.from({ length: count }, (_, i) =>
    slashCommandBody("/objectives", questions[i % questions.length] ?? "", { trigger: `${batch}.${i}` }),
  );
}

/** A slash command's form body. */
export function slashCommandBody(
  command: string,
  text: string,
  options: { user?: string; channel?: string; responseUrl?: string; trigger?: string | number } = {},
): string {
  const user = options.user ?? "U0BENCH";
  return new URLSearchParams({
    token: "verification-token",
    team_id: BENCH_TEAM,
    team_domain: "ccg",
    channel_id: options.channel ?? "C0BENCH",
    channel_name: "bench",
    user_id: user,
    user_name: user,
    command,
    text,
    api_app_id: "A0LOCAL",
    is_enterprise_install: "false",
    response_url: options.responseUrl ?? "http://127.0.0.1:9/response/bench",
    trigger_id: `bench.${options.trigger ?? 0}`,
  }).toString();
}

const option = (value: string) => ({ selected_option: { text: { type: "plain_text", text: value }, value } });

/** An empty concern form's private_metadata, signed as the bot with this signing secret signs it. */
export function signedFormMetadata(signingSecret: string): string {
  useMetadataSecret(signingSecret);
  return encodeFormMetadata(EMPTY_FORM_METADATA);
}

/** A view_submission of the concern form: one distinct modal (`viewId`) per submission. */
let submissionBatch = 0;

/** `count` distinct submissions of the concern form by `user` (a new view id each, across calls). */
export function concernSubmissionBodies(count: number, signingSecret: string, user: string): string[] {
  submissionBatch += 1;
  return Array.from({ length: count }, (_, i) =>
    concernSubmissionBody({
      signingSecret,
      viewId: `VB${submissionBatch}X${i}`,
      user,
      objective: (i % 4) + 1,
      identity: "named",
      whatHappened: `The regional team decided our community services model for us (report ${i}).`,
    }),
  );
}

export function concernSubmissionBody(options: {
  signingSecret: string;
  viewId: string;
  user: string;
  objective: number;
  identity: "named" | "confidential" | "anonymous";
  whatHappened: string;
}): string {
  const { viewId, user } = options;
  const payload = {
    type: "view_submission",
    token: "verification-token",
    team: { id: BENCH_TEAM, domain: "ccg" },
    user: { id: user, username: user, name: user, team_id: BENCH_TEAM },
    api_app_id: "A0LOCAL",
    trigger_id: `bench.${viewId}`,
    view: {
      id: viewId,
      team_id: BENCH_TEAM,
      type: "modal",
      callback_id: "concern_form",
      private_metadata: signedFormMetadata(options.signingSecret),
      hash: `1.${viewId}`,
      state: {
        values: {
          concern_what_happened: { what_happened: { type: "plain_text_input", value: options.whatHappened } },
          concern_objective: { objective: { type: "static_select", ...option(String(options.objective)) } },
          concern_body: { body: { type: "static_select", ...option("regional_team") } },
          concern_impact: { impact: { type: "radio_buttons", ...option("medium") } },
          concern_identity: { identity_mode: { type: "radio_buttons", ...option(options.identity) } },
        },
      },
    },
    response_urls: [],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
