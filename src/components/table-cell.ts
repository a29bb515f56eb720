/** The attributes a results cell may carry: a tooltip, a class, a header's scope. */
export interface CellAttributes {
  title?: string;
  className?: string;
  scope?: "col" | "row";
}

/** A table cell holding `text` as text (never markup). */
export function cell(tag: "td" | "th", text: string, { title, className, scope }: CellAttributes = {}): HTMLTableCellElement {
  const el = document.createElement(tag);
  el.textContent = text;
  if (title) el.title = title;
  if (className) el.className = className;
  if (scope) el.scope = scope;
  return el;
}
