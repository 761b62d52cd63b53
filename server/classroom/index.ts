/**
 * Classroom mode, as the server builds it: the session store, the sessions, and the HTTP API under
 * `/api/class`. `createApp` opens it beside the game store and mounts the router.
 */
import type { Router } from "express";
import type { Scenario } from "../../shared/scenarios/schema.ts";
import type { GameStore } from "../storage/index.ts";
import { classroomRouter, DEFAULT_CLASSROOM_LIMITS, type ClassroomLimits } from "./http.ts";
import { Classrooms } from "./service.ts";
import { openClassStore, type ClassStore } from "./store.ts";

export interface Classroom {
  rooms: Classrooms;
  store: ClassStore;
  router: Router;
  /** After the tables came back from a restart: put back their pauses. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/** Sessions idle for longer than this are not looked at when the server starts. */
const RESTORE_DAYS = 60;

export async function openClassroom(config: {
  dataDir: string;
  databaseUrl?: string;
  pgSchema?: string;
  games: GameStore;
  scenarios: Map<string, Scenario>;
  limits?: Partial<ClassroomLimits>;
}): Promise<Classroom> {
  const store = await openClassStore(config);
  const rooms = new Classrooms(store, config.games, config.scenarios);
  return {
    rooms,
    store,
    router: classroomRouter(rooms, config.scenarios, { ...DEFAULT_CLASSROOM_LIMITS, ...config.limits }),
    async restore() {
      await rooms.restore(await store.recent(Date.now() - RESTORE_DAYS * 86_400_000));
    },
    close: () => store.close(),
  };
}
