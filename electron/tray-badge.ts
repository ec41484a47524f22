export interface TrayTexts {
  tooltip: string;
  /** Text beside the tray icon (shown by macOS only); empty when nothing is pending. */
  title: string;
  showWindow: string;
  quit: string;
}

const PRODUCT_NAME = 'Hotline Desk';

function isChinese(locale: string): boolean {
  return locale.toLowerCase().startsWith('zh');
}

/** The tray's words for a pending-sync count, in the system's language (Chinese or English). */
export function trayTexts(pendingCount: number, locale: string): TrayTexts {
  const count = Math.max(0, Math.floor(pendingCount));
  const title = count === 0 ? '' : count > 99 ? '99+' : String(count);
  if (isChinese(locale)) {
    return {
      tooltip: count === 0 ? `${PRODUCT_NAME} · 已全部同步` : `${PRODUCT_NAME} · ${count} 项待同步`,
      title,
      showWindow: `显示 ${PRODUCT_NAME}`,
      quit: '退出',
    };
  }
  return {
    tooltip: count === 0 ? `${PRODUCT_NAME} · all synced` : `${PRODUCT_NAME} · ${count} pending`,
    title,
    showWindow: `Show ${PRODUCT_NAME}`,
    quit: 'Quit',
  };
}

export interface PendingIndicatorDeps {
  setToolTip(text: string): void;
  setTitle(text: string): void;
  /** The dock / launcher badge where the OS has one (macOS, Unity launchers); absent elsewhere. */
  setBadgeCount?(count: number): void;
  /** Rebuild the context menu when its words change. */
  setMenuTexts(texts: TrayTexts): void;
}

/** Returns the function the pending-count IPC call drives; repeats of the same count cost nothing. */
export function createPendingIndicator(deps: PendingIndicatorDeps, locale: string): (pendingCount: number) => void {
  let last: number | undefined;
  return (pendingCount) => {
    const count = Math.max(0, Math.floor(pendingCount));
    if (count === last) return;
    const first = last === undefined;
    last = count;
    const texts = trayTexts(count, locale);
    deps.setToolTip(texts.tooltip);
    deps.setTitle(texts.title);
    deps.setBadgeCount?.(count);
    if (first) deps.setMenuTexts(texts);
  };
}
