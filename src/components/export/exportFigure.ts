/**
 * Export a chart as a standalone SVG or PNG file (for slides). The chart's plot area may hold canvases (heatmaps)
 * under SVG overlays: the export stacks them in DOM order into one SVG — canvases become embedded PNG images,
 * SVGs are cloned with their computed styles inlined (so CSS variables and classes survive outside the page).
 * Title and legend, which the page shows as HTML, are redrawn as SVG text.
 */

export interface ExportLegendItem {
  label: string;
  color: string;
}

export interface ExportOptions {
  title?: string;
  legend?: readonly ExportLegendItem[];
  /** Background colour (the theme's page colour). */
  background?: string;
  foreground?: string;
  fontFamily?: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

function inlineStyles(source: Element, clone: Element) {
  const computed = window.getComputedStyle(source);
  const style = STYLE_PROPS.map((p) => `${p}:${computed.getPropertyValue(p)}`)
    .filter((s) => !s.endsWith(':'))
    .join(';');
  if (style) clone.setAttribute('style', style);
  const sourceChildren = source.children;
  const cloneChildren = clone.children;
  for (let i = 0; i < sourceChildren.length && i < cloneChildren.length; i++) {
    inlineStyles(sourceChildren[i], cloneChildren[i]);
  }
}

/** An SVG element with its attributes set (numbers written as strings). */
function svgElement(name: string, attrs: Record<string, string | number>): SVGElement {
  const el = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, String(value));
  return el;
}

/** A canvas as an embedded PNG image at (x, y); null when the browser cannot encode the canvas. */
function canvasImage(canvas: HTMLCanvasElement, x: number, y: number, r: DOMRect): SVGElement | null {
  let href: string;
  try {
    href = canvas.toDataURL('image/png');
  } catch {
    return null; // no canvas support: the SVG parts are still exported
  }
  return svgElement('image', { x, y, width: Math.round(r.width), height: Math.round(r.height), href });
}

/** A copy of a chart SVG with its computed styles inlined, placed at (x, y), without skipped parts or focus stops. */
function svgCopy(svg: SVGSVGElement, x: number, y: number): SVGSVGElement {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  clone.querySelectorAll('[data-export="skip"]').forEach((n) => n.remove());
  clone.setAttribute('x', String(x));
  clone.setAttribute('y', String(y));
  clone.removeAttribute('tabindex');
  return clone;
}

/** Copies the plot's canvases and top-level SVGs, in DOM order, into `layer` at their positions in `box`. */
function appendPlotLayers(plot: HTMLElement, box: DOMRect, layer: SVGElement) {
  for (const el of plot.querySelectorAll<HTMLCanvasElement | SVGSVGElement>('canvas, svg')) {
    if (el.closest('[data-export="skip"]')) continue;
    if (el instanceof SVGSVGElement && el.parentElement?.closest('svg')) continue; // nested svg: cloned with parent
    const r = el.getBoundingClientRect();
    const x = Math.round(r.left - box.left);
    const y = Math.round(r.top - box.top);
    const part = el instanceof HTMLCanvasElement ? canvasImage(el, x, y, r) : svgCopy(el, x, y);
    if (part) layer.appendChild(part);
  }
}

/** The legend as one row of swatches and labels along the baseline `y`. */
function appendLegend(root: SVGElement, legend: readonly ExportLegendItem[], y: number, fg: string) {
  let x = 8;
  for (const item of legend) {
    root.appendChild(svgElement('rect', { x, y: y - 9, width: '14', height: '10', fill: item.color }));
    const t = svgElement('text', { x: x + 18, y, 'font-size': '13', fill: fg });
    t.textContent = item.label;
    root.appendChild(t);
    x += 30 + item.label.length * 7.5;
  }
}

/** Build the standalone SVG markup for the plot element `plot`. */
export function buildExportSvg(plot: HTMLElement, opts: ExportOptions = {}): string {
  const box = plot.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width));
  const fg = opts.foreground ?? '#1b1f24';
  const titleHeight = opts.title ? 28 : 0;
  const legend = opts.legend ?? [];
  const legendHeight = legend.length > 1 ? 24 : 0;
  const plotHeight = Math.max(1, Math.round(box.height));
  const height = titleHeight + plotHeight + legendHeight;

  const root = svgElement('svg', {
    xmlns: SVG_NS,
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    'font-family': opts.fontFamily ?? 'sans-serif',
  });
  root.appendChild(svgElement('rect', { width, height, fill: opts.background ?? '#ffffff' }));

  if (opts.title) {
    const t = svgElement('text', { x: '8', y: '19', 'font-size': '16', 'font-weight': '600', fill: fg });
    t.textContent = opts.title;
    root.appendChild(t);
  }

  const layer = svgElement('g', { transform: `translate(0,${titleHeight})` });
  root.appendChild(layer);
  appendPlotLayers(plot, box, layer);

  if (legendHeight) appendLegend(root, legend, titleHeight + plotHeight + 16, fg);
  return new XMLSerializer().serializeToString(root);
}

/** A safe file name from a chart title. */
export function exportFileName(title: string | undefined, ext: 'svg' | 'png'): string {
  const base = (title ?? 'figure')
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .toLowerCase()
    .slice(0, 60);
  return `${base || 'figure'}.${ext}`;
}

/** Saves a blob as a file (through a blob: URL, revoked once the download has had time to start). */
export function downloadBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function exportSvg(plot: HTMLElement, opts: ExportOptions = {}) {
  const markup = buildExportSvg(plot, opts);
  downloadBlob(new Blob([markup], { type: 'image/svg+xml' }), exportFileName(opts.title, 'svg'));
}

/** PNG at 2× (sharp on slides). Rejects when the browser cannot rasterise; callers show a message. */
export async function exportPng(plot: HTMLElement, opts: ExportOptions = {}, pixelRatio = 2): Promise<void> {
  const markup = buildExportSvg(plot, opts);
  const svgUrl = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = svgUrl;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(img.width * pixelRatio);
    canvas.height = Math.round(img.height * pixelRatio);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.scale(pixelRatio, pixelRatio);
    ctx.drawImage(img, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('PNG encoding failed');
    downloadBlob(blob, exportFileName(opts.title, 'png'));
  } finally {
    URL.revokeObjectURL(svgUrl);
  }
}
