/**
 * Makes a chart's labelled points reachable with Tab and shows each one's label in a tip while it
 * has focus: Plot's own tips follow the pointer only. The label itself is the point's aria-label,
 * so the visible tip is hidden from assistive technology (which reads the label already).
 */
export function addKeyboardTips(container: HTMLElement, chart: Element): void {
  const tip = document.createElement("div");
  tip.className = "ec-keyboard-tip";
  tip.setAttribute("aria-hidden", "true");
  tip.hidden = true;
  container.append(tip);
  for (const point of chart.querySelectorAll<SVGCircleElement>("circle[aria-label]")) {
    point.setAttribute("tabindex", "0");
    point.setAttribute("role", "img");
    point.addEventListener("focus", () => {
      tip.textContent = point.getAttribute("aria-label");
      tip.hidden = false;
      const box = point.getBoundingClientRect();
      const frame = container.getBoundingClientRect();
      // Centred above the point, but kept inside the chart's box.
      const centre = box.left - frame.left + box.width / 2;
      const left = Math.min(Math.max(0, centre - tip.offsetWidth / 2), Math.max(0, frame.width - tip.offsetWidth));
      tip.style.left = `${left}px`;
      tip.style.top = `${box.top - frame.top - tip.offsetHeight - 8}px`;
    });
    point.addEventListener("blur", () => (tip.hidden = true));
  }
}
