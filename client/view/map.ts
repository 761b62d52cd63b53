/** The map of the deployment: the capitals, the crisis location and its sites, each contingent on its way. */
import { hasKey, type Language } from "../../shared/i18n/index.ts";
import type { StateId } from "../../shared/rules/index.ts";
import { CAPITALS, type Place } from "./geo.ts";
import type { Snapshot } from "./snapshot.ts";
import { gameTime, t } from "./text.ts";

export type TokenState = "moving" | "arrived" | "withdrawn";

export interface MapToken {
  id: StateId;
  from: Place;
  to: Place;
  /** 0 at the capital, 1 arrived. */
  progress: number;
  troops: number;
  label: string;
  state: TokenState;
  withdrawn: boolean;
  bilateral: boolean;
}

/** A named point of the map (the crisis, a site), its name in the chosen language. */
export interface MapPlace extends Place {
  name: string;
}

export interface MapVM {
  members: { id: StateId; at: Place; host: boolean }[];
  host: StateId;
  /** The crisis location; `label` is the sentence the panel shows ("Crisis: Almaty"). */
  crisis: MapPlace & { label: string };
  sites: MapPlace[];
  /** "Sites: …" for the panel, or null. */
  sitesLine: string | null;
  /** When the crisis lies outside the host's own borders: whose they are, in a sentence. */
  liesIn: string | null;
  tokens: MapToken[];
  mission: string | null;
}

function countryName(lang: Language, code: string): string {
  const member = `term.${code}`;
  return hasKey(member) ? t(lang, member) : t(lang, `ui.map.country.${code}`);
}

export function mapVM(snap: Snapshot, lang: Language): MapVM {
  const view = snap.view;
  const sc = view.scenario;
  const place = sc.location;
  const to = { lon: place.lon, lat: place.lat };
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
    const state: TokenState = contingent.withdrawn ? "withdrawn" : arrived ? "arrived" : "moving";
    let label = t(lang, `ui.map.${state}`, {
      state: contingent.state,
      troops: contingent.troops,
      ...gameTime(contingent.arrivesAtHour),
    });
    if (contingent.bilateral) label += ` (${t(lang, "ui.map.bilateral")})`;
    return {
      id: contingent.state,
      from: CAPITALS[contingent.state],
      to,
      progress,
      troops: contingent.troops,
      label,
      state,
      withdrawn: contingent.withdrawn,
      bilateral: contingent.bilateral,
    };
  });
  return {
    members: sc.members.map((id) => ({ id, at: CAPITALS[id], host: id === sc.host })),
    host: sc.host,
    crisis: {
      ...to,
      name: place.name[lang],
      label: t(lang, "ui.map.crisis", { place: place.name[lang] }),
    },
    sites: place.sites.map((s) => ({ lon: s.lon, lat: s.lat, name: s.name[lang] })),
    sitesLine: place.sites.length
      ? t(lang, "ui.map.sites", { sites: place.sites.map((s) => s.name[lang]).join(", ") })
      : null,
    liesIn:
      place.country && place.country !== sc.host
        ? t(lang, "ui.map.lies", { country: countryName(lang, place.country) })
        : null,
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
