/** The table: who sits where (seats, stances, who speaks) and the proposal on it, with its editor. */
import { term, type Language } from "../../shared/i18n/index.ts";
import type { Basis, Form, StateId, Task } from "../../shared/rules/index.ts";
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
  const fallback = forms[0];
  const initial = proposal
    ? { form: proposal.form, basis: proposal.basis, tasks: [...proposal.tasks], days: proposal.timeLimitDays }
    : {
        form: fallback?.form ?? "statement",
        basis: fallback?.bases[0] ?? "art2",
        tasks: ["guardSites" as Task],
        days: 30,
      };
  return { enabled: !!legal && !snap.paused && forms.length > 0, forms, initial, amend: !!proposal };
}
