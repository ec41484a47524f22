/** The parts of Electron's dialog.showMessageBox this module uses. */
export interface MessageBoxLike {
  (options: {
    type: 'warning';
    title: string;
    message: string;
    detail: string;
    buttons: string[];
    defaultId: number;
    cancelId: number;
    noLink: boolean;
  }): Promise<{ response: number }>;
}

const TEXTS = {
  zh: {
    title: '更改同步服务器',
    message: '要把本机连接到这个服务器吗？',
    detail: (url: string) => `${url}\n\n登录令牌和客户个人信息将发送到此地址。只有在管理员要求时才确认。`,
    cancel: '取消',
    connect: '连接',
  },
  en: {
    title: 'Change the sync server',
    message: 'Connect this workstation to this server?',
    detail: (url: string) => `${url}\n\nSign-in tokens and customers' personal data will be sent to this address. Confirm only if your administrator asked you to.`,
    cancel: 'Cancel',
    connect: 'Connect',
  },
} as const;

/**
 * The main process's own question before the sync server changes: a native
 * dialog the page cannot draw, click or answer, with Cancel as the default,
 * so a script injected into the renderer cannot re-point the workstation.
 */
export function createServerChangeConfirm(showMessageBox: MessageBoxLike, locale: string): (url: string) => Promise<boolean> {
  const t = locale.toLowerCase().startsWith('zh') ? TEXTS.zh : TEXTS.en;
  return async (url) => {
    const { response } = await showMessageBox({
      type: 'warning',
      title: t.title,
      message: t.message,
      detail: t.detail(url),
      buttons: [t.cancel, t.connect],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    return response === 1;
  };
}
