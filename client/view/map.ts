/** The map of the deployment: the capitals, the crisis and each contingent on its way. */
import type { Language } from "../../shared/i18n/index.ts";
import type { StateId } from "../../shared/rules/index.ts";
import { CAPITALS, CRISIS_PLACES, type Place } from "./geo.ts";
import type { Snapshot } from "./snapshot.ts";
import { gameTime, t } from "./text.ts";

export interface MapToken {
  id: StateId;
  from: Place;
  to: Place;
  /** 0 at the capital, 1 arrived. */
  progress: number;
  troops: number;
  label: string;
  withdrawn: boolean;
}

export interface MapVM {
  members: { id: StateId; at: Place; host: boolean }[];
  crisis: Place & { label: string };
  tokens: MapToken[];
  mission: string | null;
}

export function mapVM(snap: Snapshot, lang: Language): MapVM {
  const view = snap.view;
  const sc = view.scenario;
  const place = CRISIS_PLACES[sc.id] ?? { ...CAPITALS[sc.host], name: { en: sc.host, ru: sc.host } };
  const tokens = view.contingents.map((contingent): MapToken => {
    const travel = sc.forces[contingent.state]?.transportHours ?? 0;
    const departs = contingent.arrivesAtHour - travel;
    const progress = contingent.withdrawn
      ? 0
      : travel <= 0
        ? view.clock >= contingent.arrivesAtHour
          ? 1
          : 0
        : Math.min(1, Math.max(0, (view.clock - departs) / travel));
    const arrived = !contingent.withdrawn && view.clock >= contingent.arrivesAtHour;
    const key = contingent.withdrawn ? "ui.map.withdrawn" : arrived ? "ui.map.arrived" : "ui.map.moving";
    let label = t(lang, key, {
      state: contingent.state,
      troops: contingent.troops,
      ...gameTime(contingent.arrivesAtHour),
    });
    if (contingent.bilateral) label += ` (${t(lang, "ui.map.bilateral")})`;
    return {
      id: contingent.state,
      from: CAPITALS[contingent.state],
      to: place,
      progress,
      troops: contingent.troops,
      label,
      withdrawn: contingent.withdrawn,
    };
  });
  return {
    members: sc.members.map((id) => ({ id, at: CAPITALS[id], host: id === sc.host })),
    crisis: { lon: place.lon, lat: place.lat, label: t(lang, "ui.map.crisis", { place: place.name[lang] }) },
    tokens,
    mission:
      view.phase === "deployment" || view.missionDays > 0
        ? t(lang, "ui.map.mission", {
            // While the mission runs, the day now beginning (as the log counts it); after it, the days served.
            day: view.ended ? view.missionDays : view.missionDays + 1,
            limit: view.decision?.terms.timeLimitDays ?? 0,
          })
        : null,
  };
}
