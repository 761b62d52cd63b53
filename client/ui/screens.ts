/** The DOM side of each screen: text, forms and lists over the Phaser stage. */
import { term } from "../../shared/i18n/index.ts";
import type { ChatLine } from "../../shared/protocol/index.ts";
import {
  APPEAL_CHANNELS,
  ARTICLES,
  BILATERAL_RESPONSES,
  DEPUTY_VOTES,
  FRAMINGS,
  STANCES,
  TASKS,
  TRACKS,
  VOTE_CHOICES,
  VOTE_FORMATS,
  type ActionType,
  type AppealChannel,
  type Article,
  type BilateralResponse,
  type Framing,
  type StateId,
  type Task,
} from "../../shared/rules/index.ts";
import { flagCss } from "../view/geo.ts";
import {
  actionState,
  approvalsVM,
  chatVM,
  coachVM,
  debriefVM,
  legalOf,
  mapVM,
  proposalFormVM,
  proposalVM,
  seatsVM,
  t,
  timelineVM,
} from "../view/models.ts";
import { myState } from "../view/snapshot.ts";
import { actionForm, checked, field, valueOf, type Ctx } from "./controls.ts";
import { h, options, type Sections } from "./dom.ts";

export interface ScreenCtx extends Ctx {
  coachOn: boolean;
  chat: readonly ChatLine[];
  sendChat: (text: string, to: StateId | null) => void;
  /** Leaders whose messages this player has muted, and the switch. */
  muted: ReadonlySet<string>;
  toggleMute: (seat: StateId) => void;
  sources: { title: string; url: string }[];
}

const flag = (id: StateId) =>
  h("span", { class: "flag", style: `background:${flagCss(id)}`, "aria-hidden": "true" });
const keyOf = (...parts: unknown[]) => JSON.stringify(parts);
/**
 * The key of a section of action inputs: it changes only when one of its actions becomes legal or
 * not (or its bounds or reason change), so other players' moves never rebuild a button mid-click.
 */
const formKey = (c: Ctx, types: ActionType[], ...extra: unknown[]) =>
  keyOf(
    c.lang,
    c.snap.paused,
    types.map((type) => [legalOf(c.snap, type) ?? null, actionState(c.snap, type, c.lang).reason]),
    ...extra,
  );
const heading = (text: string, level: "h2" | "h3" = "h2") => h(level, {}, text);

// ── Shared sections ──────────────────────────────────────────────────────────────────────

function seatsList(s: Sections, c: ScreenCtx, id: string, title: string): void {
  const rows = seatsVM(c.snap, c.lang);
  s.section(id, keyOf(c.lang, rows, c.snap.spectators), () => [
    heading(title),
    h(
      "ul",
      { class: "seats" },
      rows.map((r) =>
        h(
          "li",
          { class: `seat${r.isMe ? " me" : ""}${r.speaking ? " speaking" : ""}`, "data-seat": r.id },
          flag(r.id),
          h("strong", {}, r.state),
          " — ",
          h("span", {}, r.leader),
          r.title ? h("span", { class: "muted" }, ` (${r.title})`) : null,
          h("span", { class: "tags" }, [
            r.isMe ? h("span", { class: "tag you" }, t(c.lang, "ui.lobby.you")) : null,
            r.isChair ? h("span", { class: "tag" }, t(c.lang, "ui.lobby.chair")) : null,
            r.isHost ? h("span", { class: "tag host" }, t(c.lang, "ui.lobby.host")) : null,
            h("span", { class: "tag holder" }, r.holder),
            c.snap.phase === "briefing"
              ? h(
                  "span",
                  { class: `tag ${r.ready ? "ok" : ""}` },
                  t(c.lang, r.ready ? "ui.lobby.ready" : "ui.lobby.notReady"),
                )
              : null,
            r.stance ? h("span", { class: `tag stance-${r.stanceKey}` }, r.stance) : null,
            r.speaking ? h("span", { class: "tag speaking" }, t(c.lang, "ui.council.speaking")) : null,
          ]),
        ),
      ),
    ),
    c.snap.spectators > 0
      ? h("p", { class: "muted" }, t(c.lang, "ui.lobby.spectators", { count: c.snap.spectators }))
      : null,
  ]);
}

function readyForm(s: Sections, c: ScreenCtx, id: string): void {
  if (c.snap.phase !== "briefing" || !c.snap.seat) return;
  s.section(id, formKey(c, ["ready"]), () => [
    actionForm(
      c,
      "ready",
      `${id}-form`,
      t(c.lang, "ui.action.ready"),
      [],
      [{ label: t(c.lang, "ui.lobby.readyBtn"), onClick: () => c.act({ type: "ready" }), id: "ready-btn" }],
    ),
  ]);
}

function timeline(s: Sections, c: ScreenCtx, limit = 40): void {
  const rows = timelineVM(c.snap, c.lang, limit);
  s.section("timeline", keyOf(c.lang, rows), () => [
    heading(t(c.lang, "ui.log.title")),
    rows.length === 0
      ? h("p", { class: "muted" }, t(c.lang, "ui.log.empty"))
      : h(
          "ol",
          { class: "timeline", role: "log", "aria-live": "polite" },
          rows.map((r) =>
            h(
              "li",
              {},
              h("span", { class: "when" }, r.hour),
              " ",
              h("strong", {}, r.who),
              ": ",
              r.text,
              r.why ? h("div", { class: "why" }, r.why) : null,
            ),
          ),
        ),
  ]);
}

function coachPanel(s: Sections, c: ScreenCtx): void {
  if (!c.coachOn || c.snap.view.private?.role !== "leader" || c.snap.view.ended) return;
  const lines = coachVM(c.snap, c.lang);
  s.section(
    "coach",
    keyOf(c.lang, lines),
    () => [
      heading(t(c.lang, "ui.coach.title")),
      lines.length === 0
        ? h("p", {}, t(c.lang, "ui.coach.nothing"))
        : h(
            "ul",
            {},
            lines.map((l) =>
              h(
                "li",
                {},
                h("strong", {}, t(c.lang, `ui.action.${l.action}`)),
                ": ",
                l.effect,
                l.outlook ? h("div", { class: "outlook" }, l.outlook) : null,
              ),
            ),
          ),
    ],
    { class: "coach", "aria-label": t(c.lang, "ui.coach.title") },
  );
}

function chatPanel(s: Sections, c: ScreenCtx): void {
  const me = myState(c.snap);
  const rows = chatVM(
    c.chat.filter((l) => !c.muted.has(l.from)),
    c.snap,
    c.lang,
  );
  s.section("chat-log", keyOf(c.lang, rows), () => [
    heading(t(c.lang, "ui.chat.title")),
    h(
      "ul",
      { class: "chat", role: "log", "aria-live": "polite", "aria-label": t(c.lang, "ui.chat.title") },
      rows.length === 0
        ? [h("li", { class: "muted" }, t(c.lang, "ui.chat.empty"))]
        : rows.map((r) =>
            h(
              "li",
              { class: r.mine ? "mine" : "" },
              h("strong", {}, r.from),
              r.note ? h("span", { class: "muted" }, ` (${r.note})`) : null,
              ": ",
              r.text,
            ),
          ),
    ),
  ]);
  if (!me) return;
  const others = c.snap.view.scenario.members.filter((m) => m !== me);
  s.section("chat-form", keyOf(c.lang, others), () => {
    const send = (e: Event) => {
      e.preventDefault();
      const text = valueOf("chat-text").trim();
      if (!text) return;
      const to = valueOf("chat-to");
      c.sendChat(text, to ? (to as StateId) : null);
      (document.getElementById("chat-text") as HTMLInputElement).value = "";
    };
    return [
      h(
        "form",
        { class: "chat-form", onsubmit: send },
        field(
          t(c.lang, "ui.chat.to"),
          h(
            "select",
            { id: "chat-to" },
            options([
              { value: "", label: t(c.lang, "ui.chat.all") },
              ...others.map((o) => ({ value: o, label: term(c.lang, o) })),
            ]),
          ),
        ),
        field(
          t(c.lang, "ui.chat.message"),
          h("input", { id: "chat-text", type: "text", maxlength: 500, autocomplete: "off" }),
        ),
        h("button", { type: "submit", id: "chat-send" }, t(c.lang, "ui.chat.send")),
      ),
    ];
  });
  const mutes = others.map((o) => `${o}:${c.muted.has(o) ? 1 : 0}`).join(",");
  s.section("chat-mute", keyOf(c.lang, mutes), () => [
    h(
      "div",
      { class: "chat-mute" },
      ...others.map((o) => {
        const muted = c.muted.has(o);
        return h(
          "button",
          { type: "button", "aria-pressed": muted ? "true" : "false", onclick: () => c.toggleMute(o) },
          t(c.lang, muted ? "ui.chat.unmute" : "ui.chat.mute", { state: o }),
        );
      }),
    ),
  ]);
}

// ── Lobby ─────────────────────────────────────────────────────────────────────────────────

/** The game client runs framed in the classroom page with `?class=CODE`. */
const inClassroom = (): boolean => new URLSearchParams(location.search).has("class");

export function lobbyScreen(s: Sections, c: ScreenCtx): void {
  s.section("code", keyOf(c.lang, c.snap.code), () => [
    heading(t(c.lang, "ui.lobby.title")),
    h(
      "p",
      { class: "code-box" },
      h("span", { class: "label" }, t(c.lang, "ui.lobby.code")),
      h("span", { class: "code", id: "room-code" }, c.snap.code),
      // At a classroom table the facilitator seats people: the room code is not for sharing.
      inClassroom() ? null : h("span", { class: "muted" }, t(c.lang, "ui.lobby.codeHint")),
    ),
    h("p", {}, h("strong", {}, c.snap.view.scenario.title[c.lang]), ` — ${c.snap.view.scenario.date}`),
  ]);
  readyForm(s, c, "lobby-ready");
  seatsList(s, c, "lobby-seats", t(c.lang, "ui.lobby.seats"));
  chatPanel(s, c);
}

// ── Briefing ──────────────────────────────────────────────────────────────────────────────

export function briefingScreen(s: Sections, c: ScreenCtx): void {
  const v = c.snap.view;
  const sc = v.scenario;
  s.section("situation", keyOf(c.lang, sc.id), () => [
    heading(sc.title[c.lang]),
    h("p", { class: "muted" }, t(c.lang, "ui.briefing.date", { date: sc.date })),
    heading(t(c.lang, "ui.briefing.situation"), "h3"),
    h("p", { class: "prose" }, sc.situation[c.lang]),
  ]);
  readyForm(s, c, "briefing-ready");
  const p = v.private;
  s.section("brief", keyOf(c.lang, p, c.snap.seat), () => {
    if (p?.role === "leader")
      return [
        heading(t(c.lang, "ui.briefing.brief")),
        h("p", { class: "prose", id: "private-brief" }, p.brief[c.lang]),
        h("p", {}, t(c.lang, "ui.briefing.capital", { capital: p.capital })),
        heading(t(c.lang, "ui.briefing.objectives"), "h3"),
        h(
          "ul",
          {},
          p.objectives.map((o) =>
            h(
              "li",
              {},
              o.text[c.lang],
              h("span", { class: "muted" }, ` (${t(c.lang, "ui.briefing.weight", { weight: o.weight })})`),
            ),
          ),
        ),
      ];
    if (p?.role === "deputy") return [h("p", {}, t(c.lang, "ui.briefing.deputy", { state: p.state }))];
    return [h("p", {}, t(c.lang, "ui.briefing.spectator"))];
  });
  s.section("facts", keyOf(c.lang, sc.id), () => [
    heading(t(c.lang, "ui.briefing.evidence"), "h3"),
    h(
      "ul",
      {},
      FRAMINGS.map((f) => h("li", {}, `${term(c.lang, f)}: ${sc.evidence[f]}/10`)),
    ),
    heading(t(c.lang, "ui.briefing.forces"), "h3"),
    h(
      "ul",
      {},
      sc.members.map((m) => {
        const f = sc.forces[m];
        return f
          ? h(
              "li",
              {},
              flag(m),
              t(c.lang, "ui.briefing.forceLine", {
                state: m,
                troops: f.available,
                units_en: f.units.en,
                units_ru: f.units.ru,
                hours: f.transportHours,
              }),
            )
          : null;
      }),
    ),
  ]);
  s.section("sources", keyOf(c.lang, c.sources), () => [
    heading(t(c.lang, "ui.briefing.sources"), "h3"),
    c.sources.length === 0
      ? h("p", { class: "muted" }, t(c.lang, "ui.briefing.sourcesLater"))
      : h(
          "ul",
          {},
          c.sources.map((x) =>
            h("li", {}, h("a", { href: x.url, target: "_blank", rel: "noopener" }, x.title)),
          ),
        ),
  ]);
  coachPanel(s, c);
}

// ── Council: appeal, consultations, vote ──────────────────────────────────────────────────

function appealSection(s: Sections, c: ScreenCtx): void {
  const v = c.snap.view;
  const me = myState(c.snap);
  const lang = c.lang;
  const others = v.scenario.members.filter((m) => m !== v.scenario.host);
  s.section("appeal-record", keyOf(lang, v.appeal, v.informalAppeals), () => [
    heading(t(lang, "ui.appeal.title")),
    h(
      "p",
      {},
      v.appeal ? t(lang, "ui.appeal.record", { channel: v.appeal.channel }) : t(lang, "ui.appeal.none"),
    ),
    v.informalAppeals.length > 0
      ? h("p", {}, t(lang, "ui.appeal.informals", { states: v.informalAppeals.join(", ") }))
      : null,
  ]);
  if (v.phase !== "appeal" || !me) return;
  if (me === v.scenario.host) {
    s.section("appeal-form", formKey(c, ["requestAssistance"]), () => [
      actionForm(
        c,
        "requestAssistance",
        "appeal-request",
        t(lang, "ui.action.requestAssistance"),
        [
          field(
            t(lang, "ui.appeal.channel"),
            h(
              "select",
              { id: "appeal-channel" },
              options(
                APPEAL_CHANNELS.map((x) => ({ value: x, label: term(lang, x) })),
                "formal",
              ),
            ),
          ),
          field(
            t(lang, "ui.appeal.article"),
            h(
              "select",
              { id: "appeal-article" },
              options(
                ARTICLES.map((x) => ({ value: x, label: term(lang, x) })),
                "art4",
              ),
            ),
          ),
          field(
            t(lang, "ui.appeal.framing"),
            h(
              "select",
              { id: "appeal-framing" },
              options(
                FRAMINGS.map((x) => ({ value: x, label: `${term(lang, x)} (${v.scenario.evidence[x]}/10)` })),
              ),
            ),
          ),
          field(
            t(lang, "ui.appeal.target"),
            h(
              "select",
              { id: "appeal-target" },
              options(others.map((x) => ({ value: x, label: term(lang, x) }))),
            ),
          ),
        ],
        [
          {
            label: t(lang, "ui.appeal.send"),
            id: "appeal-send",
            onClick: () => {
              const channel = valueOf("appeal-channel") as AppealChannel;
              c.act({
                type: "requestAssistance",
                channel,
                ...(channel === "formal"
                  ? {
                      article: valueOf("appeal-article") as Article,
                      framing: valueOf("appeal-framing") as Framing,
                    }
                  : {}),
                ...(channel === "bilateral" ? { target: valueOf("appeal-target") as StateId } : {}),
              });
            },
          },
        ],
      ),
    ]);
  } else {
    s.section("appeal-form", formKey(c, ["informalAppeal"]), () => [
      actionForm(
        c,
        "informalAppeal",
        "appeal-informal",
        t(lang, "ui.action.informalAppeal"),
        [
          field(
            t(lang, "ui.appeal.framing"),
            h(
              "select",
              { id: "informal-framing" },
              options(FRAMINGS.map((x) => ({ value: x, label: term(lang, x) }))),
            ),
          ),
        ],
        [
          {
            label: t(lang, "ui.appeal.informal"),
            onClick: () => c.act({ type: "informalAppeal", framing: valueOf("informal-framing") as Framing }),
          },
        ],
      ),
    ]);
  }
}

function bilateralSection(s: Sections, c: ScreenCtx): void {
  const lang = c.lang;
  if (c.snap.phase !== "bilateral" || !myState(c.snap)) return;
  const max = legalOf(c.snap, "respondBilateral")?.maxTroops ?? 0;
  s.section("bilateral-form", formKey(c, ["respondBilateral"]), () => [
    heading(t(lang, "ui.bilateral.title")),
    actionForm(
      c,
      "respondBilateral",
      "bilateral",
      t(lang, "ui.action.respondBilateral"),
      [
        field(
          t(lang, "ui.bilateral.response"),
          h(
            "select",
            { id: "bilateral-response" },
            options(BILATERAL_RESPONSES.map((x) => ({ value: x, label: term(lang, x) }))),
          ),
        ),
        field(
          t(lang, "ui.bilateral.troops", { max }),
          h("input", { id: "bilateral-troops", type: "number", min: 0, max, step: 50, value: 0 }),
        ),
      ],
      [
        {
          label: t(lang, "ui.bilateral.send"),
          onClick: () => {
            const response = valueOf("bilateral-response") as BilateralResponse;
            const troops = Math.max(0, Math.min(max, Math.round(Number(valueOf("bilateral-troops")) || 0)));
            c.act({ type: "respondBilateral", response, ...(response === "assist" ? { troops } : {}) });
          },
        },
      ],
    ),
  ]);
}

function proposalSection(s: Sections, c: ScreenCtx): void {
  const lang = c.lang;
  const p = proposalVM(c.snap, lang);
  s.section("proposal", keyOf(lang, p), () => [
    heading(t(lang, "ui.council.proposal")),
    h(
      "div",
      { class: "proposal", id: "proposal" },
      h("p", { class: "terms" }, p.terms),
      p.present ? h("p", {}, p.tasks) : null,
      p.present ? h("p", { class: "muted" }, p.by) : null,
      p.present
        ? h(
            "p",
            {},
            `${t(lang, "ui.council.pledges")}: `,
            p.pledges.length ? p.pledges.join(", ") : t(lang, "ui.council.noPledges"),
          )
        : null,
    ),
  ]);
}

function consultationsSection(s: Sections, c: ScreenCtx): void {
  const lang = c.lang;
  const v = c.snap.view;
  if (v.phase !== "consultations" || !myState(c.snap)) return;
  const form = proposalFormVM(c.snap);
  s.section("propose-form", formKey(c, ["propose"], form, v.proposal), () => {
    const formSelect = h(
      "select",
      { id: "prop-form" },
      options(
        form.forms.map((f) => ({ value: f.form, label: term(lang, f.form) })),
        form.initial.form,
      ),
    );
    const basisSelect = h("select", { id: "prop-basis" });
    const fillBases = () => {
      const bases = form.forms.find((f) => f.form === formSelect.value)?.bases ?? [];
      const keep = basisSelect.value || form.initial.basis;
      basisSelect.replaceChildren(
        ...options(
          bases.map((b) => ({ value: b, label: term(lang, b) })),
          keep,
        ),
      );
    };
    formSelect.addEventListener("change", fillBases);
    fillBases();
    const tasks = h(
      "fieldset",
      { class: "tasks" },
      h("legend", {}, t(lang, "ui.council.tasksLabel")),
      TASKS.map((task) =>
        h(
          "label",
          { class: "check" },
          h("input", { type: "checkbox", id: `task-${task}`, checked: form.initial.tasks.includes(task) }),
          term(lang, task),
        ),
      ),
    );
    return [
      actionForm(
        c,
        "propose",
        "propose",
        t(lang, "ui.council.edit"),
        [
          field(t(lang, "ui.council.form"), formSelect),
          field(t(lang, "ui.council.basis"), basisSelect),
          tasks,
          field(
            t(lang, "ui.council.days"),
            h("input", { id: "prop-days", type: "number", min: 1, max: 365, value: form.initial.days }),
          ),
        ],
        [
          {
            label: t(lang, form.amend ? "ui.council.amend.btn" : "ui.council.table.btn"),
            id: "propose-send",
            onClick: () => {
              const chosen = TASKS.filter((x) => checked(`task-${x}`)) as Task[];
              c.act({
                type: "propose",
                terms: {
                  form: formSelect.value as (typeof form.forms)[number]["form"],
                  basis: basisSelect.value as (typeof form.forms)[number]["bases"][number],
                  tasks: chosen,
                  timeLimitDays: Math.max(1, Math.min(365, Math.round(Number(valueOf("prop-days")) || 30))),
                },
              });
            },
          },
        ],
      ),
    ];
  });
  const legalKey = formKey(c, ["position", "pledge", "callVote", "requestSession", "withdrawRequest"]);
  const max =
    legalOf(c.snap, "pledge")?.maxTroops ?? v.scenario.forces[myState(c.snap) as StateId]?.available ?? 0;
  s.section("consult-actions", legalKey, () => [
    actionForm(
      c,
      "position",
      "position",
      t(lang, "ui.council.position.label"),
      [],
      STANCES.map((st) => ({
        label: term(lang, st),
        id: `position-${st}`,
        onClick: () => c.act({ type: "position", stance: st }),
      })),
    ),
    actionForm(
      c,
      "pledge",
      "pledge",
      t(lang, "ui.action.pledge"),
      [
        field(
          t(lang, "ui.council.pledge", { max }),
          h("input", { id: "pledge-troops", type: "number", min: 0, max, step: 50, value: 0 }),
        ),
      ],
      [
        {
          label: t(lang, "ui.council.pledgeBtn"),
          onClick: () =>
            c.act({
              type: "pledge",
              troops: Math.max(0, Math.min(max, Math.round(Number(valueOf("pledge-troops")) || 0))),
            }),
        },
      ],
    ),
    actionForm(
      c,
      "callVote",
      "callvote",
      t(lang, "ui.action.callVote"),
      [
        field(
          t(lang, "ui.council.format"),
          h(
            "select",
            { id: "vote-format" },
            options(VOTE_FORMATS.map((f) => ({ value: f, label: term(lang, f) }))),
          ),
        ),
      ],
      [
        {
          label: t(lang, "ui.council.callVote"),
          onClick: () =>
            c.act({ type: "callVote", format: valueOf("vote-format") as (typeof VOTE_FORMATS)[number] }),
        },
      ],
    ),
    actionForm(
      c,
      "requestSession",
      "session",
      t(lang, "ui.action.requestSession"),
      [],
      [{ label: t(lang, "ui.council.requestSession"), onClick: () => c.act({ type: "requestSession" }) }],
    ),
    myState(c.snap) === v.scenario.host
      ? actionForm(
          c,
          "withdrawRequest",
          "withdraw-request",
          t(lang, "ui.action.withdrawRequest"),
          [],
          [{ label: t(lang, "ui.council.withdraw"), onClick: () => c.act({ type: "withdrawRequest" }) }],
        )
      : null,
  ]);
}

function voteSection(s: Sections, c: ScreenCtx): void {
  const lang = c.lang;
  const v = c.snap.view;
  if (v.round === 0 && v.phase !== "council") return;
  // During the vote, the votes as they come; after it, the votes of the last decision taken.
  const cast = v.phase === "council" || !v.decision ? v.votes : v.decision.votes;
  const refused = v.phase === "council" || !v.decision ? v.refusedToSign : v.decision.refusedToSign;
  const votes = v.scenario.members.map((m) => ({
    m,
    vote: cast[m] ? term(lang, cast[m]) : t(lang, "ui.council.notVoted"),
    key: cast[m] ?? "",
    refused: refused.includes(m),
  }));
  s.section("votes", keyOf(lang, votes, v.round, v.format, v.decision), () => [
    heading(t(lang, "ui.council.vote")),
    v.format ? h("p", {}, t(lang, "ui.council.round", { round: v.round, format: v.format })) : null,
    h(
      "ul",
      { class: "votes", id: "votes" },
      votes.map((x) =>
        h(
          "li",
          { "data-seat": x.m },
          flag(x.m),
          `${term(lang, x.m)}: `,
          h("span", { class: `stance-${x.key}` }, x.vote),
          x.refused ? h("span", { class: "muted" }, ` (${t(lang, "ui.council.refusedToSign")})`) : null,
        ),
      ),
    ),
    v.decision
      ? h(
          "p",
          { class: "decision" },
          v.decision.passed
            ? t(lang, "ui.council.decision.passed", { form: v.decision.terms.form, round: v.decision.round })
            : t(lang, "ui.council.decision.blocked", { round: v.decision.round }),
        )
      : null,
  ]);
  if (v.phase !== "council" || !myState(c.snap)) return;
  s.section("vote-form", formKey(c, ["vote", "withdrawRequest"]), () => [
    actionForm(
      c,
      "vote",
      "vote",
      t(lang, "ui.action.vote"),
      [
        h(
          "label",
          { class: "check" },
          h("input", { type: "checkbox", id: "refuse-sign" }),
          t(lang, "ui.council.refuseToSign"),
        ),
      ],
      VOTE_CHOICES.map((choice) => ({
        label: term(lang, choice),
        id: `vote-${choice}`,
        onClick: () =>
          c.act({
            type: "vote",
            choice,
            ...(checked("refuse-sign") && choice !== "object" ? { refuseToSign: true } : {}),
          }),
      })),
    ),
    myState(c.snap) === v.scenario.host
      ? actionForm(
          c,
          "withdrawRequest",
          "withdraw-request",
          t(lang, "ui.action.withdrawRequest"),
          [],
          [{ label: t(lang, "ui.council.withdraw"), onClick: () => c.act({ type: "withdrawRequest" }) }],
        )
      : null,
  ]);
}

export function councilScreen(s: Sections, c: ScreenCtx): void {
  const v = c.snap.view;
  if (v.phase === "briefing") readyForm(s, c, "council-ready");
  appealSection(s, c);
  bilateralSection(s, c);
  proposalSection(s, c);
  consultationsSection(s, c);
  voteSection(s, c);
  coachPanel(s, c);
  seatsList(s, c, "council-seats", t(c.lang, "ui.council.table"));
  timeline(s, c);
  chatPanel(s, c);
}

// ── Map and deployment ───────────────────────────────────────────────────────────────────

export function mapScreen(s: Sections, c: ScreenCtx): void {
  const lang = c.lang;
  const m = mapVM(c.snap, lang);
  const v = c.snap.view;
  s.section(
    "map-facts",
    keyOf(
      lang,
      m.crisis.label,
      m.mission,
      m.tokens.map((x) => x.label),
    ),
    () => [
      heading(t(lang, "ui.map.title")),
      h("p", { id: "crisis-place" }, m.crisis.label),
      m.mission ? h("p", {}, m.mission) : null,
      heading(t(lang, "ui.map.contingents"), "h3"),
      m.tokens.length === 0
        ? h("p", { class: "muted" }, t(lang, "ui.map.none"))
        : h(
            "ul",
            { id: "contingents" },
            m.tokens.map((x) => h("li", {}, flag(x.id), x.label)),
          ),
    ],
  );
  if (v.phase === "deployment" && myState(c.snap)) {
    s.section("deploy-actions", formKey(c, ["missionDay", "pressToLeave", "withdrawContingent"]), () => [
      myState(c.snap) === v.scenario.host
        ? actionForm(
            c,
            "missionDay",
            "mission-day",
            t(lang, "ui.action.missionDay"),
            [],
            [
              {
                label: t(lang, "ui.deploy.stay"),
                id: "mission-stay",
                onClick: () => c.act({ type: "missionDay", decision: "stay" }),
              },
              {
                label: t(lang, "ui.deploy.end"),
                id: "mission-end",
                onClick: () => c.act({ type: "missionDay", decision: "end" }),
              },
            ],
          )
        : actionForm(
            c,
            "pressToLeave",
            "press",
            t(lang, "ui.action.pressToLeave"),
            [],
            [{ label: t(lang, "ui.deploy.press"), onClick: () => c.act({ type: "pressToLeave" }) }],
          ),
      myState(c.snap) !== v.scenario.host
        ? actionForm(
            c,
            "withdrawContingent",
            "withdraw-contingent",
            t(lang, "ui.action.withdrawContingent"),
            [],
            [{ label: t(lang, "ui.deploy.withdraw"), onClick: () => c.act({ type: "withdrawContingent" }) }],
          )
        : null,
    ]);
  }
  coachPanel(s, c);
  timeline(s, c, 15);
}

// ── Approvals ────────────────────────────────────────────────────────────────────────────

export function approvalsScreen(s: Sections, c: ScreenCtx): void {
  const lang = c.lang;
  const rows = approvalsVM(c.snap, lang);
  const v = c.snap.view;
  s.section("approvals", keyOf(lang, rows), () => [
    heading(t(lang, "ui.approvals.title")),
    rows.length === 0
      ? h("p", { class: "muted" }, t(lang, "ui.approvals.none"))
      : h(
          "ul",
          { class: "approvals", id: "approvals" },
          rows.map((r) =>
            h(
              "li",
              { "data-seat": r.id, class: `approval ${r.statusKey}` },
              h("h3", {}, flag(r.id), r.heading),
              h("p", {}, r.status),
              h(
                "ol",
                { class: "steps" },
                r.steps.map((st) =>
                  h("li", { class: st.failed ? "failed" : st.done ? "done" : "todo" }, st.label),
                ),
              ),
              r.sittings.length
                ? h(
                    "ul",
                    { class: "sittings" },
                    r.sittings.map((x) => h("li", {}, x)),
                  )
                : null,
              h("p", { class: "muted" }, `${r.clock} · ${r.lobbying}`),
              r.movedEarly ? h("p", {}, t(lang, "ui.approvals.earlyMove")) : null,
            ),
          ),
        ),
  ]);
  if (v.phase === "approvals" && c.snap.seat) {
    const targets = legalOf(c.snap, "lobby")?.targets ?? [];
    s.section(
      "approval-actions",
      formKey(c, ["deputyVote", "submitApproval", "lobby", "withdrawPledge"]),
      () =>
        v.private?.role === "deputy"
          ? [
              actionForm(
                c,
                "deputyVote",
                "deputy-vote",
                t(lang, "ui.approvals.deputy"),
                [],
                DEPUTY_VOTES.map((x) => ({
                  label: term(lang, x),
                  onClick: () => c.act({ type: "deputyVote", vote: x }),
                })),
              ),
            ]
          : [
              actionForm(
                c,
                "submitApproval",
                "submit-approval",
                t(lang, "ui.action.submitApproval"),
                [],
                [{ label: t(lang, "ui.approvals.submit"), onClick: () => c.act({ type: "submitApproval" }) }],
              ),
              actionForm(
                c,
                "lobby",
                "lobby",
                t(lang, "ui.action.lobby"),
                [
                  field(
                    t(lang, "ui.approvals.lobby"),
                    h(
                      "select",
                      { id: "lobby-target" },
                      options(targets.map((x) => ({ value: x, label: term(lang, x) }))),
                    ),
                  ),
                ],
                [
                  {
                    label: t(lang, "ui.approvals.lobbyBtn"),
                    onClick: () => {
                      const target = valueOf("lobby-target") as StateId;
                      if (target) c.act({ type: "lobby", target });
                    },
                  },
                ],
              ),
              actionForm(
                c,
                "withdrawPledge",
                "withdraw-pledge",
                t(lang, "ui.action.withdrawPledge"),
                [],
                [
                  {
                    label: t(lang, "ui.approvals.withdrawPledge"),
                    onClick: () => c.act({ type: "withdrawPledge" }),
                  },
                ],
              ),
            ],
    );
  }
  coachPanel(s, c);
  timeline(s, c, 15);
}

// ── Debrief ──────────────────────────────────────────────────────────────────────────────

export function debriefScreen(s: Sections, c: ScreenCtx): void {
  const lang = c.lang;
  const d = debriefVM(c.snap, lang);
  if (!d) {
    s.section("debrief-wait", keyOf(lang), () => [
      heading(t(lang, "ui.debrief.title")),
      h("p", {}, t(lang, "ui.debrief.waiting")),
    ]);
    return;
  }
  s.section("debrief", keyOf(lang, d), () => [
    h("h2", { id: "debrief-title" }, t(lang, "ui.debrief.title")),
    h("p", { class: "lead", id: "debrief-end" }, d.end),
    h("p", {}, d.alliance),
    heading(t(lang, "ui.debrief.tracks"), "h3"),
    h(
      "ul",
      { class: "tracks" },
      d.tracks.map((x) =>
        h("li", {}, h("span", { class: `swatch track-${x.track}`, "aria-hidden": "true" }), x.text),
      ),
    ),
    heading(t(lang, "ui.debrief.history"), "h3"),
    h("p", { class: "lead" }, d.matches),
    h(
      "div",
      { class: "compare" },
      h(
        "div",
        {},
        h("h4", {}, t(lang, "ui.debrief.yourGame")),
        h(
          "ol",
          { class: "timeline" },
          d.yourGame.map((r) => h("li", {}, h("span", { class: "when" }, r.hour), ` ${r.who}: ${r.text}`)),
        ),
      ),
      h(
        "div",
        {},
        h("h4", {}, t(lang, "ui.debrief.reality")),
        h("p", {}, d.summary),
        h(
          "ol",
          { class: "timeline" },
          d.reality.map((r) => h("li", {}, h("span", { class: "when" }, r.date), ` ${r.text}`)),
        ),
      ),
    ),
    heading(t(lang, "ui.debrief.scores"), "h3"),
    h(
      "div",
      { class: "scores" },
      d.scores.map((sc) =>
        h(
          "div",
          { class: `score${sc.mine ? " me" : ""}`, "data-seat": sc.id },
          h("h4", {}, flag(sc.id), sc.heading),
          h(
            "ul",
            {},
            sc.lines.map((l) => h("li", { class: l.met ? "met" : "unmet" }, l.text)),
          ),
        ),
      ),
    ),
    heading(t(lang, "ui.debrief.questions"), "h3"),
    h(
      "ol",
      {},
      d.questions.map((q) =>
        h(
          "li",
          {},
          h("p", {}, h("strong", {}, q.question)),
          h(
            "ul",
            {},
            q.positions.map((p) =>
              h(
                "li",
                {},
                h("em", {}, p.actor),
                `: ${p.position} `,
                h("span", { class: "muted" }, `(${p.source})`),
              ),
            ),
          ),
        ),
      ),
    ),
    heading(t(lang, "ui.debrief.sources"), "h3"),
    h(
      "ul",
      {},
      d.sources.map((x) => h("li", {}, h("a", { href: x.url, target: "_blank", rel: "noopener" }, x.title))),
    ),
  ]);
}

// ── Projector ────────────────────────────────────────────────────────────────────────────

export function projectorScreen(s: Sections, c: ScreenCtx): void {
  const lang = c.lang;
  const v = c.snap.view;
  s.section("proj-head", keyOf(lang, v.scenario.id, c.snap.code), () => [
    h("h2", {}, v.scenario.title[lang]),
    h(
      "p",
      { class: "code-box" },
      h("span", { class: "label" }, t(lang, "ui.projector.join", { code: "" })),
      h("span", { class: "code" }, c.snap.code),
    ),
  ]);
  proposalSection(s, c);
  voteSection(s, c);
  const rows = seatsVM(c.snap, lang);
  s.section("proj-seats", keyOf(lang, rows), () => [
    h(
      "ul",
      { class: "seats big" },
      rows.map((r) =>
        h(
          "li",
          {},
          flag(r.id),
          h("strong", {}, r.state),
          ` ${r.leader} `,
          r.stance ? h("span", { class: `tag stance-${r.stanceKey}` }, r.stance) : null,
        ),
      ),
    ),
  ]);
  s.section("proj-tracks", keyOf(lang, v.tracks), () => [
    h(
      "ul",
      { class: "tracks inline" },
      TRACKS.map((k) =>
        h(
          "li",
          {},
          h("span", { class: `swatch track-${k}`, "aria-hidden": "true" }),
          t(lang, "ui.debrief.trackLine", { track: k, value: Math.round(v.tracks[k] * 10) / 10 }),
        ),
      ),
    ),
  ]);
  if (Object.keys(v.approvals).length) approvalsScreenBrief(s, c);
  const latest = timelineVM(c.snap, lang, 5);
  s.section("proj-latest", keyOf(lang, latest), () => [
    h("h3", {}, t(lang, "ui.projector.latest")),
    h(
      "ol",
      { class: "timeline", role: "log", "aria-live": "polite" },
      latest.map((r) => h("li", {}, `${r.who}: ${r.text}`)),
    ),
  ]);
  if (v.debrief) debriefScreen(s, c);
}

function approvalsScreenBrief(s: Sections, c: ScreenCtx): void {
  const rows = approvalsVM(c.snap, c.lang);
  s.section("proj-approvals", keyOf(c.lang, rows), () => [
    h("h3", {}, t(c.lang, "ui.approvals.title")),
    h(
      "ul",
      {},
      rows.map((r) => h("li", {}, flag(r.id), r.status, r.sittings.length ? ` — ${r.sittings.at(-1)}` : "")),
    ),
  ]);
}
