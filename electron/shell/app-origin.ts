/**
 * The renderer's private origin, `kenning://app`, and the one check of "is this URL ours".
 * Electron-free, so tests run the same check the shell runs.
 */
export const APP_SCHEME = 'kenning';
const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_URL = `${APP_ORIGIN}/index.html`;

/**
 * True for URLs of our renderer. Compares scheme and host rather than `URL.origin`: Node's URL
 * gives a non-special scheme such as kenning: the opaque origin "null", so `origin === APP_ORIGIN`
 * is never true (which refused every IPC call of the real window).
 */
export function isOwnOrigin(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  // host includes any port; user info would be a disguise (kenning://app@elsewhere/).
  return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}
