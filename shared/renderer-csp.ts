/**
 * The Content-Security-Policy of the renderer, in the Electron window and in a browser served
 * by the host alike: own scripts only (no inline script), styles may be inline (they cannot run
 * code; libraries inject <style>), no network beyond the app itself, no framing, no plugins.
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
