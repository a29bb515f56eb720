/**
 * The data the server rendered into an island's `data-meta` attribute: JSON of a value of type `T`
 * (a benchmark's title, cases, variants and claims…), so the island never imports declarations.
 */
export function readMeta<T>(host: HTMLElement): T {
  const json = host.dataset.meta;
  if (json === undefined) throw new Error(`${host.localName}: missing data-meta`);
  return JSON.parse(json) as T;
}
