import { execFileSync } from "node:child_process";

/** The commit being built (`git rev-parse HEAD`), or "unknown" outside a git checkout. */
export function siteCommit(cwd: string = process.cwd()): string {
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() || "unknown";
  } catch {
    return "unknown";
  }
}
