/**
 * A pointer's position in an element's own CSS pixels (the units its scales and `translate`s use).
 *
 * Client coordinates and client rectangles are in rendered pixels. When an ancestor has CSS `zoom` — presenter mode
 * zooms the whole figure to fit the projector — rendered pixels are layout pixels times the zoom, so `clientX - left`
 * alone lands the pointer that factor away from where it is (a drag at 1.33× zoom landed a quarter of the plot off).
 * The ratio of the rendered to the layout size undoes it; without layout (jsdom) the ratio is 1.
 */
export function localPoint(clientX: number, clientY: number, el: Element): { x: number; y: number } {
  const rect = el.getBoundingClientRect();
  const layoutW = el instanceof HTMLElement ? el.offsetWidth : el.clientWidth;
  const layoutH = el instanceof HTMLElement ? el.offsetHeight : el.clientHeight;
  const zoomX = rect.width > 0 && layoutW > 0 ? rect.width / layoutW : 1;
  const zoomY = rect.height > 0 && layoutH > 0 ? rect.height / layoutH : 1;
  return { x: (clientX - rect.left) / zoomX, y: (clientY - rect.top) / zoomY };
}
