/**
 * The menu: what the game is, Play now and the open rooms (menu-lobby.ts), solo practice, create a
 * room (a campaign too), join by code, classroom (student or projector).
 */
import { term, type Language } from "../../shared/i18n/index.ts";
import type { BotKind, StateId } from "../../shared/rules/index.ts";
import { CLASS_CODE_LENGTH } from "../../shared/protocol/classroom.ts";
import { PACES, type Pace } from "../../shared/protocol/index.ts";
import { CHOICES, t, type LobbyListVM } from "../view/models.ts";
import { field, valueOf, checked } from "./controls.ts";
import { h, options } from "./dom.ts";
import { introCard, lobbyCard, quickCard, type LobbyHandlers } from "./menu-lobby.ts";

export interface ScenarioInfo {
  id: string;
  title: { en: string; ru: string };
  date: string;
  members: StateId[];
  host: StateId;
  chair: StateId;
  sources?: { title: string; url: string }[];
}

export interface MenuHandlers extends LobbyHandlers {
  solo(o: {
    scenario: string;
    seat: StateId;
    bots: BotKind;
    pace: Pace;
    name: string;
    /** The crises in date order from this one (docs/game.md, "Campaign"). */
    campaign?: boolean;
    /** A guided crisis: the coach explains each step before the player acts. */
    guided?: boolean;
  }): void;
  create(o: {
    scenario: string;
    seat: StateId | null;
    name: string;
    private: boolean;
    /** The kind of bot that plays every seat without a human. */
    bots: BotKind;
    /** Deputy seats for the parliaments that vote, for a larger group at one table. */
    deputies: boolean;
    campaign?: boolean;
  }): void;
  join(o: { code: string; name: string; seat: string | null }): void;
  projector(code: string): void;
}

/** Deputy seats a room may offer per chamber, and the states whose approval is a chamber vote. */
export const DEPUTIES_PER_CHAMBER = 2;
export const DEPUTY_STATES: readonly StateId[] = ["KG", "TJ", "KZ", "RU", "UZ"];

function scenarioSelect(
  id: string,
  list: ScenarioInfo[],
  lang: Language,
  selected: string,
): HTMLSelectElement {
  return h(
    "select",
    { id },
    options(
      list.map((scenario) => ({ value: scenario.id, label: `${scenario.title[lang]} (${scenario.date})` })),
      selected,
    ),
  );
}

function stateOptions(sc: ScenarioInfo | undefined, lang: Language, any: string | null): HTMLOptionElement[] {
  const list = (sc?.members ?? []).map((m) => ({ value: m, label: term(lang, m) }));
  return options(any === null ? list : [{ value: "", label: any }, ...list], sc?.host);
}

const campaignBox = (id: string, lang: Language): HTMLElement =>
  h("label", { class: "check" }, h("input", { type: "checkbox", id }), t(lang, "ui.lobby.campaign"));

export function renderMenu(
  root: HTMLElement,
  lang: Language,
  list: ScenarioInfo[] | null,
  handlers: MenuHandlers,
  remembered: { name: string; code: string; guided: boolean },
  lobby: LobbyListVM,
): void {
  if (!list) {
    root.replaceChildren(h("p", { role: "status" }, t(lang, "ui.menu.loading")));
    return;
  }
  const first = list.find((scenario) => scenario.id === "kazakhstan-2022-01") ?? list[0];
  const byId = (id: string) => list.find((scenario) => scenario.id === id);

  const soloScenario = scenarioSelect("solo-scenario", list, lang, first?.id ?? "");
  const soloState = h("select", { id: "solo-state" }, stateOptions(first, lang, null));
  soloScenario.addEventListener("change", () =>
    soloState.replaceChildren(...stateOptions(byId(soloScenario.value), lang, null)),
  );
  const solo = h(
    "form",
    {
      class: "card",
      id: "menu-solo",
      "aria-labelledby": "solo-h",
      onsubmit: (e: Event) => {
        e.preventDefault();
        handlers.solo({
          scenario: soloScenario.value,
          seat: soloState.value as StateId,
          bots: valueOf("solo-bots") as BotKind,
          pace: valueOf("solo-pace") as Pace,
          name: valueOf("solo-name").trim(),
          campaign: checked("solo-campaign"),
          guided: checked("solo-guided"),
        });
      },
    },
    h("h2", { id: "solo-h" }, t(lang, "ui.menu.solo")),
    h("p", { class: "muted" }, t(lang, "ui.menu.soloHint")),
    field(t(lang, "ui.menu.scenario"), soloScenario),
    field(t(lang, "ui.menu.state"), soloState),
    field(
      t(lang, "ui.menu.bots"),
      h(
        "select",
        { id: "solo-bots" },
        options(
          CHOICES.botKinds.map((k) => ({ value: k, label: t(lang, `ui.menu.botKind.${k}`) })),
          "historical",
        ),
      ),
    ),
    field(
      t(lang, "ui.menu.pace"),
      h(
        "select",
        { id: "solo-pace" },
        options(
          PACES.map((pace) => ({ value: pace, label: t(lang, `ui.menu.pace.${pace}`) })),
          "slow",
        ),
      ),
    ),
    field(
      t(lang, "ui.menu.name"),
      h("input", {
        id: "solo-name",
        type: "text",
        maxlength: 40,
        value: remembered.name,
        autocomplete: "nickname",
      }),
    ),
    campaignBox("solo-campaign", lang),
    h(
      "label",
      { class: "check" },
      h("input", { type: "checkbox", id: "solo-guided", checked: remembered.guided }),
      t(lang, "ui.guide.toggle"),
    ),
    h("button", { type: "submit", id: "solo-start", class: "primary" }, t(lang, "ui.menu.start")),
  );

  const createScenario = scenarioSelect("create-scenario", list, lang, first?.id ?? "");
  const createSeat = h(
    "select",
    { id: "create-seat" },
    stateOptions(first, lang, t(lang, "ui.menu.anySeat")),
  );
  createScenario.addEventListener("change", () =>
    createSeat.replaceChildren(...stateOptions(byId(createScenario.value), lang, t(lang, "ui.menu.anySeat"))),
  );
  const create = h(
    "form",
    {
      class: "card",
      id: "menu-create",
      "aria-labelledby": "create-h",
      onsubmit: (e: Event) => {
        e.preventDefault();
        handlers.create({
          scenario: createScenario.value,
          seat: (createSeat.value || null) as StateId | null,
          name: valueOf("create-name").trim(),
          private: checked("create-private"),
          bots: valueOf("create-bots") as BotKind,
          deputies: checked("create-deputies"),
          campaign: checked("create-campaign"),
        });
      },
    },
    h("h2", { id: "create-h" }, t(lang, "ui.menu.create")),
    h("p", { class: "muted" }, t(lang, "ui.menu.createHint")),
    field(t(lang, "ui.menu.scenario"), createScenario),
    field(t(lang, "ui.menu.seat"), createSeat),
    field(
      t(lang, "ui.menu.bots"),
      h(
        "select",
        { id: "create-bots" },
        options(
          CHOICES.botKinds.map((k) => ({ value: k, label: t(lang, `ui.menu.botKind.${k}`) })),
          "historical",
        ),
      ),
    ),
    field(
      t(lang, "ui.menu.name"),
      h("input", { id: "create-name", type: "text", maxlength: 40, value: remembered.name }),
    ),
    h(
      "label",
      { class: "check" },
      h("input", { type: "checkbox", id: "create-deputies" }),
      t(lang, "ui.menu.deputies", { n: DEPUTIES_PER_CHAMBER }),
    ),
    campaignBox("create-campaign", lang),
    h(
      "label",
      { class: "check" },
      h("input", { type: "checkbox", id: "create-private", checked: true }),
      t(lang, "ui.menu.private"),
    ),
    h("button", { type: "submit", id: "create-btn" }, t(lang, "ui.menu.createBtn")),
  );

  const join = h(
    "form",
    {
      class: "card",
      id: "menu-join",
      "aria-labelledby": "join-h",
      onsubmit: (e: Event) => {
        e.preventDefault();
        handlers.join({
          code: valueOf("join-code"),
          name: valueOf("join-name").trim(),
          seat: valueOf("join-seat") || null,
        });
      },
    },
    h("h2", { id: "join-h" }, t(lang, "ui.menu.join")),
    field(
      t(lang, "ui.menu.code"),
      h("input", {
        id: "join-code",
        type: "text",
        maxlength: 6,
        value: remembered.code,
        autocomplete: "off",
        class: "code-input",
        spellcheck: "false",
      }),
    ),
    field(
      t(lang, "ui.menu.name"),
      h("input", { id: "join-name", type: "text", maxlength: 40, value: remembered.name }),
    ),
    field(
      t(lang, "ui.menu.seat"),
      h(
        "select",
        { id: "join-seat" },
        options([
          { value: "", label: t(lang, "ui.menu.anySeat") },
          ...["RU", "KZ", "BY", "AM", "KG", "TJ", "UZ"].map((m) => ({ value: m, label: term(lang, m) })),
          // Deputy seats exist when the room was created with them.
          ...DEPUTY_STATES.flatMap((m) =>
            Array.from({ length: DEPUTIES_PER_CHAMBER }, (_, i) => ({
              value: `${m}.d${i + 1}`,
              label: t(lang, "ui.menu.deputySeat", { n: i + 1, state: m }),
            })),
          ),
        ]),
      ),
    ),
    h("button", { type: "submit", id: "join-btn" }, t(lang, "ui.menu.joinBtn")),
  );

  const classroom = h(
    "form",
    {
      class: "card",
      id: "menu-class",
      "aria-labelledby": "class-h",
      onsubmit: (e: Event) => {
        e.preventDefault();
        const code = valueOf("class-code").trim().toUpperCase();
        // A class code (longer than a room code) belongs to the classroom page.
        if (code.length === CLASS_CODE_LENGTH) {
          location.href = `./classroom.html?code=${encodeURIComponent(code)}`;
          return;
        }
        handlers.join({ code, name: valueOf("class-name").trim(), seat: null });
      },
    },
    h("h2", { id: "class-h" }, t(lang, "ui.menu.classroom")),
    h("p", { class: "muted" }, t(lang, "ui.menu.classroomHint")),
    h("p", {}, h("a", { href: "./classroom.html", id: "menu-classroom-link" }, t(lang, "class.menuLink"))),
    field(
      t(lang, "ui.menu.code"),
      h("input", {
        id: "class-code",
        type: "text",
        maxlength: 6,
        autocomplete: "off",
        class: "code-input",
        spellcheck: "false",
      }),
    ),
    field(
      t(lang, "ui.menu.name"),
      h("input", { id: "class-name", type: "text", maxlength: 40, value: remembered.name }),
    ),
    h("button", { type: "submit", id: "class-join" }, t(lang, "ui.menu.student")),
    h(
      "button",
      { type: "button", id: "class-projector", onclick: () => handlers.projector(valueOf("class-code")) },
      t(lang, "ui.menu.projector"),
    ),
  );
  root.replaceChildren(
    h(
      "div",
      { class: "menu" },
      introCard(lang, handlers),
      quickCard(lang, handlers, remembered.name),
      lobbyCard(lang, lobby, handlers),
      solo,
      create,
      join,
      classroom,
    ),
  );
}
