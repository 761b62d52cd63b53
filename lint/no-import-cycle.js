// `local/no-import-cycle`: an import that leads, through our own files, back to the file it is in.
//
// Why not import-x/no-cycle: it does not follow `import type`, and has no option to. A cycle made of
// type imports is still one module graph knotted into one piece (the rules' state → campaign →
// outcome → state was such a cycle), so here every edge counts: value and type imports,
// `export … from`, `import()` and `import("…").T`.
//
// Only relative specifiers are followed. Every local import in this project is a relative path with
// its real extension (NodeNext with allowImportingTsExtensions), so resolving one is `path.resolve`;
// packages cannot lead back into our files. Other files' imports are read with TypeScript's own
// import scanner (ts.preProcessFile), cached by modification time, so a lint run reads each file once.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

/** @type {Map<string, { mtimeMs: number; targets: string[] }>} */
const cache = new Map();

/** The local files `file` imports, as absolute paths; empty if it cannot be read. */
function importsOf(file) {
  let mtimeMs;
  try {
    mtimeMs = fs.statSync(file).mtimeMs;
  } catch {
    return [];
  }
  const hit = cache.get(file);
  if (hit?.mtimeMs === mtimeMs) return hit.targets;
  const text = fs.readFileSync(file, "utf8");
  const targets = ts
    .preProcessFile(text, true, true)
    .importedFiles.map((ref) => resolveLocal(file, ref.fileName))
    .filter((target) => target !== null);
  cache.set(file, { mtimeMs, targets });
  return targets;
}

/** The absolute path a relative specifier names, or null for a package or a missing file. */
function resolveLocal(from, specifier) {
  if (!specifier.startsWith("./") && !specifier.startsWith("../")) return null;
  const target = path.resolve(path.dirname(from), specifier);
  return fs.existsSync(target) ? target : null;
}

/** The shortest import path from `start` back to `goal` (both included), or null. */
function pathBack(start, goal) {
  /** @type {Map<string, string | null>} */
  const cameFrom = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = /** @type {string} */ (queue.shift());
    for (const next of importsOf(file)) {
      if (next === goal) {
        const route = [goal];
        for (let at = file; at !== null; at = cameFrom.get(at) ?? null) route.unshift(at);
        return route;
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, file);
        queue.push(next);
      }
    }
  }
  return null;
}

/** @type {import("eslint").Rule.RuleModule} */
export default {
  meta: {
    type: "problem",
    docs: { description: "Forbid an import that leads back to the importing file (type imports included)." },
    schema: [],
    messages: { cycle: "Import cycle: {{route}}." },
  },
  create(context) {
    const file = context.physicalFilename;
    const root = context.cwd;
    const check = (node, source) => {
      if (source?.type !== "Literal" || typeof source.value !== "string") return;
      const target = resolveLocal(file, source.value);
      if (target === null || target === file) return;
      const route = pathBack(target, file);
      if (route === null) return;
      const shown = [file, ...route].map((f) => path.relative(root, f)).join(" → ");
      context.report({ node, messageId: "cycle", data: { route: shown } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      TSImportType: (node) => check(node, node.source),
    };
  },
};
