// @ts-check
import { defineConfig } from "astro/config";
import starlight from "@astrojs/starlight";
import { isolationHeaders } from "./src/lab/isolation-headers.ts";
import { isolationFiles } from "./scripts/isolation-files.ts";
import { siteCommit } from "./scripts/site-commit.ts";

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
  site: "https://every-core.example",
  server: { port: 4321, headers: isolationHeaders },
  integrations: [
    // public/_headers and public/coi-serviceworker.js, from the same isolation headers as the servers.
    isolationFiles(),
    starlight({
      title: "Every Core",
      description: "Use every thread of your CPU for your own image algorithms — and prove it live.",
      sidebar: [
        { label: "Start here", items: [{ label: "Welcome", link: "/" }, { label: "Benchmark lab", link: "/lab/" }] },
        ...parts.map(({ label, directory }) => ({ label, items: [{ autogenerate: { directory } }] })),
      ],
      customCss: ["./src/styles/every-core.css"],
      head: [{ tag: "script", attrs: { src: "/coi-serviceworker.js" } }],
    }),
  ],
  vite: {
    // Module workers that spawn workers and share code need ES-module output.
    worker: { format: "es" },
    // The commit every results file cites (src/lab/env.ts SITE_COMMIT).
    define: { __EVERY_CORE_COMMIT__: JSON.stringify(siteCommit()) },
  },
});
