/**
 * National approval procedures as data, per state and per period (docs/game.md, "National approvals").
 * They follow each member state's constitution and laws on sending troops abroad as they stood on the
 * scenario's date (for instance the Federation Council's standing consent of 9 December 2009 for
 * Russia, Art. 55 of Tajikistan's constitution, Belarus's 2003 law). A scenario picks the entry in force
 * on its date. Chamber sizes and bloc leanings are a game model: a leaning is the probability that a
 * deputy of that bloc votes yes before any crisis factor.
 */
import type { LocalizedText } from "../scenarios/schema.ts";
import type { ProcedureKind, StateId } from "./vocabulary.ts";

export interface Bloc {
  name: LocalizedText;
  seats: number;
  leaning: number;
}

export interface Chamber {
  body: LocalizedText;
  seats: number;
  /** Yes votes needed (of all seats, not of those present). */
  needed: number;
  /** Deputies who must be present for the sitting to vote. */
  quorum: number;
  blocs: Bloc[];
  /** Share of deputies present at each sitting (the last repeats); scenarios may override it. */
  attendance: number[];
  /** In-game hours one sitting takes. */
  hoursPerSitting: number;
}

export interface Procedure {
  state: StateId;
  /** First day this procedure applies (inclusive), and the day it stops applying (exclusive). */
  from: string;
  until?: string;
  kind: ProcedureKind;
  /** Who decides, in words. */
  body: LocalizedText;
  /** Hours a decision by one person or a government takes. */
  hours: number;
  /** For votes: the chamber. For standing consent: the chamber that decides long missions. */
  chamber?: Chamber;
  /** Belarus: conscripts may not be sent; only professional units go. */
  professionalOnly?: boolean;
  /** Tajikistan: troops may move before the vote, at a legitimacy cost. */
  movesBeforeApproval?: boolean;
}

const federationCouncil: Chamber = {
  body: { en: "Federation Council", ru: "Совет Федерации" },
  seats: 170,
  needed: 86,
  quorum: 86,
  blocs: [{ name: { en: "Senators", ru: "Сенаторы" }, seats: 170, leaning: 0.97 }],
  attendance: [0.9],
  hoursPerSitting: 24,
};

export const PROCEDURES: readonly Procedure[] = [
  {
    state: "RU",
    from: "1993-12-25",
    until: "2009-12-09",
    kind: "upperHouse",
    body: {
      en: "Federation Council vote on the President's proposal",
      ru: "Голосование Совета Федерации по предложению Президента",
    },
    hours: 2,
    chamber: federationCouncil,
  },
  {
    state: "RU",
    from: "2009-12-09",
    kind: "standingConsent",
    body: {
      en: "The President, under the Federation Council's standing consent of 9 December 2009; a long mission goes to a Federation Council vote",
      ru: "Президент на основании постоянного согласия Совета Федерации от 9 декабря 2009 года; длительная миссия требует голосования Совета Федерации",
    },
    hours: 2,
    chamber: federationCouncil,
  },
  {
    state: "KG",
    from: "1993-01-01",
    kind: "parliament",
    body: {
      en: "Jogorku Kenesh consent, then a presidential decree",
      ru: "Согласие Жогорку Кенеша, затем указ президента",
    },
    hours: 2,
    chamber: {
      body: { en: "Jogorku Kenesh", ru: "Жогорку Кенеш" },
      seats: 120,
      needed: 61,
      quorum: 61,
      blocs: [
        { name: { en: "Pro-presidential groups", ru: "Пропрезидентские группы" }, seats: 70, leaning: 0.9 },
        { name: { en: "Unaligned deputies", ru: "Независимые депутаты" }, seats: 35, leaning: 0.75 },
        { name: { en: "Critics of the mission", ru: "Критики миссии" }, seats: 15, leaning: 0.35 },
      ],
      attendance: [0.8],
      hoursPerSitting: 12,
    },
  },
  {
    state: "TJ",
    from: "1994-11-06",
    kind: "jointSession",
    body: {
      en: "Joint session of the Majlisi Milli and the Majlisi Namoyandagon (Constitution Art. 55)",
      ru: "Совместное заседание Маджлиси милли и Маджлиси намояндагон (ст. 55 Конституции)",
    },
    hours: 2,
    movesBeforeApproval: true,
    chamber: {
      body: { en: "Joint session of both chambers", ru: "Совместное заседание палат" },
      seats: 96,
      needed: 49,
      quorum: 49,
      blocs: [{ name: { en: "Deputies and members", ru: "Депутаты и члены" }, seats: 96, leaning: 0.97 }],
      attendance: [0.85],
      hoursPerSitting: 24,
    },
  },
  {
    state: "AM",
    from: "1995-07-05",
    kind: "government",
    body: { en: "Government decision", ru: "Решение правительства" },
    hours: 6,
  },
  {
    state: "BY",
    from: "2003-11-29",
    kind: "president",
    body: {
      en: "The President decides (Law No. 254-Z of 2003); conscripts excluded",
      ru: "Решает Президент (Закон № 254-З 2003 года); военнослужащие срочной службы не направляются",
    },
    hours: 2,
    professionalOnly: true,
  },
  {
    state: "KZ",
    from: "1995-08-30",
    kind: "jointSession",
    body: {
      en: "Parliament in joint session, on the President's proposal",
      ru: "Парламент на совместном заседании палат по предложению Президента",
    },
    hours: 2,
    chamber: {
      body: { en: "Parliament (joint session)", ru: "Парламент (совместное заседание)" },
      seats: 156,
      needed: 79,
      quorum: 79,
      blocs: [
        { name: { en: "Ruling party", ru: "Правящая партия" }, seats: 120, leaning: 0.95 },
        {
          name: { en: "Other deputies and senators", ru: "Другие депутаты и сенаторы" },
          seats: 36,
          leaning: 0.8,
        },
      ],
      attendance: [0.85],
      hoursPerSitting: 24,
    },
  },
  {
    state: "UZ",
    from: "2006-06-23",
    until: "2012-12-19",
    kind: "parliament",
    body: { en: "Oliy Majlis (parliament)", ru: "Олий Мажлис (парламент)" },
    hours: 2,
    chamber: {
      body: { en: "Oliy Majlis", ru: "Олий Мажлис" },
      seats: 150,
      needed: 76,
      quorum: 76,
      blocs: [{ name: { en: "Deputies", ru: "Депутаты" }, seats: 150, leaning: 0.85 }],
      attendance: [0.85],
      hoursPerSitting: 24,
    },
  },
];

/** The procedure in force for a state on a date (YYYY-MM-DD), or undefined if none is on record. */
export function procedureFor(state: StateId, date: string): Procedure | undefined {
  return PROCEDURES.find(
    (procedure) =>
      procedure.state === state &&
      procedure.from <= date &&
      (procedure.until === undefined || date < procedure.until),
  );
}
