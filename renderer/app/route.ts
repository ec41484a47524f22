import { isScreen, type ScreenId } from '../state/ui-store';

export interface Route {
  screen: ScreenId;
  complaintId: string | null;
}

/** '#/queue/0192…' → queue with that complaint open; anything unknown → null. */
export function parseHash(hash: string): Route | null {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [screen, id] = parts;
  if (!isScreen(screen)) return null;
  return { screen, complaintId: id ? decodeURIComponent(id) : null };
}

export function formatHash(route: Route): string {
  return route.complaintId ? `#/${route.screen}/${encodeURIComponent(route.complaintId)}` : `#/${route.screen}`;
}
