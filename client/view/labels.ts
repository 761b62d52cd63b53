/**
 * Labels that never overlap: a deterministic pass over the labels in priority order, each tried at
 * eight compass points around its anchor, at growing distances, and kept at the first box that stays
 * inside the canvas and clear of every box placed before it and of every marker. A label with no
 * free place is left out (the panel names everything the map shows). Pure, for the tests.
 */

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type LabelKind = "crisis" | "capital" | "host" | "token" | "site";

export interface LabelRequest {
  text: string;
  /** The anchor: the marker the label names. */
  x: number;
  y: number;
  size: number;
  /** The distance from the anchor to the nearest edge of the label (the marker's radius and a bit). */
  gap: number;
  kind: LabelKind;
}

export interface PlacedLabel extends Box {
  text: string;
  size: number;
  kind: LabelKind;
}

/** A generous box for a text (its UTF-16 length: Latin and Cyrillic are one unit a letter) in the stage's sans-serif font (wider than any Latin or Cyrillic run). */
export function labelSize(text: string, size: number): { w: number; h: number } {
  return { w: Math.ceil(text.length * size * 0.64 + 8), h: Math.ceil(size * 1.45) };
}

export function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

const DIRECTIONS: readonly [number, number][] = [
  [1, 0],
  [-1, 0],
  [0, -1],
  [0, 1],
  [1, -1],
  [1, 1],
  [-1, -1],
  [-1, 1],
];

function candidate(r: LabelRequest, w: number, h: number, dx: number, dy: number, dist: number): Box {
  const d = dx !== 0 && dy !== 0 ? dist * 0.75 : dist;
  const x = dx > 0 ? r.x + d : dx < 0 ? r.x - d - w : r.x - w / 2;
  const y = dy > 0 ? r.y + d : dy < 0 ? r.y - d - h : r.y - h / 2;
  return { x: Math.round(x), y: Math.round(y), w, h };
}

export function placeLabels(
  requests: readonly LabelRequest[],
  obstacles: readonly Box[],
  width: number,
  height: number,
): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const inside = (b: Box) => b.x >= 0 && b.y >= 0 && b.x + b.w <= width && b.y + b.h <= height;
  for (const r of requests) {
    const { w, h } = labelSize(r.text, r.size);
    let found: Box | null = null;
    for (let ring = 1; ring <= 4 && !found; ring++) {
      for (const [dx, dy] of DIRECTIONS) {
        const b = candidate(r, w, h, dx, dy, r.gap * ring + (ring - 1) * 2);
        if (!inside(b)) continue;
        if (placed.some((p) => intersects(p, b)) || obstacles.some((o) => intersects(o, b))) continue;
        found = b;
        break;
      }
    }
    if (found) placed.push({ ...found, text: r.text, size: r.size, kind: r.kind });
  }
  return placed;
}
