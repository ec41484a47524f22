/** Where the build puts the desktop shell's files, relative to the app root. The packager config and package.json "main" must agree. */
export const ELECTRON_OUT_DIR = 'dist-electron';
export const MAIN_BUNDLE = 'main.js';
/** CommonJS, because a sandboxed preload cannot load ES modules. */
export const PRELOAD_BUNDLE = 'preload.cjs';
export const TRAY_ICON = 'tray-icon.png';
/** The renderer's Vite build, served over app://. */
export const RENDERER_DIR = 'dist/renderer';
