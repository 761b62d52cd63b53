/**
 * What the map and the table draw: flag colours and places (capitals, the crisis location). Pure
 * data for the renderer; no text lives here (names come from shared/i18n).
 */
import type { StateId } from "../../shared/rules/index.ts";

/** A flag as horizontal stripes (top to bottom, relative heights) and an optional emblem colour. */
export interface Flag {
  stripes: { color: number; weight: number }[];
  emblem?: number;
}

export const FLAGS: Record<StateId, Flag> = {
  RU: {
    stripes: [
      { color: 0xffffff, weight: 1 },
      { color: 0x0039a6, weight: 1 },
      { color: 0xd52b1e, weight: 1 },
    ],
  },
  KZ: { stripes: [{ color: 0x00afca, weight: 1 }], emblem: 0xfec50c },
  BY: {
    stripes: [
      { color: 0xc8313e, weight: 2 },
      { color: 0x4aa657, weight: 1 },
    ],
  },
  AM: {
    stripes: [
      { color: 0xd90012, weight: 1 },
      { color: 0x0033a0, weight: 1 },
      { color: 0xf2a800, weight: 1 },
    ],
  },
  KG: { stripes: [{ color: 0xe8112d, weight: 1 }], emblem: 0xffef00 },
  TJ: {
    stripes: [
      { color: 0xcc0000, weight: 2 },
      { color: 0xffffff, weight: 3 },
      { color: 0x006600, weight: 2 },
    ],
    emblem: 0xf8c300,
  },
  UZ: {
    stripes: [
      { color: 0x0099b5, weight: 1 },
      { color: 0xffffff, weight: 1 },
      { color: 0x1eb53a, weight: 1 },
    ],
  },
};

const hex = (c: number) => `#${c.toString(16).padStart(6, "0")}`;

/** The flag as a CSS background (for the DOM layer). */
export function flagCss(id: StateId): string {
  const f = FLAGS[id];
  const total = f.stripes.reduce((n, s) => n + s.weight, 0);
  let at = 0;
  const stops = f.stripes.map((s) => {
    const from = (at / total) * 100;
    at += s.weight;
    return `${hex(s.color)} ${from}% ${(at / total) * 100}%`;
  });
  const emblem = f.emblem
    ? `radial-gradient(circle at 50% 50%, ${hex(f.emblem)} 22%, transparent 24%), `
    : "";
  return `${emblem}linear-gradient(to bottom, ${stops.join(", ")})`;
}

export interface Place {
  lon: number;
  lat: number;
}

/** Capitals (where contingents leave from). */
export const CAPITALS: Record<StateId, Place> = {
  RU: { lon: 37.6, lat: 55.75 },
  KZ: { lon: 71.45, lat: 51.17 },
  BY: { lon: 27.56, lat: 53.9 },
  AM: { lon: 44.5, lat: 40.18 },
  KG: { lon: 74.6, lat: 42.87 },
  TJ: { lon: 68.78, lat: 38.56 },
  UZ: { lon: 69.24, lat: 41.3 },
};

/** The map's colours, shared by the stage that draws it and the legend that explains it. */
export const MAP_COLORS = {
  sea: 0x0f1720,
  other: 0x1a2430,
  otherEdge: 0x2c3a4a,
  member: 0x24415e,
  memberEdge: 0x5b86b0,
  host: 0x6b3a2e,
  hostEdge: 0xff8a66,
  capital: 0xb8cde3,
  crisis: 0xff5a4f,
  site: 0xffb86b,
  moving: 0xf2cc60,
  arrived: 0x3fb950,
  withdrawn: 0x8b949e,
  bilateral: 0xc58af9,
} as const;
export type MapColor = keyof typeof MAP_COLORS;

/** A colour as CSS (for the DOM legend). */
export const cssColor = (c: number): string => `#${c.toString(16).padStart(6, "0")}`;
