/**
 * The scenario file format. A scenario is data, not code: a teacher writes a JSON file that passes
 * this schema and drops it in a scenario folder. Cross-field checks (every member has a leader, a
 * brief and forces; no pledge above the forces available) live in `superRefine` so that a bad file
 * is refused with the path of the problem inside it.
 */
import { z } from "zod";
import {
  APPEAL_CHANNELS,
  ARTICLES,
  BASES,
  BILATERAL_RESPONSES,
  FORMS,
  FRAMINGS,
  STANCES,
  STATE_IDS,
  TASKS,
  TRACKS,
  VOTE_CHOICES,
  VOTE_FORMATS,
  type StateId,
} from "../rules/vocabulary.ts";
import { requestProblem, termsProblem } from "../rules/terms.ts";
import { LocationSchema } from "./location.ts";

export const LocalizedTextSchema = z.strictObject({
  en: z.string().min(1),
  ru: z.string().min(1),
});
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

const StateIdSchema = z.enum(STATE_IDS);
const score = z.number().min(0).max(10);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD");
const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "expected a kebab-case id");
/** A text that travels inside a timeline message (MessageSchema: at most 200 characters a string). */
const ShortTextSchema = z.strictObject({ en: z.string().min(1).max(200), ru: z.string().min(1).max(200) });

/**
 * The steps of a playbook that happened on a date of the historical timeline (docs/game.md, "Bots").
 * `lobby` is a leader's lobbying of its own chamber before a re-vote.
 */
export const PLAYBOOK_STEPS = [
  "appeal",
  "informalAppeal",
  "bilateral",
  "proposal",
  "callVote",
  "pledge",
  "stance",
  "vote",
  "refuseToSign",
  "submit",
  "lobby",
  "revote",
  "withdraw",
  "missionEnd",
] as const;
export type PlaybookStep = (typeof PLAYBOOK_STEPS)[number];

/**
 * Where a playbook step happened: the id of the historical timeline entry, and the reason the real
 * actor gave (or, when the record holds none, the reason its objectives and the situation give; never
 * "as in reality"). A step about a text (`form`) is the historical one only on a text of that form.
 */
export const StepRefSchema = z.strictObject({
  at: kebab,
  reason: ShortTextSchema,
  form: z.enum(FORMS).optional(),
});
export type StepRef = z.infer<typeof StepRefSchema>;

/**
 * A condition on the end of a game, used by objectives (docs/game.md, "Scoring"). Evaluated in
 * rules/outcome.ts.
 */
export const ConditionSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("track"),
    track: z.enum(TRACKS),
    atMost: score.optional(),
    atLeast: score.optional(),
  }),
  z.strictObject({ type: z.literal("standing"), atMost: score.optional(), atLeast: score.optional() }),
  z.strictObject({ type: z.literal("decision"), value: z.boolean() }),
  z.strictObject({ type: z.literal("form"), forms: z.array(z.enum(FORMS)).min(1) }),
  z.strictObject({ type: z.literal("deployed"), value: z.boolean() }),
  z.strictObject({ type: z.literal("ownTroopsAbroad"), value: z.boolean() }),
  z.strictObject({ type: z.literal("leadNation"), state: StateIdSchema }),
  z.strictObject({ type: z.literal("decidedWithinHours"), hours: z.number().positive() }),
  z.strictObject({ type: z.literal("missionDaysAtMost"), days: z.number().positive() }),
  z.strictObject({ type: z.literal("formalRequest"), value: z.boolean() }),
  z.strictObject({ type: z.literal("bilateralDeployment"), value: z.boolean() }),
  z.strictObject({ type: z.literal("crisisContained") }),
]);
export type Condition = z.infer<typeof ConditionSchema>;

export const ObjectiveSchema = z.strictObject({
  id: z.string().min(1),
  weight: z.number().int().min(-10).max(10),
  text: LocalizedTextSchema,
  condition: ConditionSchema,
});
export type Objective = z.infer<typeof ObjectiveSchema>;

/**
 * What the real actor did, read only by the historical bot of that seat (it is part of the seat's
 * private brief). Fields a state never used are left out.
 */
export const PlaybookSchema = z.strictObject({
  /** The affected state's request. */
  appeal: z
    .strictObject({
      channel: z.enum(APPEAL_CHANNELS),
      article: z.enum(ARTICLES).optional(),
      framing: z.enum(FRAMINGS).optional(),
      target: StateIdSchema.optional(),
    })
    .optional(),
  /** Carries an informal appeal on the affected state's behalf (as Lukashenko for Bakiyev, 2010). */
  informalAppeal: z.boolean().optional(),
  /** Answer when this state receives a bilateral request. */
  bilateralResponse: z.enum(BILATERAL_RESPONSES).optional(),
  /** Troops sent under a bilateral answer (`assist`). */
  bilateralTroops: z.number().int().min(0).optional(),
  /** The proposal this state tables in consultations, if it tabled one. */
  proposal: z
    .strictObject({
      basis: z.enum(BASES),
      form: z.enum(FORMS),
      tasks: z.array(z.enum(TASKS)),
      timeLimitDays: z.number().int().min(1).max(365),
    })
    .optional(),
  /** The forms this actor accepted; a proposal of another form meets `onOther`. */
  accepts: z.array(z.enum(FORMS)),
  onOther: z.enum(STANCES),
  vote: z.enum(VOTE_CHOICES),
  refuseToSign: z.boolean().optional(),
  /** Troops pledged to a collective force. */
  pledge: z.number().int().min(0),
  /** The chair's choice of council format. */
  voteFormat: z.enum(VOTE_FORMATS).optional(),
  /** Calls a re-vote after a failed national approval. */
  revote: z.boolean().optional(),
  /** The host: days after arrival before it ends the mission. */
  missionDays: z.number().int().min(1).optional(),
  /** Lobbies its own chamber once, after a failed sitting, before the re-vote. */
  lobbyOwn: z.boolean().optional(),
  /** Each step's date on the historical timeline and the actor's stated reason. */
  steps: z.partialRecord(z.enum(PLAYBOOK_STEPS), StepRefSchema).optional(),
});
export type Playbook = z.infer<typeof PlaybookSchema>;

export const BriefSchema = z.strictObject({
  text: LocalizedTextSchema,
  /** Political capital at the start (private). */
  capital: z.number().int().min(0).max(20),
  objectives: z.array(ObjectiveSchema).min(1),
  playbook: PlaybookSchema,
});
export type Brief = z.infer<typeof BriefSchema>;

export const LeaderSchema = z.strictObject({ name: LocalizedTextSchema, title: LocalizedTextSchema });

export const ForceSchema = z.strictObject({
  /** Troops this state could send in that year (for Belarus: professional units only). */
  available: z.number().int().min(0),
  /** Hours from the order to arrival in the affected state. */
  transportHours: z
    .number()
    .min(0)
    .max(24 * 14),
  /**
   * The member whose aircraft carry this contingent to an alliance force (Russia's, for most small
   * contingents): it leaves with that member's own contingent, and stays home if that one does not go.
   */
  airliftBy: StateIdSchema.optional(),
  units: LocalizedTextSchema,
});

/** Scenario-specific adjustments to a state's chamber vote (e.g. holiday absences in January 2022). */
export const ApprovalOverrideSchema = z.strictObject({
  /** Share of deputies present at each successive sitting (the last repeats). */
  attendance: z.array(z.number().min(0).max(1)).min(1).optional(),
  /** Added to every bloc's leaning (−1…1) for this crisis. */
  leaningShift: z.number().min(-1).max(1).optional(),
});

const TrackDeltaSchema = z.strictObject({
  severity: z.number().optional(),
  credibility: z.number().optional(),
  legitimacy: z.number().optional(),
  sovereignty: z.number().optional(),
  standing: z.partialRecord(StateIdSchema, z.number()).optional(),
});
export type TrackDelta = z.infer<typeof TrackDeltaSchema>;

export const ScenarioEventSchema = z.strictObject({
  id: z.string().min(1),
  text: LocalizedTextSchema,
  /** When it may fire: once as consultations open, once when a decision passes, or each deployment day. */
  trigger: z.enum(["consultations", "decision", "deploymentDay"]),
  chance: z.number().min(0).max(1),
  /** Fires only if CSTO troops are (or are not) present. */
  requiresTroops: z.boolean().optional(),
  effects: TrackDeltaSchema,
});
export type ScenarioEvent = z.infer<typeof ScenarioEventSchema>;

export const HistoricalOutcomeSchema = z.strictObject({
  /** CSTO troops deployed. */
  deployed: z.boolean(),
  /** Form of the CSC decision, or `none` when the council took no decision. */
  form: z.enum([...FORMS, "none"]),
  /** The first state whose national approval failed a vote, or null. */
  firstFailedApproval: StateIdSchema.nullable(),
  /** The council decided within 24 hours of the crisis start (false also when it never decided). */
  decidedWithinDay: z.boolean(),
  /** The state that deployed troops outside the CSTO, or null. */
  bilateralDeployment: StateIdSchema.nullable(),
  /** Mission length at most this many days (checked only if set). */
  missionDaysAtMost: z.number().positive().optional(),
  /** How each national approval ended, for every state that went through one (none: `{}`). */
  approvals: z.partialRecord(StateIdSchema, z.enum(["passed", "failed", "withdrawn"])),
});
export type HistoricalOutcome = z.infer<typeof HistoricalOutcomeSchema>;

export const ScenarioSchema = z
  .strictObject({
    id: kebab,
    title: LocalizedTextSchema,
    date: isoDate,
    members: z.array(StateIdSchema).min(2),
    /** The affected state: the one in crisis, and the requester if it asks. */
    host: StateIdSchema,
    chair: StateIdSchema,
    leaders: z.partialRecord(StateIdSchema, LeaderSchema),
    situation: LocalizedTextSchema,
    /** Where the crisis is: the map's marker, its sites, and the routes' end (location.ts). */
    location: LocationSchema,
    briefs: z.partialRecord(StateIdSchema, BriefSchema),
    evidence: z.record(z.enum(FRAMINGS), score),
    tracks: z.strictObject({
      severity: score,
      credibility: score,
      legitimacy: score,
      sovereignty: score,
      standing: z.partialRecord(StateIdSchema, score),
    }),
    /** Severity added per in-game day while the alliance deliberates. */
    escalationPerDay: z.number().min(0).max(5),
    /** Severity the host removes per day on its own once deliberation is over. */
    selfResolutionPerDay: z.number().min(0).max(5),
    /** Severity removed per day per 1,000 foreign troops present. */
    forceEffectPer1000PerDay: z.number().min(0).max(10),
    /** Missions longer than this need Russia's Federation Council even under standing consent. */
    longMissionDays: z.number().int().positive(),
    forces: z.partialRecord(StateIdSchema, ForceSchema),
    approvalOverrides: z.partialRecord(StateIdSchema, ApprovalOverrideSchema).optional(),
    events: z.array(ScenarioEventSchema),
    historical: z.strictObject({
      summary: LocalizedTextSchema,
      outcome: HistoricalOutcomeSchema,
      timeline: z.array(z.strictObject({ id: kebab, date: isoDate, text: LocalizedTextSchema })).min(1),
    }),
    questions: z
      .array(
        z.strictObject({
          id: z.string().min(1),
          question: LocalizedTextSchema,
          positions: z.array(
            z.strictObject({
              actor: LocalizedTextSchema,
              position: LocalizedTextSchema,
              source: z.string().min(1),
            }),
          ),
        }),
      )
      .min(1),
    sources: z.array(z.strictObject({ title: z.string().min(1), url: z.url() })).min(1),
  })
  .superRefine((s, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: "custom", path, message });
    const members = new Set<StateId>(s.members);
    if (members.size !== s.members.length) issue(["members"], "a state is listed twice");
    if (!members.has(s.host)) issue(["host"], `host ${s.host} is not a member`);
    if (!members.has(s.chair)) issue(["chair"], `chair ${s.chair} is not a member`);
    for (const id of s.members) {
      if (!s.leaders[id]) issue(["leaders", id], `member ${id} has no leader`);
      if (!s.briefs[id]) issue(["briefs", id], `member ${id} has no brief`);
      if (!s.forces[id]) issue(["forces", id], `member ${id} has no forces entry`);
      if (s.tracks.standing[id] === undefined)
        issue(["tracks", "standing", id], `member ${id} has no standing`);
      const by = s.forces[id]?.airliftBy;
      if (by !== undefined && (by === id || !members.has(by)))
        issue(["forces", id, "airliftBy"], `${id}'s airlift must come from another member, not ${by}`);
    }
    for (const group of ["leaders", "briefs", "forces"] as const) {
      for (const id of Object.keys(s[group]) as StateId[]) {
        if (!members.has(id)) issue([group, id], `${id} is not a member in this scenario`);
      }
    }
    for (const [id, brief] of Object.entries(s.briefs) as [StateId, z.infer<typeof BriefSchema>][]) {
      const available = s.forces[id]?.available ?? 0;
      if (brief.playbook.pledge > available) {
        issue(
          ["briefs", id, "playbook", "pledge"],
          `pledge of ${brief.playbook.pledge} is above the ${available} troops ${id} has available`,
        );
      }
      if (id === s.host && brief.playbook.pledge > 0) {
        issue(["briefs", id, "playbook", "pledge"], "the affected state cannot pledge troops to itself");
      }
      const pb = brief.playbook;
      const at = (...rest: string[]) => ["briefs", id, "playbook", ...rest];
      if (pb.appeal) {
        if (id !== s.host) issue(at("appeal"), "only the affected state makes the request");
        const bad = requestProblem(pb.appeal, s.host, s.members);
        if (bad)
          issue(
            at("appeal", String(bad.message.params?.field ?? "")),
            `the rules would refuse this request (${bad.code})`,
          );
      }
      if (pb.bilateralResponse === "assist") {
        const troops = pb.bilateralTroops ?? 0;
        if (troops < 1 || troops > available) {
          issue(
            at("bilateralTroops"),
            `bilateral troops must be between 1 and the ${available} ${id} has available`,
          );
        }
      }
      if (pb.proposal) {
        const hostAppeal = s.briefs[s.host]?.playbook.appeal ?? null;
        const bad = termsProblem(hostAppeal, pb.proposal);
        if (bad)
          issue(
            at("proposal"),
            `the rules would refuse this proposal after the host's request (${bad.code})`,
          );
      }
    }
    const ids = new Set<string>();
    s.events.forEach((e, i) => {
      if (ids.has(e.id)) issue(["events", i, "id"], `event id ${e.id} is used twice`);
      ids.add(e.id);
    });
    checkHistory(s, issue);
  });
export type Scenario = z.infer<typeof ScenarioSchema>;

type Issue = (path: (string | number)[], message: string) => void;

/** Timeline ids are unique, every playbook step points at one, and the approvals are members'. */
function checkHistory(s: Scenario, issue: Issue): void {
  const entries = new Set<string>();
  s.historical.timeline.forEach((entry, i) => {
    if (entries.has(entry.id))
      issue(["historical", "timeline", i, "id"], `timeline id ${entry.id} is used twice`);
    entries.add(entry.id);
  });
  for (const [id, brief] of Object.entries(s.briefs) as [StateId, Brief][]) {
    for (const [step, ref] of Object.entries(brief.playbook.steps ?? {}) as [PlaybookStep, StepRef][]) {
      if (!entries.has(ref.at))
        issue(["briefs", id, "playbook", "steps", step, "at"], `no timeline entry has the id ${ref.at}`);
    }
  }
  const outcome = s.historical.outcome;
  for (const id of Object.keys(outcome.approvals) as StateId[]) {
    if (!s.members.includes(id))
      issue(["historical", "outcome", "approvals", id], `${id} is not a member in this scenario`);
  }
  const failed = outcome.firstFailedApproval;
  if (failed && !outcome.approvals[failed])
    issue(["historical", "outcome", "approvals"], `${failed} failed an approval but has no approval listed`);
}
