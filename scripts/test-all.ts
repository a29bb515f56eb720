/**
 * npm test: every suite — types, formatting (Biome), unit (vitest), Python companion (pytest), site build, e2e
 * (Playwright) — then one closing line "N passed, N failed" summing them all.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const work = mkdtempSync(join(tmpdir(), "every-core-test-"));
const python = process.env.PYTHON ?? "python3";
let passed = 0;
let failed = 0;

/**
 * Longest a suite may take: a hang fails, it never stalls CI. e2e runs one test at a time and times
 * every benchmark (about 22 minutes on 2 cores), the others take a few minutes.
 */
const SUITE_TIMEOUT_MINUTES = 25;
const E2E_TIMEOUT_MINUTES = 45;

function run(title: string, command: string, args: string[], env: Record<string, string> = {}, minutes = SUITE_TIMEOUT_MINUTES): boolean {
  console.log(`\n▶ ${title}: ${command} ${args.join(" ")}`);
  const r = spawnSync(command, args, {
    stdio: "inherit",
    env: { ...process.env, ...env },
    timeout: minutes * 60_000,
    killSignal: "SIGKILL",
  });
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === "ETIMEDOUT")
    console.error(`  ${title}: stopped after ${minutes} minutes without finishing`);
  return r.status === 0;
}

/** A suite that is one check (types, build): counts as one test. */
function check(title: string, command: string, args: string[]): boolean {
  const ok = run(title, command, args);
  if (ok) passed++;
  else failed++;
  return ok;
}

/** A runner that reports counts in a JSON file; a crash without a report counts as one failure. */
function suite(
  title: string,
  command: string,
  args: string[],
  report: string,
  count: (json: string) => [number, number],
  env = {},
  minutes = SUITE_TIMEOUT_MINUTES,
): void {
  const ok = run(title, command, args, env, minutes);
  let counts: [number, number];
  try {
    counts = count(readFileSync(report, "utf8"));
  } catch {
    counts = [0, 1];
  }
  if (!ok && counts[1] === 0) counts[1] = 1;
  passed += counts[0];
  failed += counts[1];
  console.log(`  ${title}: ${counts[0]} passed, ${counts[1]} failed`);
}

check("types", "npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]);
check("format", "npx", ["biome", "format", "."]);

const vitestReport = join(work, "vitest.json");
suite(
  "unit",
  "npx",
  ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`],
  vitestReport,
  (json) => {
    const r = JSON.parse(json) as { numPassedTests: number; numFailedTests: number };
    return [r.numPassedTests, r.numFailedTests];
  },
);

const junit = join(work, "pytest.xml");
/** pytest's JUnit report as [passed, failed]; a skipped test counts as failed. */
function countJunit(xml: string): [number, number] {
  const attr = (name: string) => Number(new RegExp(`<testsuite[^>]*\\b${name}="(\\d+)"`).exec(xml)?.[1] ?? 0);
  const bad = attr("failures") + attr("errors");
  return [attr("tests") - bad - attr("skipped"), bad + attr("skipped")];
}
suite("python", python, ["-m", "pytest", "python", "-q", `--junitxml=${junit}`], junit, countJunit);

/**
 * The README's install, as a reader runs it: a fresh virtual environment, `pip install
 * "./python[all,test]"` (and torch, the native peer), then the companion's pytest there. Every extra is required
 * (EVERYCORE_REQUIRE_EXTRAS=1: a missing one fails instead of skipping). The wheels come from the
 * machine's local package folders when it has them (no index), else from PyPI.
 */
function freshVenvSuite(): void {
  const venv = join(work, "venv");
  const source = join(work, "python"); // a copy: pip builds in the source folder
  cpSync("python", source, { recursive: true, filter: (p) => !/(^|\/)(build|__pycache__|\.pytest_cache|[^/]*\.egg-info)$/.test(p) });
  const bin = join(venv, process.platform === "win32" ? "Scripts" : "bin", "python");
  const wheels = ["/opt/pypi/files", "/opt/pypi-more/files", "/opt/wheels"].filter((dir) => existsSync(dir));
  const index = wheels.length ? ["--no-index", ...wheels.flatMap((dir) => ["--find-links", dir])] : [];
  const report = join(work, "pytest-venv.xml");
  if (
    !run("python, fresh venv: create", python, ["-m", "venv", venv]) ||
    !run("python, fresh venv: install", bin, ["-m", "pip", "install", "-q", ...index, `${source}[all,test,torch]`])
  ) {
    failed++;
    console.log("  python, fresh venv: 0 passed, 1 failed (could not set up the environment)");
    return;
  }
  suite("python, fresh venv", bin, ["-m", "pytest", source, "-q", "-p", "no:cacheprovider", `--junitxml=${report}`], report, countJunit, {
    EVERYCORE_REQUIRE_EXTRAS: "1",
    PYTHONPATH: "",
  });
}
freshVenvSuite();

if (check("build", "npm", ["run", "build"])) {
  const e2eReport = join(work, "playwright.json");
  suite(
    "e2e",
    "npx",
    ["playwright", "test"],
    e2eReport,
    (json) => {
      const s = (JSON.parse(json) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } }).stats;
      return [s.expected, s.unexpected + s.flaky + s.skipped];
    },
    { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport },
    E2E_TIMEOUT_MINUTES,
  );
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
