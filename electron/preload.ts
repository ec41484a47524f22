// Runs sandboxed in the renderer process before the page: it may use only
// contextBridge and ipcRenderer, and is bundled to CommonJS for that reason.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL_NAME } from '../shared/platform/bridge';
import { createPreloadBridge } from './preload-bridge';

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL_NAME, createPreloadBridge(ipcRenderer));
