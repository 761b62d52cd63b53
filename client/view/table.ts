/** The table: who sits where (seats, stances, who speaks) and the proposal on it, with its editor. */
import { term, type Language } from "../../shared/i18n/index.ts";
import { TROOP_FORMS, type Basis, type Form, type StateId, type Task } from "../../shared/rules/index.ts";
import { legalOf } from "./actions.ts";
import { myState, type Snapshot } from "./snapshot.ts";
import { t } from "./text.ts";

export const leaderName = (snap: Snapshot, id: StateId, lang: Language): string =>
  snap.view.scenario.leaders[id]?.name[lang] ?? id;

export interface SeatRow {
  id: StateId;
  state: string;
  leader: string;
  title: string;
  holder: string;
  isMe: boolean;
  isChair: boolean;
  isHost: boolean;
  ready: boolean;
  /** Position in consultations or vote in the council, translated, or "". */
  stance: string;
  stanceKey: string;
  speaking: boolean;
}

/** The seat that acted last (who is "speaking" at the table). */
export function speakingSeat(snap: Snapshot): string | null {
  const last = snap.view.timeline.at(-1);
  return last && last.seat !== "system" ? last.seat : null;
}

export function seatsVM(snap: Snapshot, lang: Language): SeatRow[] {
  const view = snap.view;
  const me = myState(snap);
  const speaking = speakingSeat(snap);
  return view.scenario.members.map((id) => {
    const info = snap.seats[id];
    const holder = info
      ? t(lang, `ui.holder.${info.holder}`, { name: info.name || id, kind: info.bot })
      : t(lang, "ui.holder.open");
    const vote = view.votes[id];
    const position = view.positions[id];
    const stanceKey = view.phase === "council" || vote ? (vote ?? "") : (position ?? "");
    return {
      id,
      state: term(lang, id),
      leader: leaderName(snap, id, lang),
      title: view.scenario.leaders[id]?.title[lang] ?? "",
      holder,
      isMe: id === me,
      isChair: id === view.scenario.chair,
      isHost: id === view.scenario.host,
      ready: view.ready.includes(id),
      stance: stanceKey ? term(lang, stanceKey) : "",
      stanceKey,
      speaking: speaking === id,
    };
  });
}

export interface ProposalVM {
  present: boolean;
  by: string;
  terms: string;
  tasks: string;
  pledges: string[];
}

export function proposalVM(snap: Snapshot, lang: Language): ProposalVM {
  const proposal = snap.view.proposal;
  if (!proposal)
    return { present: false, by: "", terms: t(lang, "ui.council.noProposal"), tasks: "", pledges: [] };
  const pledges = (Object.entries(proposal.contingents) as [StateId, number][])
    .filter(([, n]) => n > 0)
    .map(([id, n]) => t(lang, "ui.council.pledgeLine", { state: id, troops: n }));
  return {
    present: true,
    by: t(lang, "ui.council.by", { state: proposal.by }),
    terms: t(lang, "ui.council.terms", {
      form: proposal.form,
      basis: proposal.basis,
      days: proposal.timeLimitDays,
    }),
    tasks:
      proposal.tasks.length > 0
        ? t(lang, "ui.council.tasks", { tasks: proposal.tasks.join(", ") })
        : t(lang, "ui.council.noTasks"),
    pledges,
  };
}

export interface ProposalFormVM {
  enabled: boolean;
  /** The forms lawful now, each with the bases that go with it. */
  forms: { form: Form; bases: Basis[] }[];
  initial: { form: Form; basis: Basis; tasks: Task[]; days: number };
  amend: boolean;
  /** The lawful forms that send troops: only they take tasks and a time limit. */
  troopForms: Form[];
}

/** The proposal editor: only the form/basis pairs the seat's legal actions allow. */
export function proposalFormVM(snap: Snapshot): ProposalFormVM {
  const legal = legalOf(snap, "propose");
  const pairs = legal?.terms ?? [];
  const forms: ProposalFormVM["forms"] = [];
  for (const { form, basis } of pairs) {
    const entry = forms.find((f) => f.form === form);
    if (entry) entry.bases.push(basis);
    else forms.push({ form, bases: [basis] });
  }
  const proposal = snap.view.proposal;
  const initial = proposal
    ? { form: proposal.form, basis: proposal.basis, tasks: [...proposal.tasks], days: proposal.timeLimitDays }
    : followTheRequest(snap, forms);
  return {
    enabled: !!legal && !snap.paused && forms.length > 0,
    forms,
    initial,
    amend: !!proposal,
    troopForms: forms.map((entry) => entry.form).filter((form) => TROOP_FORMS.includes(form)),
  };
}

/**
 * A first text that follows the request: a request for collective defence (Article 4) gets a
 * peacekeeping force on its article, guarding sites for two weeks; anything else a statement, or the
 * nearest lawful form, with no troops' tasks.
 */
function followTheRequest(snap: Snapshot, forms: ProposalFormVM["forms"]): ProposalFormVM["initial"] {
  const appeal = snap.view.appeal;
  const troops = appeal?.channel === "formal" && appeal.article === "art4";
  const order: readonly Form[] = troops
    ? ["peacekeeping", "collectiveForce", "assessment", "equipment", "statement"]
    : ["statement", "assessment", "equipment", "peacekeeping", "collectiveForce"];
  const entry =
    order.map((form) => forms.find((f) => f.form === form)).find((found) => found !== undefined) ?? forms[0];
  const form = entry?.form ?? "statement";
  const article = appeal?.channel === "formal" ? appeal.article : undefined;
  const basis = entry?.bases.find((b) => b === article) ?? entry?.bases[0] ?? "art2";
  const troopForm = TROOP_FORMS.includes(form);
  return { form, basis, tasks: troopForm ? ["guardSites"] : [], days: troopForm ? 14 : 30 };
}
