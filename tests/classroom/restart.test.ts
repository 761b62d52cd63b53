import { restartSuite } from "./suites/restart.ts";

// SQLite in a temporary DATA_DIR (the default store).
restartSuite(() => ({ DATABASE_URL: "" }));
