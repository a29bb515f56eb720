// Prints the built site's headers (dist/_headers, with the CSP hashes of this build) as nginx or
// Apache configuration, for readers who serve dist/ from their own server.
//
// Usage: node scripts/server-headers.ts nginx|apache [build dir, default dist]

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { apacheSnippet, nginxSnippet } from "../src/lab/server-snippets.ts";
import { HEADERS_FILE, parseHeadersFile } from "./isolation-files.ts";

const SNIPPETS = { nginx: nginxSnippet, apache: apacheSnippet } as const;
const [server = "", dir = "dist"] = process.argv.slice(2);
if (!(server in SNIPPETS)) {
  console.error(`usage: node scripts/server-headers.ts ${Object.keys(SNIPPETS).join("|")} [build dir]`);
  process.exit(2);
}
process.stdout.write(SNIPPETS[server as keyof typeof SNIPPETS](parseHeadersFile(readFileSync(join(dir, HEADERS_FILE), "utf8"))));
