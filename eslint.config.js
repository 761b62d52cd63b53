// Lint with zero warnings: `npm run lint` passes --max-warnings 0.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "data/", "test-results/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { console: "readonly", process: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        { selector: "TSEnumDeclaration", message: "Use a union of string literals (erasable syntax)." },
      ],
    },
  },
  {
    // The game core is deterministic and has no I/O.
    files: ["shared/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", "Date", "setTimeout", "setInterval", "fetch", "process"],
      "no-restricted-properties": [
        "error",
        { object: "Math", property: "random", message: "Use the seeded RNG in the state." },
      ],
      "no-restricted-imports": [
        "error",
        { patterns: ["node:*", "fs", "path", "colyseus*", "@colyseus/*", "phaser"] },
      ],
    },
  },
);
