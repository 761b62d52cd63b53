/**
 * Every action a seat can take, as zod schemas. The server parses client input with `ActionSchema`;
 * the rules trust only parsed actions. Bots attach a `reason` (a translatable message) to public steps.
 */
import { z } from "zod";
import {
  APPEAL_CHANNELS,
  ARTICLES,
  BASES,
  BILATERAL_RESPONSES,
  CONCERNS,
  DEPUTY_VOTES,
  FORMS,
  FRAMINGS,
  STANCES,
  STATE_IDS,
  TASKS,
  VOTE_CHOICES,
  VOTE_FORMATS,
} from "./vocabulary.ts";

/** A translatable message: a key in shared/i18n and its parameters. */
export const MessageSchema = z.strictObject({
  key: z.string().min(1).max(80),
  params: z.record(z.string().max(40), z.union([z.string().max(200), z.number()])).optional(),
});
export type Message = z.infer<typeof MessageSchema>;

/**
 * A stated reason: a `reason.*` message with a few short parameters. Free text belongs in chat, where
 * length, rate and mute apply; a reason cannot pose as a system line of the timeline.
 */
export const ReasonSchema = z.strictObject({
  key: z.string().regex(/^reason\.[A-Za-z.]{1,60}$/, "a reason is a reason.* message"),
  params: z
    .record(z.string().max(20), z.union([z.string().max(40), z.number()]))
    .refine((params) => Object.keys(params).length <= 6, "at most 6 parameters")
    .optional(),
});

const reason = { reason: ReasonSchema.optional() };

/** Characters that show nothing (zero-width, bidi controls) or control the terminal; a note may not hold them. */
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;

/**
 * What an objection or a stand-aside is about: the parts of the proposal it names, the state whose
 * pledge it means (with `pledge`), and a short line of the person's own words. Bots name parts only.
 */
const concerns = {
  concerns: z
    .array(z.enum(CONCERNS))
    .min(1)
    .max(CONCERNS.length)
    .refine((list) => new Set(list).size === list.length, "a part is named twice")
    .optional(),
  pledgeOf: z.enum(STATE_IDS).optional(),
  note: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((text) => !INVISIBLE.test(text), "the note holds invisible or control characters")
    .optional(),
};
const troops = z.number().int().min(0).max(100_000);

export const ProposalTermsSchema = z.strictObject({
  basis: z.enum(BASES),
  form: z.enum(FORMS),
  tasks: z.array(z.enum(TASKS)).max(TASKS.length),
  timeLimitDays: z.number().int().min(1).max(365),
});
export type ProposalTerms = z.infer<typeof ProposalTermsSchema>;

export const ActionSchema = z.discriminatedUnion("type", [
  /** Briefing: this leader has read the brief. */
  z.strictObject({ type: z.literal("ready") }),
  /** Appeal: any leader passes on the affected state's plea informally. No legal effect. */
  z.strictObject({ type: z.literal("informalAppeal"), framing: z.enum(FRAMINGS), ...reason }),
  /** Appeal: the affected state's decision. */
  z.strictObject({
    type: z.literal("requestAssistance"),
    channel: z.enum(APPEAL_CHANNELS),
    article: z.enum(ARTICLES).optional(),
    framing: z.enum(FRAMINGS).optional(),
    target: z.enum(STATE_IDS).optional(),
    ...reason,
  }),
  /** Bilateral: the state asked bilaterally answers. */
  z.strictObject({
    type: z.literal("respondBilateral"),
    response: z.enum(BILATERAL_RESPONSES),
    troops: troops.optional(),
    ...reason,
  }),
  /** Consultations: table a proposal, or amend the one on the table. */
  z.strictObject({ type: z.literal("propose"), terms: ProposalTermsSchema, ...reason }),
  /** Consultations: pledge this state's contingent (0 withdraws it). */
  z.strictObject({ type: z.literal("pledge"), troops, ...reason }),
  /** Consultations: endorse, object or stand aside; an objection or a stand-aside may say why. */
  z.strictObject({ type: z.literal("position"), stance: z.enum(STANCES), ...concerns, ...reason }),
  /**
   * Consultations: whoever tabled the text (or the chair) answers a member's concerns without
   * changing it, and says why (a bot's reason, a person's note). Changing it is `propose`.
   */
  z.strictObject({
    type: z.literal("answerConcerns"),
    to: z.enum(STATE_IDS),
    note: concerns.note,
    ...reason,
  }),
  /** Consultations: the chair calls the vote in a format. */
  z.strictObject({ type: z.literal("callVote"), format: z.enum(VOTE_FORMATS), ...reason }),
  /** Consultations: a member asks for an extraordinary session; two such requests call the vote. */
  z.strictObject({ type: z.literal("requestSession"), ...reason }),
  /** Consultations or council: the affected state withdraws its request. */
  z.strictObject({ type: z.literal("withdrawRequest"), ...reason }),
  z.strictObject({
    type: z.literal("vote"),
    choice: z.enum(VOTE_CHOICES),
    refuseToSign: z.boolean().optional(),
    ...concerns,
    ...reason,
  }),
  /** Approvals: send the pledge to the national procedure (again, after a failure: a re-vote). */
  z.strictObject({ type: z.literal("submitApproval"), ...reason }),
  /** Approvals: spend political capital on a state's deputies. */
  z.strictObject({ type: z.literal("lobby"), target: z.enum(STATE_IDS), ...reason }),
  z.strictObject({ type: z.literal("withdrawPledge"), ...reason }),
  z.strictObject({ type: z.literal("deputyVote"), vote: z.enum(DEPUTY_VOTES) }),
  /** Deployment: the host's daily choice. */
  z.strictObject({ type: z.literal("missionDay"), decision: z.enum(["stay", "end"]), ...reason }),
  z.strictObject({ type: z.literal("pressToLeave"), ...reason }),
  z.strictObject({ type: z.literal("withdrawContingent"), ...reason }),
  /** The room clock: the phase timer ran out. Only the system seat sends it. */
  z.strictObject({ type: z.literal("timerExpired") }),
  /**
   * A facilitator's inject, sent by the system seat: one of the scenario's prepared events, or a short
   * text written on the spot — public news, or a secret instruction to one leader.
   */
  z.strictObject({
    type: z.literal("inject"),
    event: z.string().min(1).max(80).optional(),
    text: z.strictObject({ en: z.string().min(1).max(500), ru: z.string().min(1).max(500) }).optional(),
    to: z.enum(STATE_IDS).optional(),
  }),
]);
export type Action = z.infer<typeof ActionSchema>;
export type ActionType = Action["type"];
export type ActionOf<T extends ActionType> = Extract<Action, { type: T }>;
export const ACTION_TYPES = ActionSchema.options.map(
  (option) => option.shape.type.value,
) as readonly ActionType[];
