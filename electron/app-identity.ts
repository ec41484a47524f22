/** The installer's application id; Windows also needs it (as AppUserModelID) to show notifications. */
export const APP_ID = 'com.hotlinedesk.desktop';
export const PRODUCT_NAME = 'Hotline Desk';
/** Unpackaged runs (npm start) keep their data apart from an installed copy's. */
export const DEVELOPMENT_DATA_FOLDER = 'Hotline Desk (development)';
