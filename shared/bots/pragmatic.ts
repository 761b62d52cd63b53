/**
 * The pragmatic and hard-line bots: they weigh each choice against their own objectives (read from
 * their private brief) and the public facts — the evidence for the framing, the crisis severity —
 * with a little seeded noise, so the game is not on rails. The hard-line temperament blocks readily,
 * pledges little and bargains hard.
 */
import type { Action } from "../rules/actions.ts";
import { Rng, seedToRng } from "../rules/rng.ts";
import type { Bot } from "./bot.ts";
import { can } from "./common.ts";
import { approvals } from "./pragmatic/approvals.ts";
import { consult } from "./pragmatic/consultations.ts";
import { vote } from "./pragmatic/council.ts";
import { deployment } from "./pragmatic/deployment.ts";
import { TEMPERAMENTS, type Ctx, type Memory } from "./pragmatic/judgement.ts";
import { appeal, bilateral } from "./pragmatic/opening.ts";
import { preferencesOf, type Preferences } from "./preferences.ts";

export function createPragmaticBot(kind: "pragmatic" | "hardline", seed: string): Bot {
  const rng = new Rng(seedToRng(seed));
  const t = TEMPERAMENTS[kind];
  const memory: Memory = {
    passes: 0,
    amendedInRound: -1,
    lobbied: new Set(),
    revotes: 0,
    lastSignature: "",
    judged: new Map(),
  };
  let prefs: Preferences | undefined;
  return {
    kind,
    act(v, legal) {
      const me = v.private;
      if (!me || me.role !== "leader") return null;
      prefs ??= preferencesOf(me.objectives, me.state);
      return decide({ v, me, legal, prefs, t, rng, memory });
    },
  };
}

function decide(c: Ctx): Action | null {
  const { v, legal } = c;
  switch (v.phase) {
    case "briefing":
      return can(legal, "ready") ? { type: "ready" } : null;
    case "appeal":
      return appeal(c);
    case "bilateral":
      return bilateral(c);
    case "consultations":
      return consult(c);
    case "council":
      return vote(c);
    case "approvals":
      return approvals(c);
    case "deployment":
      return deployment(c);
    case "debrief":
      return null;
  }
}
