import type { Plugin } from 'vite';

/**
 * The Content-Security-Policy the built app runs under, as a <meta> tag in index.html. Everything the app needs is
 * its own origin; the exceptions, and why:
 * - style-src 'unsafe-inline': KaTeX writes inline style attributes into the formulas it renders.
 * - script-src 'wasm-unsafe-eval': the core assembles its WebAssembly matrix kernel at load time and compiles it
 *   (no other eval: 'unsafe-eval' stays off).
 * - img-src blob: data:: figure exports draw an SVG blob into an image to make a PNG; canvases read back as data URLs.
 * - font-src data:: small font files may be inlined by the bundler.
 * - worker-src 'self': the training Web Worker and the offline service worker are files of the build.
 * A meta policy cannot carry frame-ancestors (embedding stays allowed: `embed=1` is meant for iframes).
 * Build only: the dev server injects inline scripts (React refresh) that this policy would rightly block.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const CHARSET = '<meta charset="UTF-8" />';

/** Puts the policy right after the charset, before any script or stylesheet it must govern. */
export function withCsp(html: string): string {
  if (!html.includes(CHARSET)) throw new Error('index.html: <meta charset="UTF-8" /> not found for the CSP');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;
  return html.replace(CHARSET, `${CHARSET}\n    ${meta}`);
}

export function cspPlugin(): Plugin {
  return {
    name: 'gradient-lab-csp',
    apply: 'build',
    transformIndexHtml: { order: 'pre', handler: withCsp },
  };
}
