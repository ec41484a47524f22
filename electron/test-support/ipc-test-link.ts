import type { IpcInvokeEventLike, IpcMainLike } from '../ipc-handlers';
import type { SenderFrameLike } from '../ipc-sender';
import type { RendererIpc } from '../preload-bridge';

/**
 * Joins a renderer-side ipc to main-side handlers in one process, the way
 * Electron does across processes (arguments are structured-cloned), so the
 * preload bridge and the main handlers are tested together. Test support only.
 */
export function createIpcLink(frame: () => SenderFrameLike | null) {
  const handlers = new Map<string, (event: IpcInvokeEventLike, ...args: unknown[]) => unknown>();
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  const main: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
  };
  const renderer: RendererIpc = {
    async invoke(channel, ...args) {
      const handler = handlers.get(channel);
      if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
      return structuredClone(await handler({ senderFrame: frame() }, ...structuredClone(args)));
    },
    on(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
    },
  };
  const send = (channel: string, ...args: unknown[]) => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: 'ipc-event' }, ...structuredClone(args));
  };
  return { main, renderer, send, channels: () => [...handlers.keys()] };
}
