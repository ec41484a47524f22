/**
 * The desktop shell serves the renderer from this custom origin. IndexedDB,
 * localStorage and every other per-origin store belong to it, so changing the
 * scheme or host orphans every workstation's local data (including events not
 * yet synced). Treat these values as permanent.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'hotline-desk';
/** As the browser reports it in the Origin header and as CORS must allow it. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** Where the desktop window starts. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/`;
