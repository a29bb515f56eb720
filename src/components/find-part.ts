/** The element with data-part=`name` inside `host`; a missing one is a bug in the island's markup. */
export function findPart<T extends HTMLElement = HTMLElement>(host: HTMLElement, name: string): T {
  const el = host.querySelector<T>(`[data-part="${name}"]`);
  if (!el) throw new Error(`${host.localName}: missing part ${name}`);
  return el;
}
