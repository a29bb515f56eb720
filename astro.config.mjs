// @ts-check
import { defineConfig } from "astro/config";
import starlight from "@astrojs/starlight";
import { satteri } from "@astrojs/markdown-satteri";
import { fileURLToPath } from "node:url";
import { isolationFiles, serverHeaders } from "./scripts/isolation-files.ts";
import { siteCommit } from "./scripts/site-commit.ts";
import { siteOptions } from "./scripts/site-options.ts";
import { baseLinks } from "./scripts/base-links.ts";
import { cjkLineBreaks } from "./scripts/cjk-line-breaks.ts";
import { redirectsUnder } from "./scripts/moved-pages.ts";

// Where the site will live: EVERY_CORE_BASE (a subpath such as /every-core/) and EVERY_CORE_SITE
// (its origin; without one there are no canonical links and no sitemap rather than wrong ones).
const { base, site } = siteOptions(process.env);

// Sidebar groups mirror the six parts of the syllabus; a group appears once its chapter is written.
// Labels carry their zh-TW text (Starlight's `translations`, keyed by the locale's lang).
const parts = [
  { label: "Part 1 — Python performance basics", zh: "第 1 部分 — Python 效能基礎", directory: "basics" },
  { label: "Part 2 — Vectorization vs loops", zh: "第 2 部分 — 向量化與迴圈", directory: "vectorization" },
  { label: "Part 3 — im2col", zh: "第 3 部分 — im2col", directory: "im2col" },
  { label: "Part 4 — Multiprocessing and shared memory", zh: "第 4 部分 — 多行程與共享記憶體", directory: "multiprocessing" },
  {
    label: "Part 5 — Compiled kernels: Numba, Cython, WebAssembly",
    zh: "第 5 部分 — 編譯的核心程式：Numba、Cython、WebAssembly",
    directory: "compiled",
  },
  { label: "Part 6 — Real cases and benchmarks", zh: "第 6 部分 — 實際案例與基準測試", directory: "benchmarks" },
];

export default defineConfig({
  site,
  base,
  // Old URLs of moved pages keep working (a redirect page at each; scripts/moved-pages.ts).
  redirects: redirectsUnder(base),
  // The chapters write root links ("/basics/gil/"); at build they move under the base. Chinese
  // paragraphs wrapped in the source are joined, so no stray space appears between two characters.
  markdown: { processor: satteri({ hastPlugins: [baseLinks(base), cjkLineBreaks] }) },
  // Preview (npm start, e2e, the bench CLI) sends the headers of the build's _headers; dev the isolation headers.
  server: ({ command }) => ({ port: 4321, headers: serverHeaders(command, fileURLToPath(new URL("./dist/", import.meta.url))) }),
  integrations: [
    // _headers and coi-serviceworker.js in the build, from src/lab/isolation-headers.ts.
    isolationFiles(),
    starlight({
      title: "Every Core",
      // English at the root, Traditional Chinese under /zh-tw/ (same paths); a page not yet translated
      // falls back to the English one with Starlight's notice.
      defaultLocale: "root",
      locales: {
        root: { label: "English", lang: "en" },
        "zh-tw": { label: "繁體中文", lang: "zh-TW" },
      },
      description: "Use every thread of your CPU for your own image algorithms — and prove it live.",
      sidebar: [
        {
          label: "Start here",
          translations: { "zh-TW": "從這裡開始" },
          // Starlight puts these links under the reader's locale (/zh-tw/lab/).
          items: [
            { label: "Welcome", translations: { "zh-TW": "歡迎" }, link: "/" },
            { label: "Benchmark lab", translations: { "zh-TW": "基準測試實驗室" }, link: "/lab/" },
            { label: "Results gallery", translations: { "zh-TW": "結果展示" }, link: "/results/" },
            { label: "Host it yourself", translations: { "zh-TW": "自行架設" }, link: "/hosting/" },
            { label: "Glossary", translations: { "zh-TW": "詞彙表" }, link: "/glossary/" },
          ],
        },
        ...parts.map(({ label, zh, directory }) => ({ label, translations: { "zh-TW": zh }, items: [{ autogenerate: { directory } }] })),
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
