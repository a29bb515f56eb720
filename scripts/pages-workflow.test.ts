import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { load } from "js-yaml";
import { siteBase, siteOrigin } from "./site-options.ts";

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  jobs: { build: { steps: Step[] }; deploy: { needs: string; steps: Step[] } };
}

const workflow = load(readFileSync(new URL("../.github/workflows/pages.yml", import.meta.url), "utf8")) as Workflow;
const steps = workflow.jobs.build.steps;

describe("the GitHub Pages workflow", () => {
  it("builds with npm run build for /<repository>/ and the owner's github.io origin", () => {
    const build = steps.find((s) => s.run === "npm run build")!;
    expect(build.env).toEqual({
      EVERY_CORE_BASE: "/${{ github.event.repository.name }}/",
      EVERY_CORE_SITE: "https://${{ github.repository_owner }}.github.io",
    });
    // What those expand to for a repository "every-core" of "someone" is valid for the build.
    expect(siteBase(build.env!.EVERY_CORE_BASE!.replace("${{ github.event.repository.name }}", "every-core"))).toBe("/every-core/");
    expect(siteOrigin(build.env!.EVERY_CORE_SITE!.replace("${{ github.repository_owner }}", "someone"))).toBe("https://someone.github.io");
  });

  it("installs from the lockfile on a Node the site supports, and publishes dist/", () => {
    const engines = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).engines.node as string;
    const node = steps.find((s) => s.uses?.startsWith("actions/setup-node@"))!.with!["node-version"] as number;
    expect(node).toBeGreaterThanOrEqual(Number(/>=(\d+)/.exec(engines)![1]));
    expect(steps.findIndex((s) => s.run === "npm ci")).toBeLessThan(steps.findIndex((s) => s.run === "npm run build"));
    expect(steps.find((s) => s.uses?.startsWith("actions/upload-pages-artifact@"))!.with).toEqual({ path: "dist" });
    expect(workflow.jobs.deploy.needs).toBe("build");
    expect(workflow.jobs.deploy.steps.some((s) => s.uses?.startsWith("actions/deploy-pages@"))).toBe(true);
  });
});
