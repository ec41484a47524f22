/** IPC channel names shared by the preload (caller) and the main process (handler). */
export const IPC_CHANNELS = {
  getAppVersion: 'hotline-desk:get-app-version',
  getLocale: 'hotline-desk:get-locale',
  setUiLanguage: 'hotline-desk:set-ui-language',
  getServerUrl: 'hotline-desk:get-server-url',
  setServerUrl: 'hotline-desk:set-server-url',
  getSecret: 'hotline-desk:get-secret',
  setSecret: 'hotline-desk:set-secret',
  deleteSecret: 'hotline-desk:delete-secret',
  getSecretStorageKind: 'hotline-desk:get-secret-storage-kind',
  getDataKey: 'hotline-desk:get-data-key',
  notify: 'hotline-desk:notify',
  setPendingCount: 'hotline-desk:set-pending-count',
  openExternal: 'hotline-desk:open-external',
} as const;

export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];

/** Main → renderer: the user clicked a notification about this complaint. */
export const OPEN_COMPLAINT_EVENT = 'hotline-desk:open-complaint';
/** A call from the phone system (hotline-desk://call?…): the main process sends the validated call's query. */
export const SCREEN_POP_EVENT = 'hotline-desk:screen-pop';
