import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy } from './csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name ?? '', sources];
    }),
  );
}

describe('buildContentSecurityPolicy', () => {
  it('lets the page connect only to itself and the sync server', () => {
    const policy = directives(buildContentSecurityPolicy('http://127.0.0.1:8787'));
    expect(policy.get('connect-src')).toEqual(["'self'", 'http://127.0.0.1:8787']);
  });

  it('allows no inline or evaluated script and no plugins, frames or foreign forms', () => {
    const policy = directives(buildContentSecurityPolicy('https://sync.example.com'));
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    for (const name of ['object-src', 'frame-src', 'frame-ancestors', 'base-uri', 'form-action']) {
      expect(policy.get(name)).toEqual(["'none'"]);
    }
    for (const sources of policy.values()) {
      expect(sources).not.toContain("'unsafe-eval'");
      expect(sources).not.toContain('*');
    }
  });

  it('accepts bracketed IPv6 hosts', () => {
    expect(buildContentSecurityPolicy('http://[::1]:8787')).toContain('connect-src \'self\' http://[::1]:8787');
  });

  it.each([
    "http://a.example.com; script-src 'unsafe-inline'",
    'http://a.example.com/path',
    'ws://a.example.com',
    '*',
    '',
  ])('refuses to put %j into the header', (origin) => {
    expect(() => buildContentSecurityPolicy(origin)).toThrow();
  });
});
