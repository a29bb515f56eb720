/**
 * The JavaScript each built page makes its main thread load, measured from dist/ after
 * `npm run build`: `node scripts/main-thread-js.ts [dist]`.
 *
 * Per page: the bytes of the module scripts it references and of every chunk they import
 * statically (loaded as the page opens), then the same plus the chunks they import dynamically
 * (what a reader's clicks can still pull in: Observable Plot, a file importer…). Worker scripts are
 * not counted: `new Worker(new URL(…))` is not an import, and they run off the main thread. The
 * last column says whether a benchmark declaration reached the main thread at all (its
 * `defineBenchmark` message is the tell), which the page should never need.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const dist = resolve(process.argv[2] ?? "dist");
const DECLARATION_TELL = "invalid baseline:";

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "_astro" || name === "pagefind" ? [] : htmlFiles(path);
    return name.endsWith(".html") ? [path] : [];
  });
}

/** Chunks a module imports: `from"./x.js"`, `import"./x.js"` (static) and `import("./x.js")` (dynamic), any quotes. */
function imports(code: string): { static: string[]; dynamic: string[] } {
  // A computed specifier (`${base}pagefind.js`, Starlight's search index) is not a chunk of ours.
  const found = (pattern: RegExp) => [...code.matchAll(pattern)].map((m) => m[1]!).filter((spec) => !spec.includes("${"));
  return {
    static: found(/(?:\bfrom|\bimport)\s*["'`]([^"'`]+\.js)["'`]/g),
    dynamic: found(/\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g),
  };
}

/** Every module reachable from `entries` (absolute file paths), following dynamic imports too when asked. */
function closure(entries: readonly string[], dynamic: boolean): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, "utf8");
    const { static: s, dynamic: d } = imports(code);
    for (const spec of dynamic ? [...s, ...d] : s) visit(spec.startsWith("/") ? join(dist, spec) : resolve(dirname(file), spec));
  };
  entries.forEach(visit);
  return seen;
}

function pageEntries(html: string): string[] {
  return [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => join(dist, m[1]!));
}

const bytes = (files: Iterable<string>) => [...files].reduce((sum, f) => sum + statSync(f).size, 0);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

console.log("| page | on load | with on-demand chunks | declarations |");
console.log("| --- | ---: | ---: | --- |");
for (const file of htmlFiles(dist).sort()) {
  const html = readFileSync(file, "utf8");
  const inline = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].reduce((n, m) => n + Buffer.byteLength(m[1]!), 0);
  const entries = pageEntries(html);
  const onLoad = closure(entries, false);
  const all = closure(entries, true);
  const declared = [...all].some((f) => readFileSync(f, "utf8").includes(DECLARATION_TELL));
  const page = "/" + relative(dist, file).replace(/index\.html$/, "");
  console.log(`| ${page} | ${kb(inline + bytes(onLoad))} | ${kb(inline + bytes(all))} | ${declared ? "yes" : "no"} |`);
}
