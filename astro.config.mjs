// @ts-check
import { defineConfig } from "astro/config";
import starlight from "@astrojs/starlight";
import { satteri } from "@astrojs/markdown-satteri";
import { fileURLToPath } from "node:url";
import { isolationFiles, serverHeaders } from "./scripts/isolation-files.ts";
import { siteCommit } from "./scripts/site-commit.ts";
import { siteOptions } from "./scripts/site-options.ts";
import { baseLinks } from "./scripts/base-links.ts";

// Where the site will live: EVERY_CORE_BASE (a subpath such as /every-core/) and EVERY_CORE_SITE
// (its origin; without one there are no canonical links and no sitemap rather than wrong ones).
const { base, site } = siteOptions(process.env);

// Sidebar groups mirror the six parts of the syllabus; a group appears once its chapter is written.
const parts = [
  { label: "Part 1 — Python performance basics", directory: "basics" },
  { label: "Part 2 — Vectorization vs loops", directory: "vectorization" },
  { label: "Part 3 — im2col", directory: "im2col" },
  { label: "Part 4 — Multiprocessing and shared memory", directory: "multiprocessing" },
  { label: "Part 5 — Compiled kernels: Numba, Cython, WebAssembly", directory: "compiled" },
  { label: "Part 6 — Real cases and benchmarks", directory: "benchmarks" },
];

export default defineConfig({
  site,
  base,
  // The chapters write root links ("/basics/gil/"); at build they move under the base.
  markdown: { processor: satteri({ hastPlugins: [baseLinks(base)] }) },
  // Preview (npm start, e2e, the bench CLI) sends the headers of the build's _headers; dev the isolation headers.
  server: ({ command }) => ({ port: 4321, headers: serverHeaders(command, fileURLToPath(new URL("./dist/", import.meta.url))) }),
  integrations: [
    // _headers and coi-serviceworker.js in the build, from src/lab/isolation-headers.ts.
    isolationFiles(),
    starlight({
      title: "Every Core",
      description: "Use every thread of your CPU for your own image algorithms — and prove it live.",
      sidebar: [
        {
          label: "Start here",
          items: [
            { label: "Welcome", link: "/" },
            { label: "Benchmark lab", link: "/lab/" },
            { label: "Results gallery", link: "/results/" },
            { label: "Host it yourself", link: "/hosting/" },
          ],
        },
        ...parts.map(({ label, directory }) => ({ label, items: [{ autogenerate: { directory } }] })),
      ],
      customCss: ["./src/styles/every-core.css"],
      routeMiddleware: "./src/route-middleware.ts",
      head: [{ tag: "script", attrs: { src: `${base}coi-serviceworker.js` } }],
    }),
  ],
  vite: {
    // Module workers that spawn workers and share code need ES-module output.
    worker: { format: "es" },
    // The commit every results file cites (src/lab/env.ts SITE_COMMIT).
    define: { __EVERY_CORE_COMMIT__: JSON.stringify(siteCommit()) },
  },
});
