/**
 * The domain's words, as const arrays with their unions. Every schema and every table in the
 * game is built from these, so a misspelt state or phase is a type error, not a silent bug.
 */

/** Member states, by ISO-like two-letter codes. Uzbekistan is a member only in 2006–2012. */
export const STATE_IDS = ["RU", "KZ", "BY", "AM", "KG", "TJ", "UZ"] as const;
export type StateId = (typeof STATE_IDS)[number];

/**
 * The phases of one crisis (docs/game.md, "One crisis"), in order. `bilateral` only follows a
 * bilateral request.
 */
export const PHASES = [
  "briefing",
  "appeal",
  "bilateral",
  "consultations",
  "council",
  "approvals",
  "deployment",
  "debrief",
] as const;
export type Phase = (typeof PHASES)[number];

/** How the affected state asks for help. `informal` has no legal effect; `bilateral` leaves the CSTO out. */
export const APPEAL_CHANNELS = ["none", "informal", "bilateral", "formal"] as const;
export type AppealChannel = (typeof APPEAL_CHANNELS)[number];

/** Treaty article of a formal request: Art. 2 (threat → consultations) or Art. 4 (aggression → assistance). */
export const ARTICLES = ["art2", "art4"] as const;
export type Article = (typeof ARTICLES)[number];

/** How the requester frames the threat. Each scenario gives each framing an evidence level. */
export const FRAMINGS = [
  "externalAggression",
  "terrorismForeignLinks",
  "borderIncident",
  "domesticUnrest",
] as const;
export type Framing = (typeof FRAMINGS)[number];

/**
 * How strongly a framing claims a case for collective force (0–10). A framing whose claim exceeds the
 * scenario's evidence for it costs legitimacy, and deputies notice it.
 */
export const FRAMING_CLAIM: Record<Framing, number> = {
  externalAggression: 9,
  terrorismForeignLinks: 7,
  borderIncident: 4,
  domesticUnrest: 2,
};

/** Framings that can carry an Article 4 request (aggression or an armed attack). */
export const ART4_FRAMINGS: readonly Framing[] = ["externalAggression", "terrorismForeignLinks"];

/** Legal basis of a proposal: the treaty articles or the 2007 peacekeeping agreement. */
export const BASES = ["art2", "art4", "peacekeeping"] as const;
export type Basis = (typeof BASES)[number];

/** Form of the alliance's answer, weakest first. The last two send troops. */
export const FORMS = ["statement", "assessment", "equipment", "peacekeeping", "collectiveForce"] as const;
export type Form = (typeof FORMS)[number];
export const TROOP_FORMS: readonly Form[] = ["peacekeeping", "collectiveForce"];

export const TASKS = ["guardSites", "secureBorders", "restoreOrder", "humanitarian"] as const;
export type Task = (typeof TASKS)[number];

/** Positions in consultations and choices in the council vote. */
export const STANCES = ["endorse", "object", "standAside"] as const;
export type Stance = (typeof STANCES)[number];
export const VOTE_CHOICES = ["support", "object", "standAside"] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

/**
 * The parts of a proposal an objection or a stand-aside can be about (docs/game.md, "Negotiation"):
 * its legal basis, its form, its tasks, its time limit, a state's pledge, the framing of the request.
 */
export const CONCERNS = ["basis", "form", "tasks", "timeLimit", "pledge", "framing"] as const;
export type Concern = (typeof CONCERNS)[number];

/** Council formats trade speed against how many amendment rounds remain (docs/game.md, "Council vote"). */
export const VOTE_FORMATS = ["phone", "video", "summit"] as const;
export type VoteFormat = (typeof VOTE_FORMATS)[number];

export const BILATERAL_RESPONSES = ["decline", "referToAlliance", "assist"] as const;
export type BilateralResponse = (typeof BILATERAL_RESPONSES)[number];

/** Kinds of national approval procedure (docs/game.md, "National approvals"). */
export const PROCEDURE_KINDS = [
  "president",
  "government",
  "standingConsent",
  "upperHouse",
  "parliament",
  "jointSession",
] as const;
export type ProcedureKind = (typeof PROCEDURE_KINDS)[number];

export const DEPUTY_VOTES = ["yes", "no", "abstain"] as const;
export type DeputyVote = (typeof DEPUTY_VOTES)[number];

/** Public tracks on a 0–10 scale (docs/game.md, "Tracks"). Domestic standing is per state. */
export const TRACKS = ["severity", "credibility", "legitimacy", "sovereignty"] as const;
export type Track = (typeof TRACKS)[number];

export const BOT_KINDS = ["historical", "pragmatic", "hardline"] as const;
export type BotKind = (typeof BOT_KINDS)[number];
