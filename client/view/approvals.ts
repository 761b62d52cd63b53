/** National approvals: each pledging state's procedure as steps, sittings and lobbying. */
import { term, type Language } from "../../shared/i18n/index.ts";
import type { StateId } from "../../shared/rules/index.ts";
import type { Snapshot } from "./snapshot.ts";
import { gameTime, t } from "./text.ts";

export interface ApprovalStep {
  label: string;
  done: boolean;
  failed: boolean;
}

export interface ApprovalRow {
  id: StateId;
  heading: string;
  status: string;
  statusKey: string;
  steps: ApprovalStep[];
  sittings: string[];
  clock: string;
  lobbying: string;
  movedEarly: boolean;
}

export function approvalsVM(snap: Snapshot, lang: Language): ApprovalRow[] {
  const rows: ApprovalRow[] = [];
  for (const id of snap.view.scenario.members) {
    const track = snap.view.approvals[id];
    if (!track) continue;
    const body = track.body[lang];
    const last = track.sittings.at(-1);
    const steps: ApprovalStep[] = [
      { label: t(lang, "ui.approvals.step.pledge"), done: true, failed: false },
      {
        label: t(lang, track.needsVote ? "ui.approvals.step.submit" : "ui.approvals.step.decide"),
        done: track.status !== "pending" || track.sittings.length > 0,
        failed: false,
      },
    ];
    if (track.needsVote)
      steps.push({
        label: t(lang, "ui.approvals.step.vote"),
        done: !!last,
        failed: !!last && last.result !== "passed",
      });
    steps.push({ label: t(lang, "ui.approvals.step.go"), done: track.status === "passed", failed: false });
    rows.push({
      id,
      heading: `${term(lang, id)} — ${body}`,
      status: t(lang, "ui.approvals.state", {
        state: id,
        troops: track.troops,
        status: t(lang, `ui.approvals.status.${track.status}`),
      }),
      statusKey: track.status,
      steps,
      sittings: track.sittings.map((sitting, i) =>
        t(lang, "ui.approvals.sitting", {
          n: i + 1,
          yes: sitting.yes,
          no: sitting.no,
          needed: sitting.needed,
          present: sitting.present,
          quorum: sitting.quorum,
          result: t(lang, `ui.approvals.result.${sitting.result}`),
        }),
      ),
      clock: t(lang, "ui.approvals.clock", gameTime(track.clock)),
      lobbying: t(lang, "ui.approvals.lobbying", { n: track.lobbying }),
      movedEarly: track.movedEarly,
    });
  }
  return rows;
}
