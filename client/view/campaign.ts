/**
 * A campaign as a player follows it: which crisis of how many, what the crises before carried into
 * this one and why, the wait before the next, and at the end the whole campaign beside history.
 */
import type { Language } from "../../shared/i18n/index.ts";
import { round } from "./debrief.ts";
import type { StateId } from "../../shared/rules/index.ts";
import type { Snapshot } from "./snapshot.ts";
import { t } from "./text.ts";

export interface CampaignVM {
  /** "Crisis 2 of 4". */
  heading: string;
  /** What carried over into this crisis, and why (empty in the first crisis). */
  carried: string[];
  /** Between crises: the wall-clock ms at which the next one begins. */
  nextAt: number | null;
  /** The last crisis has ended: each crisis of the campaign, beside its history. */
  summary: string[] | null;
}

export function campaignVM(snap: Snapshot, lang: Language): CampaignVM | null {
  const at = snap.campaign;
  if (!at) return null;
  const view = snap.view;
  const carry = view.carry;
  const past = carry?.past ?? [];
  const carried: string[] = [];
  const last = past.at(-1);
  if (carry && last) {
    carried.push(
      t(lang, "ui.campaign.carried.credibility", {
        credibility: round(carry.credibility),
        title: last.title[lang],
      }),
    );
    const grievances = (Object.entries(carry.grievances) as [StateId, number][]).filter(
      ([id, g]) => g > 0 && view.scenario.members.includes(id),
    );
    for (const [id, g] of grievances)
      carried.push(
        t(lang, "ui.campaign.carried.grievance", { state: id, grievance: g, drop: round(0.5 * g) }),
      );
    if (grievances.length === 0) carried.push(t(lang, "ui.campaign.carried.none"));
  }
  const ended = view.ended !== null;
  const between = ended && at.crisis < at.crises && snap.deadline > 0;
  const final = ended && at.crisis >= at.crises;
  const rows = final ? [...past, ...(view.debrief ? [thisCrisis(snap)] : [])] : [];
  return {
    heading: t(lang, "ui.campaign.crisis", { crisis: at.crisis, crises: at.crises }),
    carried,
    nextAt: between ? snap.deadline : null,
    summary: final
      ? rows.map((row, i) =>
          t(lang, "ui.campaign.summary.row", {
            n: i + 1,
            title: row.title[lang],
            reason: row.endReason,
            history: t(lang, row.asHistory ? "ui.campaign.asHistory" : "ui.campaign.notHistory"),
            credibility: round(row.credibility),
          }),
        )
      : null,
  };
}

/** The crisis just ended, in the shape of the earlier ones. */
function thisCrisis(snap: Snapshot) {
  const debrief = snap.view.debrief;
  return {
    title: snap.view.scenario.title,
    endReason: debrief?.endReason ?? "noRequest",
    asHistory: debrief?.historical.matches ?? false,
    credibility: debrief?.tracks.credibility ?? snap.view.tracks.credibility,
  };
}

/** "0:15": the time left before `at`, for a countdown. */
export function countdown(at: number, now: number): string {
  const s = Math.max(0, Math.ceil((at - now) / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
