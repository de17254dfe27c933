// Where Debian's Chromium is (CHROMIUM_PATH points elsewhere): apart from chromium.ts, so that
// what only needs the path (the build's PDF cache key) does not load Playwright.
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
