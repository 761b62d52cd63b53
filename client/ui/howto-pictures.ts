/**
 * The pictures of "How to play": small diagrams drawn as inline SVG, whose words are the game's own
 * strings (so they are translated, and a screen reader reads each picture's title and labels).
 */
import type { Language } from "../../shared/i18n/index.ts";
import { term } from "../../shared/i18n/index.ts";
import { TRACKS } from "../../shared/rules/vocabulary.ts";
import { t } from "../view/models.ts";

const NS = "http://www.w3.org/2000/svg";

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

function picture(id: string, title: string, width: number, height: number, parts: SVGElement[]): SVGElement {
  const root = svg("svg", {
    id,
    class: "howto-picture",
    viewBox: `0 0 ${width} ${height}`,
    role: "img",
    "aria-labelledby": `${id}-title`,
  });
  root.append(svg("title", { id: `${id}-title` }, title), ...parts);
  return root;
}

const label = (x: number, y: number, text: string, size = 12, anchor = "middle") =>
  svg("text", { x, y, "font-size": size, "text-anchor": anchor, fill: "currentColor" }, text);

/** The steps of a crisis, top to bottom (a column reads on a phone, and in Russian's longer words). */
function phases(lang: Language): SVGElement {
  const steps = ["briefing", "appeal", "consultations", "council", "approvals", "deployment", "debrief"];
  const w = 280;
  const step = 40;
  const parts: SVGElement[] = [];
  steps.forEach((name, i) => {
    const y = 4 + i * step;
    parts.push(svg("rect", { x: 4, y, width: w, height: 28, rx: 6, class: "box" }));
    parts.push(label(4 + w / 2, y + 19, t(lang, `ui.guide.step.${name}`), 13));
    if (i < steps.length - 1) parts.push(label(4 + w / 2, y + 39, "↓", 11));
  });
  const root = picture(
    "howto-pic-phases",
    t(lang, "ui.howto.pic.phases"),
    w + 8,
    8 + steps.length * step - 12,
    parts,
  );
  root.classList.add("narrow");
  return root;
}

/** Two council votes: one that passes with a member standing aside, one a single objection blocks. */
function unanimity(lang: Language): SVGElement {
  const rows: { marks: string[]; result: string }[] = [
    { marks: ["✓", "✓", "✓", "✓", "✓", "–"], result: t(lang, "ui.howto.pic.decided") },
    { marks: ["✓", "✓", "✓", "✓", "✓", "✗"], result: t(lang, "ui.howto.pic.blocked") },
  ];
  const parts: SVGElement[] = [];
  rows.forEach((row, r) => {
    const y = 24 + r * 44;
    row.marks.forEach((mark, i) => {
      const x = 22 + i * 40;
      parts.push(
        svg("circle", {
          cx: x,
          cy: y,
          r: 15,
          class: mark === "✗" ? "mark no" : mark === "–" ? "mark aside" : "mark yes",
        }),
      );
      parts.push(label(x, y + 5, mark, 15));
    });
    parts.push(label(262, y + 5, row.result, 13, "start"));
  });
  parts.push(label(22, 112, t(lang, "ui.howto.pic.legend"), 11, "start"));
  return picture("howto-pic-unanimity", t(lang, "ui.howto.pic.unanimity"), 520, 120, parts);
}

/** After a decision: each pledging state's own procedure, which may keep its contingent home. */
function approvals(lang: Language): SVGElement {
  const lanes: { state: string; body: string; ok: boolean }[] = [
    { state: "RU", body: t(lang, "ui.howto.pic.consent"), ok: true },
    { state: "KG", body: t(lang, "ui.howto.pic.parliament"), ok: false },
    { state: "TJ", body: t(lang, "ui.howto.pic.jointSession"), ok: true },
  ];
  const parts: SVGElement[] = [];
  lanes.forEach((lane, i) => {
    const y = 10 + i * 34;
    parts.push(label(4, y + 18, term(lang, lane.state), 12, "start"));
    parts.push(svg("rect", { x: 110, y, width: 230, height: 26, rx: 5, class: "box" }));
    parts.push(label(225, y + 18, lane.body, 11));
    parts.push(label(350, y + 18, "→", 14, "start"));
    parts.push(
      label(372, y + 18, t(lang, lane.ok ? "ui.howto.pic.goes" : "ui.howto.pic.stays"), 12, "start"),
    );
  });
  return picture("howto-pic-approvals", t(lang, "ui.howto.pic.approvals"), 520, 112, parts);
}

/** The four public tracks as gauges, 0 to 10. */
function tracks(lang: Language): SVGElement {
  const values: Record<string, number> = { severity: 7, credibility: 5, legitimacy: 6, sovereignty: 8 };
  const parts: SVGElement[] = [];
  TRACKS.forEach((track, i) => {
    const y = 10 + i * 26;
    parts.push(label(4, y + 13, term(lang, track), 12, "start"));
    parts.push(svg("rect", { x: 190, y: y + 3, width: 200, height: 12, rx: 6, class: "track" }));
    parts.push(
      svg("rect", {
        x: 190,
        y: y + 3,
        width: 20 * (values[track] ?? 5),
        height: 12,
        rx: 6,
        class: `fill track-${track}`,
      }),
    );
    parts.push(label(400, y + 13, `${values[track] ?? 5}/10`, 12, "start"));
  });
  return picture("howto-pic-tracks", t(lang, "ui.howto.pic.tracks"), 460, 112, parts);
}

export const HOW_TO_PLAY_PICTURES: Record<string, (lang: Language) => SVGElement> = {
  phases,
  unanimity,
  approvals,
  tracks,
};
