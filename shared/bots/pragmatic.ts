/**
 * The pragmatic and hard-line bots: they weigh each choice against their own objectives (read from
 * their private brief) and the public facts — the evidence for the framing, the crisis severity —
 * with a little seeded noise, so the game is not on rails. They negotiate: an objection or a
 * stand-aside names the parts of the text it is about, a proposer meets or answers them, and a bot
 * that would not endorse asks for the change that would win it, or tables a counter-proposal. The
 * hard-line temperament blocks readily, pledges little, asks more and concedes less.
 */
import type { Action } from "../rules/actions.ts";
import { Rng, seedToRng } from "../rules/rng.ts";
import type { Bot } from "./bot.ts";
import { can } from "./common.ts";
import { approvals } from "./pragmatic/approvals.ts";
import { consult } from "./pragmatic/consultations.ts";
import { vote } from "./pragmatic/council.ts";
import { deployment } from "./pragmatic/deployment.ts";
import { newMemory, TEMPERAMENTS, worseningSeen, type Ctx } from "./pragmatic/judgement.ts";
import { appeal, bilateral } from "./pragmatic/opening.ts";
import { preferencesOf, type Preferences } from "./preferences.ts";

export function createPragmaticBot(kind: "pragmatic" | "hardline", seed: string): Bot {
  const rng = new Rng(seedToRng(seed));
  const temperament = TEMPERAMENTS[kind];
  const memory = newMemory();
  let prefs: Preferences | undefined;
  return {
    kind,
    act(view, legal, context) {
      const me = view.private;
      if (!me || me.role !== "leader") return null;
      prefs ??= preferencesOf(me.objectives, me.state);
      const ctx: Ctx = { view, me, legal, prefs, temperament, rng, memory, context: context ?? {} };
      worseningSeen(ctx);
      return decide(ctx);
    },
  };
}

function decide(ctx: Ctx): Action | null {
  const { view, legal } = ctx;
  switch (view.phase) {
    case "briefing":
      return can(legal, "ready") ? { type: "ready" } : null;
    case "appeal":
      return appeal(ctx);
    case "bilateral":
      return bilateral(ctx);
    case "consultations":
      return consult(ctx);
    case "council":
      return vote(ctx);
    case "approvals":
      return approvals(ctx);
    case "deployment":
      return deployment(ctx);
    case "debrief":
      return null;
  }
}
