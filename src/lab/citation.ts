import { envFacts } from "./result-source.ts";
import type { ResultsV1 } from "./results.ts";

/** What a citation of one results table names besides its environment. */
export interface CiteTarget {
  /** The page the table is on, as a reader would open it. */
  url: string;
  /** The table's benchmark or island title. */
  title: string;
  /** Its benchmark id: the citation key's stem. */
  bench: string;
}

/** Characters BibTeX reads specially, written so that they print as themselves. */
const bibText = (s: string) => s.replace(/[\\{}]/g, (ch) => (ch === "\\" ? "\\textbackslash{}" : `\\${ch}`)).replace(/[&%$#_]/g, "\\$&");

/**
 * BibTeX for the site, pinned to the version and commit that measured `doc`, then the table's
 * environment as the footnote a paper prints under it. @misc with \url needs the url package
 * (or biblatex).
 */
export function citation(doc: ResultsV1, target: CiteTarget): string {
  const { env } = doc;
  const year = env.date.slice(0, 4);
  const key = `everycore-${target.bench.replace(/[^A-Za-z0-9-]/g, "")}-${year}`;
  const version = [`version ${env.siteVersion}`, env.commit && env.commit !== "unknown" ? `commit ${env.commit.slice(0, 12)}` : ""]
    .filter(Boolean)
    .join(", ");
  const bibtex = [
    `@misc{${key},`,
    "  author = {{Every Core contributors}},",
    `  title = {{Every Core}: ${bibText(target.title)}},`,
    `  year = {${year}},`,
    `  howpublished = {\\url{${target.url.replace(/[{}\\%#]/g, encodeURIComponent)}}},`,
    `  note = {${bibText(version)}; measured ${bibText(env.date)}; content CC BY 4.0, code MIT},`,
    "}",
  ];
  const footnote = envFacts(env).map(([term, value]) => `${term}: ${value}`);
  return [...bibtex, "", `Environment of this table (${doc.results.length} measurements):`, ...footnote, ""].join("\n");
}
