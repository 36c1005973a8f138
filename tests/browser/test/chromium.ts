// Which Chromium the test drives and how: Debian's `chromium` package, headless, kept off the
// network (no QUIC, no background, component-update or sync traffic).
/** Debian's Chromium, or any Chromium/Chrome binary named by `DL_CHROMIUM_PATH` (other systems). */
export const CHROMIUM_PATH = process.env.DL_CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
