import { describe, expect, it } from 'vitest';
import { isPermissionGranted } from './permissions';

describe('isPermissionGranted', () => {
  it('grants notifications to the app origin', () => {
    expect(isPermissionGranted('notifications', 'app://hotline-desk')).toBe(true);
    expect(isPermissionGranted('notifications', 'app://hotline-desk/queue')).toBe(true);
  });

  it('denies notifications to any other origin', () => {
    expect(isPermissionGranted('notifications', 'https://example.com')).toBe(false);
    expect(isPermissionGranted('notifications', 'http://127.0.0.1:8787')).toBe(false);
    expect(isPermissionGranted('notifications', undefined)).toBe(false);
    expect(isPermissionGranted('notifications', '')).toBe(false);
  });

  it.each(['media', 'geolocation', 'clipboard-read', 'openExternal', 'fileSystem', 'hid', 'serial', 'usb', 'display-capture', 'unknown'])(
    'denies %s even to the app',
    (permission) => {
      expect(isPermissionGranted(permission, 'app://hotline-desk/')).toBe(false);
    },
  );
});
