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

/** Where each scenario's crisis is; a scenario not listed has its crisis in the host's capital. */
export const CRISIS_PLACES: Record<string, Place & { name: { en: string; ru: string } }> = {
  "kazakhstan-2022-01": { lon: 76.9, lat: 43.25, name: { en: "Almaty", ru: "Алматы" } },
  "kyrgyzstan-2010-04": { lon: 74.6, lat: 42.87, name: { en: "Bishkek", ru: "Бишкек" } },
  "kyrgyzstan-2010-06": { lon: 72.8, lat: 40.53, name: { en: "Osh and Jalal-Abad", ru: "Ош и Джалал-Абад" } },
  "armenia-2020-karabakh": {
    lon: 46.75,
    lat: 39.8,
    name: { en: "Nagorno-Karabakh", ru: "Нагорный Карабах" },
  },
  "armenia-2021-05": { lon: 46.0, lat: 39.5, name: { en: "Syunik", ru: "Сюник" } },
  "armenia-2022-09": { lon: 45.6, lat: 39.7, name: { en: "Jermuk and Syunik", ru: "Джермук и Сюник" } },
};

/** The map's frame: an equirectangular window over the CSTO's members. */
export const MAP_FRAME = { west: 22, east: 82, south: 35, north: 60 } as const;

/** A place to a point in a width × height box (north up). */
export function project(p: Place, width: number, height: number): { x: number; y: number } {
  const f = MAP_FRAME;
  return {
    x: ((p.lon - f.west) / (f.east - f.west)) * width,
    y: ((f.north - p.lat) / (f.north - f.south)) * height,
  };
}
