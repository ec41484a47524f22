/**
 * Writers that are not people: the server writes breach escalations itself.
 * They hold no role and sign nobody in; the directory lists them only so a
 * timeline can name who wrote an event.
 */
export interface SystemActor {
  id: string;
  displayName: string;
}

export const SYSTEM_ACTOR_ID = 'system';

export const SYSTEM_ACTOR: SystemActor = { id: SYSTEM_ACTOR_ID, displayName: 'System / 系统' };

export const SYSTEM_ACTORS: readonly SystemActor[] = [SYSTEM_ACTOR];

export function isSystemActor(actorId: string): boolean {
  return SYSTEM_ACTORS.some((a) => a.id === actorId);
}
