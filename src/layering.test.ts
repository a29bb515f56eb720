import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The layers of the design (DESIGN.md, "Layers"), top to bottom, each with the layers it may import
 * besides its own. Imports point down only: a kernel knows nothing of models, benchmarks or pages.
 */
const MAY_IMPORT: Record<string, readonly string[]> = {
  content: ["components", "lab", "model", "kernels"],
  components: ["lab", "model", "kernels"],
  scripts: ["lab", "model", "kernels"],
  lab: ["model", "kernels"],
  model: ["kernels"],
  kernels: [],
};
/** Where each layer lives, from the repository root. Files directly in src/ (content.config.ts, env.d.ts: Astro fixes their place) are the site's own, the top layer. */
const LAYER_DIRS: Record<string, string> = {
  content: "src/content",
  components: "src/components",
  lab: "src/lab",
  model: "src/model",
  kernels: "src/kernels",
  scripts: "scripts",
};
const SOURCE = /\.(ts|astro|mdx)$/;

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "build" || name === "node_modules" ? [] : sourceFiles(path);
    return SOURCE.test(name) ? [path] : [];
  });
}

/** The layer a repository-relative path belongs to, or undefined outside src/ and scripts/. */
function layerOf(path: string): string | undefined {
  const posix = path.split(sep).join("/");
  for (const [layer, dir] of Object.entries(LAYER_DIRS)) if (posix.startsWith(`${dir}/`)) return layer;
  return posix.startsWith("src/") && !posix.slice(4).includes("/") ? "content" : undefined;
}

/** Static and re-exporting imports, side-effect imports, dynamic import() and worker/wasm `new URL(…, import.meta.url)`. */
const IMPORTS = [
  /\b(?:import|export)\s[^'"`;]*?\bfrom\s*(['"])([^'"]+)\1/g,
  /\bimport\s*(['"])([^'"]+)\1/g,
  /\bimport\(\s*(['"])([^'"]+)\1\s*\)/g,
  /\bnew URL\(\s*(['"])([^'"]+)\1\s*,\s*import\.meta\.url/g,
];

/** The relative specifiers a file imports. */
function relativeImports(text: string): string[] {
  return IMPORTS.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[2]!)).filter((spec) => spec.startsWith("."));
}

/** The repository-relative path an import resolves to (query such as ?raw dropped; AssemblyScript omits ".ts"). */
function target(file: string, spec: string): string {
  const path = resolve(dirname(join(root, file)), spec.replace(/\?.*$/, ""));
  return relative(root, existsSync(path) || !existsSync(`${path}.ts`) ? path : `${path}.ts`);
}

/** Every scanned file's relative imports, resolved. */
function importGraph(): Map<string, string[]> {
  const files = [...sourceFiles(join(root, "src")), ...sourceFiles(join(root, "scripts"))].map((f) => relative(root, f));
  return new Map(files.map((file) => [file, relativeImports(readFileSync(join(root, file), "utf8")).map((spec) => target(file, spec))]));
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    for (let w = stack.pop()!; ; w = stack.pop()!) {
      onStack.delete(w);
      component.push(w);
      if (w === v) break;
    }
    if (component.length > 1 || graph.get(v)!.includes(v)) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe("layering", () => {
  const graph = importGraph();

  it("finds the imports of each kind", () => {
    const q = '"'; // spelled apart, so this file's own scan does not find these imports
    const text = `import { a } from ${q}./a.ts${q};\nimport type {\n  B,\n} from ${q}../b.ts${q};\nexport * from ${q}./c.ts${q};\nimport ${q}./d.ts${q};\nawait import(${q}./e.ts${q});\nnew Worker(new URL(${q}./f.ts${q}, import.meta.url));\nimport x from ${q}pkg${q};`;
    expect(relativeImports(text).sort()).toEqual(["../b.ts", "./a.ts", "./c.ts", "./d.ts", "./e.ts", "./f.ts"]);
  });

  it("scans every layer", () => {
    const layers = new Set([...graph.keys()].map(layerOf));
    expect([...layers].sort()).toEqual(Object.keys(MAY_IMPORT).sort());
  });

  it("imports point down only: a file imports its own layer or one it may import", () => {
    const upward = [...graph].flatMap(([file, targets]) => {
      const from = layerOf(file)!;
      return targets
        .filter((t) => {
          const to = layerOf(t);
          return to !== undefined && to !== from && !MAY_IMPORT[from]!.includes(to);
        })
        .map((t) => `${file} -> ${t}`);
    });
    expect(upward).toEqual([]);
  });

  it("the allowed directions themselves form no cycle", () => {
    expect(cycles(new Map(Object.entries(MAY_IMPORT).map(([layer, lower]) => [layer, [...lower]])))).toEqual([]);
  });

  it("no module imports itself through others", () => {
    expect(cycles(graph).map((component) => `import each other: ${component.join(", ")}`)).toEqual([]);
  });
});
