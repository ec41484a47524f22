import { isAppUrl } from './trusted-url';

/** Web permissions the app's own pages may have; everything else (camera, geolocation, USB…) is denied. */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications']);

/**
 * The answer for both the permission request and the permission check
 * handlers: deny by default, grant a listed permission only to the app's own
 * origin.
 */
export function isPermissionGranted(permission: string, requestingUrl: string | null | undefined): boolean {
  return GRANTED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}
