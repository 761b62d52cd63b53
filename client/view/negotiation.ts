/**
 * Negotiation over the text on the table, as the screens show it: the parts of the text a member can
 * name (each with what the text says now), each member's concerns with who raised them, what they name,
 * their words and whether they were answered, where this seat stands, and whom it may answer.
 */
import { term, type Language } from "../../shared/i18n/index.ts";
import { partsToName, type NamedPart } from "../../shared/bots/negotiation.ts";
import type { Concern, Concerns, Stance, StateId } from "../../shared/rules/index.ts";
import { legalOf } from "./actions.ts";
import { myState, type Snapshot } from "./snapshot.ts";
import { t } from "./text.ts";

/** A part of the text in plain words, with what the text says now: "the time limit (21 days)". */
export function partLabel(snap: Snapshot, lang: Language, concern: Concern, pledgeOf?: StateId): string {
  const proposal = snap.view.proposal;
  switch (concern) {
    case "basis":
      return t(lang, "ui.negotiation.part.basis", { basis: proposal?.basis ?? "" });
    case "form":
      return t(lang, "ui.negotiation.part.form", { form: proposal?.form ?? "" });
    case "tasks":
      return proposal && proposal.tasks.length > 0
        ? t(lang, "ui.negotiation.part.tasks", { tasks: proposal.tasks.join(", ") })
        : term(lang, "tasks");
    case "timeLimit":
      return t(lang, "ui.negotiation.part.timeLimit", { days: proposal?.timeLimitDays ?? 0 });
    case "pledge":
      return pledgeOf
        ? t(lang, "ui.negotiation.part.pledge", {
            state: pledgeOf,
            troops: proposal?.contingents[pledgeOf] ?? 0,
          })
        : t(lang, "ui.negotiation.part.pledgeAny");
    case "framing": {
      const framing = snap.view.appeal?.framing;
      return framing ? t(lang, "ui.negotiation.part.framing", { framing }) : term(lang, "framing");
    }
  }
}

/** What a member's concerns name, in plain words, joined: "the time limit (21 days); the tasks (…)". */
function namedOf(snap: Snapshot, lang: Language, concerns: Concerns): string {
  return concerns.points
    .map((point) => partLabel(snap, lang, point, point === "pledge" ? concerns.pledgeOf : undefined))
    .join("; ");
}

/** A person's own words, quoted as the language quotes (never passed through the term translation). */
export const quoted = (lang: Language, note: string): string =>
  t(lang, "ui.negotiation.said").replace("{note}", note);

/** A member and what its concerns name: "Belarus: the time limit (21 days)". */
function targetLabel(snap: Snapshot, lang: Language, state: StateId, concerns: Concerns | undefined): string {
  const parts =
    concerns && concerns.points.length > 0
      ? namedOf(snap, lang, concerns)
      : t(lang, "ui.negotiation.nothingNamed");
  return t(lang, "ui.negotiation.target", { state }).replace("{parts}", parts);
}

export interface PartChoice {
  concern: Concern;
  label: string;
  checked: boolean;
}

export interface PartChoicesVM {
  /** The parts other than pledges, each a checkbox. */
  parts: PartChoice[];
  /** Pledges: one checkbox for `pledge`, and whose pledge (one state: fixed; several: a choice). */
  pledge: {
    label: string;
    checked: boolean;
    states: { value: StateId; label: string }[];
    selected: string;
  } | null;
  note: string;
}

/** The parts an objection or a stand-aside can name, ticked where this seat already names them. */
export function partChoicesVM(snap: Snapshot, lang: Language): PartChoicesVM {
  const me = myState(snap);
  const mine = me ? snap.view.concerns[me] : undefined;
  const named = partsToName(snap.view, me ?? undefined);
  const pledges = named.filter((part): part is NamedPart & { pledgeOf: StateId } => !!part.pledgeOf);
  const onlyPledge = pledges.length === 1 ? pledges[0] : undefined;
  return {
    parts: named
      .filter((part) => part.concern !== "pledge")
      .map((part) => ({
        concern: part.concern,
        label: partLabel(snap, lang, part.concern),
        checked: mine?.points.includes(part.concern) === true,
      })),
    pledge:
      pledges.length === 0
        ? null
        : {
            label: partLabel(snap, lang, "pledge", onlyPledge?.pledgeOf),
            checked: mine?.points.includes("pledge") === true,
            states: pledges.map((part) => ({
              value: part.pledgeOf,
              label: partLabel(snap, lang, "pledge", part.pledgeOf),
            })),
            selected: mine?.pledgeOf ?? pledges[0]?.pledgeOf ?? "",
          },
    note: mine?.note ?? "",
  };
}

export interface StanceButton {
  stance: Stance;
  label: string;
  /** This seat holds the stance on this text already. */
  held: boolean;
  /** Why this one button cannot be used although the position is legal (the stance held, with nothing to add). */
  unavailable: string | null;
}

export interface PositionVM {
  /** Where this seat stands on the text now, in words. */
  current: string;
  buttons: StanceButton[];
}

/**
 * The position form: a stance already held is not offered as a fresh choice. An endorsement held is
 * disabled (the rules would refuse it as done); an objection or a stand-aside held is offered as an
 * update of what it names.
 */
export function positionVM(snap: Snapshot, lang: Language): PositionVM {
  const me = myState(snap);
  const held = me ? snap.view.positions[me] : undefined;
  const proposer = !!me && snap.view.proposal?.by === me;
  const current = !held
    ? t(lang, "ui.negotiation.yours.none")
    : proposer && held === "endorse"
      ? t(lang, "ui.negotiation.yours.proposer")
      : t(lang, `ui.negotiation.yours.${held}`);
  const stances: Stance[] = ["endorse", "object", "standAside"];
  return {
    current,
    buttons: stances.map((stance) => ({
      stance,
      label:
        held === stance && stance !== "endorse"
          ? t(lang, `ui.negotiation.update.${stance}`)
          : term(lang, stance),
      held: held === stance,
      unavailable: held === stance && stance === "endorse" ? t(lang, "ui.negotiation.held") : null,
    })),
  };
}

export interface ConcernRow {
  state: StateId;
  /** "Belarus objects" */
  who: string;
  stance: Concerns["stance"];
  /** What it names, in plain words, or that it names nothing. */
  names: string;
  /** The person's own words, quoted, or null. */
  said: string | null;
  answered: boolean;
  status: string;
}

/** Each member's concerns about the text on the table, for everyone to read. */
export function concernsVM(snap: Snapshot, lang: Language): ConcernRow[] {
  const view = snap.view;
  const answerer = view.proposal?.by ?? view.scenario.chair;
  return view.scenario.members.flatMap((state): ConcernRow[] => {
    const concerns = view.concerns[state];
    if (!concerns) return [];
    return [
      {
        state,
        who: t(lang, `ui.negotiation.raised.${concerns.stance}`, { state }),
        stance: concerns.stance,
        names:
          concerns.points.length > 0
            ? t(lang, "ui.negotiation.names").replace("{parts}", namedOf(snap, lang, concerns))
            : t(lang, "ui.negotiation.nothingNamed"),
        said: concerns.note ? quoted(lang, concerns.note) : null,
        answered: concerns.answered,
        status: concerns.answered
          ? t(lang, "ui.negotiation.answered")
          : t(lang, "ui.negotiation.waiting", { by: answerer }),
      },
    ];
  });
}

/** Whom this seat may answer now (the legal entry's targets), each with what its concerns name. */
export function answerTargetsVM(snap: Snapshot, lang: Language): { value: StateId; label: string }[] {
  const targets = legalOf(snap, "answerConcerns")?.targets ?? [];
  return targets.map((state) => {
    const concerns = snap.view.concerns[state];
    return { value: state, label: targetLabel(snap, lang, state, concerns) };
  });
}

/** Members whose concerns are on record, for an amendment to say whose it meets. */
export function meetsVM(snap: Snapshot, lang: Language): { value: StateId; label: string }[] {
  if (!snap.view.proposal) return [];
  return snap.view.scenario.members.flatMap((state) => {
    const concerns = snap.view.concerns[state];
    if (!concerns) return [];
    return [{ value: state, label: targetLabel(snap, lang, state, concerns) }];
  });
}
