import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestBot } from "../../../support/bot";
import {
  CHANNELS,
  cardFor,
  choose,
  FORM,
  modalOf,
  openFromMessage,
  PEOPLE,
  readable,
  referenceShownTo,
  startConcernBot,
  stored,
  waitUntil,
} from "./support";

describe.each(["sqlite", "postgres"] as const)(
  "anonymity that holds, through the real Bolt receiver, on %s",
  (provider) => {
    let t: TestBot;
    beforeAll(async () => {
      t = await startConcernBot({ provider });
    });
    afterAll(() => t?.close());

    const postAs = (user: string, text: string, options?: { thread_ts?: string }) =>
      t.standin.workspace.postAsUser(CHANNELS.commissioning.id, user, text, options);

    it("warns a reporter logging their own message anonymously, replaces the quote by default, and stores nothing of it", async () => {
      const own = postAs(
        PEOPLE.staff.id,
        "The area team says our diabetes pathway must be agreed at the network first.",
      );
      const { view } = await openFromMessage(t, PEOPLE.staff.id, CHANNELS.commissioning.id, own);
      expect(readable(view.blocks)).toContain("You wrote this message. If you choose confidential or anonymous");

      const anonymous = await choose(t, PEOPLE.staff.id, view.id, "identity_mode", "anonymous");
      const shown = readable(anonymous.blocks);
      expect(shown).toContain("*You wrote this message.*");
      expect(shown).toContain("Its text can be searched for in Slack, and the search shows who wrote it: you.");
      expect(shown).toContain("nothing of the message is stored: not its text, link, channel or author");
      const quote = anonymous.blocks.find((block) => block.block_id === "concern_quote") as {
        element: { initial_option?: { value: string } };
      };
      expect(quote.element.initial_option?.value).toBe("replace");
      expect(shown).toContain("The link to the message is never kept for an anonymous concern about your own message");
      expect(shown).not.toContain("Include a link to the original message");
      const update = t.standin.callsTo("views.update").at(-1);
      expect(update?.params.hash).toBeTruthy();

      const submitted = await t.slack.viewSubmission({
        user: PEOPLE.staff.id,
        viewId: anonymous.id,
        values: { ...FORM, identity_mode: "anonymous" },
      });
      expect(submitted.effect.kind).toBe("updated");
      const confirmation = readable(t.standin.openViewsFor(PEOPLE.staff.id).at(-1)?.blocks);
      expect(confirmation).toContain("The quoted message was not stored: your own words replace it.");
      const reference = referenceShownTo(t, PEOPLE.staff.id);
      const detail = await stored(t, Number(reference.slice(4)));
      expect(detail?.concern).toMatchObject({ source: null, quoteChoice: "replaced", reporter: { mode: "anonymous" } });
      // The quoted text held while the form was open goes once the concern is stored.
      await waitUntil(
        async () => (await t.bot.core.database.db.concernDraft.count({ where: { text: own.text } })) === 0,
      );
      const row = await t.bot.core.database.db.concern.findFirst({ where: { id: detail?.concern.id } });
      expect(JSON.stringify(row)).not.toContain("diabetes pathway");
      expect(JSON.stringify(row)).not.toContain(PEOPLE.staff.id);

      await waitUntil(() => Boolean(cardFor(t, reference)));
      const card = readable(cardFor(t, reference));
      expect(card).not.toContain("diabetes pathway");
      expect(card).toContain("replaced its quote with their own summary");
    });

    it("shows the quote of their own message on the card only when the reporter keeps it after the warning", async () => {
      const own = postAs(PEOPLE.staff.id, "Our running cost allowance was cut by the region without asking us.");
      const { view } = await openFromMessage(t, PEOPLE.staff.id, CHANNELS.commissioning.id, own);
      const anonymous = await choose(t, PEOPLE.staff.id, view.id, "identity_mode", "anonymous");
      await t.slack.viewSubmission({
        user: PEOPLE.staff.id,
        viewId: anonymous.id,
        values: { ...FORM, identity_mode: "anonymous", quote: "keep" },
      });
      const reference = referenceShownTo(t, PEOPLE.staff.id);
      const detail = await stored(t, Number(reference.slice(4)));
      expect(detail?.concern.quoteChoice).toBe("kept");
      // The link would lead to its author, the reporter: it is not kept, whatever else was chosen.
      expect(detail?.concern.source).toMatchObject({ text: own.text, permalink: null, author: null, channelId: null });
      await waitUntil(() => Boolean(cardFor(t, reference)));
      expect(readable(cardFor(t, reference))).toContain("running cost allowance was cut");
    });

    it("says a thread the reporter took part in gives them away too, for confidential concerns as well", async () => {
      const parent = postAs(PEOPLE.colleague.id, "Regional team update on the urgent care procurement.");
      postAs(PEOPLE.staff.id, "That contradicts what our governing body agreed.", { thread_ts: parent.ts });
      const { view } = await openFromMessage(t, PEOPLE.staff.id, CHANNELS.commissioning.id, parent);
      const confidential = await choose(t, PEOPLE.staff.id, view.id, "identity_mode", "confidential");
      expect(readable(confidential.blocks)).toContain("*You took part in this message's thread.*");
      await t.slack.viewSubmission({
        user: PEOPLE.staff.id,
        viewId: confidential.id,
        values: { ...FORM, identity_mode: "confidential" },
      });
      const reference = referenceShownTo(t, PEOPLE.staff.id);
      const detail = await stored(t, Number(reference.slice(4)));
      expect(detail?.concern).toMatchObject({ source: null, quoteChoice: "replaced" });
      await waitUntil(() => Boolean(cardFor(t, reference)));
      expect(readable(cardFor(t, reference))).not.toContain("urgent care procurement");
    });

    it("gives no own-message warning for someone else's message, and keeps its quote unless asked not to", async () => {
      const theirs = postAs(PEOPLE.colleague.id, "The senate has told us to drop our stroke service review.");
      const { view } = await openFromMessage(t, PEOPLE.staff.id, CHANNELS.commissioning.id, theirs);
      expect(readable(view.blocks)).not.toContain("You wrote this message");
      const anonymous = await choose(t, PEOPLE.staff.id, view.id, "identity_mode", "anonymous");
      const shown = readable(anonymous.blocks);
      expect(shown).not.toContain("You wrote this message");
      expect(shown).not.toContain("You took part in");
      expect(shown).toContain("You did not write this message.");
      expect(shown).toContain("Include a link to the original message");
      await t.slack.viewSubmission({
        user: PEOPLE.staff.id,
        viewId: anonymous.id,
        values: { ...FORM, identity_mode: "anonymous" },
      });
      const reference = referenceShownTo(t, PEOPLE.staff.id);
      expect((await stored(t, Number(reference.slice(4))))?.concern.quoteChoice).toBe("kept");
      await waitUntil(() => Boolean(cardFor(t, reference)));
      expect(readable(cardFor(t, reference))).toContain("drop our stroke service review");

      const again = postAs(PEOPLE.colleague.id, "The senate also wants to approve our dermatology referral guidance.");
      const second = await openFromMessage(t, PEOPLE.staff.id, CHANNELS.commissioning.id, again);
      // (Confidential: three anonymous concerns a day is the limit, and this reporter has sent three.)
      const chosen = await choose(t, PEOPLE.staff.id, second.view.id, "identity_mode", "confidential");
      await t.slack.viewSubmission({
        user: PEOPLE.staff.id,
        viewId: chosen.id,
        values: { ...FORM, identity_mode: "confidential", quote: "replace" },
      });
      const replaced = referenceShownTo(t, PEOPLE.staff.id);
      await waitUntil(() => Boolean(cardFor(t, replaced)));
      expect(readable(cardFor(t, replaced))).not.toContain("dermatology referral guidance");
    });

    it("says for each choice who can see what and what is stored, and talks of no link when there is no message", async () => {
      await t.slack.slashCommand({
        command: "/concerns",
        text: "new",
        user: PEOPLE.colleague.id,
        channel: CHANNELS.commissioning.id,
      });
      const blank = readable((await modalOf(t, PEOPLE.colleague.id, "concern_form")).blocks);
      expect(blank).toContain("*Named*: the concern leads and everyone in the triage channel see your name.");
      expect(blank).toContain(
        '*Confidential*: only the concern leads see your name; the triage channel sees "confidential".',
      );
      expect(blank).toContain("*Anonymous*: nobody sees who you are, not even the concern leads.");
      expect(blank).toContain("nothing about you (no user id, name or IP address)");
      expect(blank.toLowerCase()).not.toContain("link");
      expect(blank).not.toContain("the message");

      const { view } = await openFromMessage(
        t,
        PEOPLE.colleague.id,
        CHANNELS.commissioning.id,
        postAs(PEOPLE.staff.id, "The region picked our CSU."),
      );
      expect(readable(view.blocks)).toContain("the message's text only if you keep the quote");
    });

    it("counts the characters as they are typed, and says what happens at 3,000", async () => {
      const { view } = await openFromMessage(
        t,
        PEOPLE.colleague.id,
        CHANNELS.commissioning.id,
        postAs(PEOPLE.staff.id, "The Board set our QIPP target."),
      );
      const input = view.blocks.find((block) => block.block_id === "concern_what_happened") as {
        dispatch_action?: boolean;
        hint?: { text: string };
        element: { max_length?: number; dispatch_action_config?: { trigger_actions_on: string[] } };
      };
      expect(input.dispatch_action).toBe(true);
      expect(input.element.max_length).toBe(3000);
      expect(input.element.dispatch_action_config?.trigger_actions_on).toEqual(["on_character_entered"]);
      expect(input.hint?.text).toContain("text pasted beyond 3,000 characters is cut off");
      expect(readable(view.blocks)).toContain("Up to 3,000 characters.");

      const updates = t.standin.callsTo("views.update").length;
      for (const length of [10, 2_000, 2_700])
        await t.slack.blockAction({
          user: PEOPLE.colleague.id,
          actionId: "what_happened",
          container: { type: "view", viewId: view.id },
          value: "x".repeat(length),
        });
      await waitUntil(() => t.standin.callsTo("views.update").length > updates);
      await new Promise((resolve) => setTimeout(resolve, 400));
      // The keystrokes came close together: one update, with the latest count.
      expect(t.standin.callsTo("views.update").length).toBe(updates + 1);
      const counted = readable(t.standin.openViewsFor(PEOPLE.colleague.id).at(-1)?.blocks);
      expect(counted).toContain("2,700 of 3,000 characters: nearly full.");

      const full = await (async () => {
        const before = t.standin.callsTo("views.update").length;
        await t.slack.blockAction({
          user: PEOPLE.colleague.id,
          actionId: "what_happened",
          container: { type: "view", viewId: view.id },
          value: "y".repeat(3_000),
        });
        await waitUntil(() => t.standin.callsTo("views.update").length > before);
        return readable(t.standin.openViewsFor(PEOPLE.colleague.id).at(-1)?.blocks);
      })();
      expect(full).toContain("3,000 of 3,000 characters: the box is full. Slack takes no more");
      expect(full).toContain("its end was cut off here");
    });

    it("says a quoted message longer than the box is kept in full separately", async () => {
      const long = "The Board decided our community services model without us. ".repeat(80);
      const { view } = await openFromMessage(
        t,
        PEOPLE.colleague.id,
        CHANNELS.commissioning.id,
        postAs(PEOPLE.staff.id, long),
      );
      expect(readable(view.blocks)).toContain(
        `This message is ${long.trim().length.toLocaleString("en-GB")} characters long. It is kept in full separately`,
      );
      // Slack itself refuses more than max_length (the stand-in does too), so the box never holds more.
      await expect(
        t.slack.viewSubmission({
          user: PEOPLE.colleague.id,
          viewId: view.id,
          values: { ...FORM, what_happened: "x".repeat(3_001) },
        }),
      ).rejects.toThrow(/longer than 3000/);
    });
  },
);
