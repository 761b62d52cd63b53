// `npm run lint:size`: the files past the soft mark of 300 lines, longest first. It only reports, it
// never fails: the hard limit (400 lines) is eslint's max-lines, and eslint runs with --max-warnings 0,
// so a 300-line warning there would fail the lint. Lines are counted as max-lines counts them:
// physical lines, a final newline not starting another; the same files are exempt (string tables).
import fs from "node:fs";

const SOFT = 300;
const HARD = 400;
const SOURCES = ["{shared,server,client,tests,lint}/**/*.{ts,js,mjs}", "*.{ts,js,mjs}", ".ci/*.mjs"];
const EXEMPT = new Set(["shared/i18n/en.ts", "shared/i18n/ru.ts"]);

const lines = (file) => {
  const text = fs.readFileSync(file, "utf8");
  return text === "" ? 0 : text.replace(/\r?\n$/, "").split(/\r?\n/).length;
};

const long = fs
  .globSync(SOURCES, { exclude: (name) => name.includes("node_modules") })
  .filter((file) => !EXEMPT.has(file))
  .map((file) => ({ file, count: lines(file) }))
  .filter(({ count }) => count >= SOFT)
  .sort((a, b) => b.count - a.count);

if (long.length === 0) console.log(`lint:size: no file of ${SOFT} lines or more.`);
else {
  console.log(
    `lint:size: ${long.length} files of ${SOFT} lines or more (aim for less; ${HARD} fails the lint):`,
  );
  for (const { file, count } of long)
    console.log(`${String(count).padStart(6)}  ${file}${count >= HARD ? "  (over the limit)" : ""}`);
}
