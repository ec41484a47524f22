import type { NotificationRequest } from '../shared/platform/ipc-args';

/** The slice of Electron's Notification used here. */
export interface NotificationLike {
  on(event: 'click' | 'close', listener: () => void): unknown;
  show(): void;
}

export interface NotifierDeps {
  isSupported(): boolean;
  create(options: { title: string; body: string }): NotificationLike;
  /** The user clicked a notification; complaintId when it was about one. */
  onClick(complaintId: string | undefined): void;
}

/** Notifications kept alive until clicked or closed; beyond this the oldest is let go. */
const MAX_RETAINED = 50;

/**
 * Shows deadline notifications. A notification is retained until clicked or
 * closed: one that is garbage-collected loses its click handler. A tag is
 * shown once per run, so a renderer re-checking deadlines every minute does
 * not repeat itself.
 */
export function createNotifier(deps: NotifierDeps): (request: NotificationRequest) => boolean {
  const retained = new Set<NotificationLike>();
  const shownTags = new Set<string>();
  return (request) => {
    const tag = request.options?.tag;
    if (tag !== undefined && shownTags.has(tag)) return true;
    if (!deps.isSupported()) return false;
    const notification = deps.create({ title: request.title, body: request.body });
    const release = () => {
      retained.delete(notification);
    };
    notification.on('click', () => {
      release();
      deps.onClick(request.options?.complaintId);
    });
    notification.on('close', release);
    retained.add(notification);
    if (retained.size > MAX_RETAINED) {
      const oldest = retained.values().next().value;
      if (oldest !== undefined) retained.delete(oldest);
    }
    notification.show();
    if (tag !== undefined) shownTags.add(tag);
    return true;
  };
}
