import { describe, expect, it } from 'vitest';
import { serverChangeError, serverChangeRefusal } from './server-change-refusal';
import { checkServerAddress } from './server-url';

describe('server change refusals', () => {
  it('carry their code through a message, as an error crossing the IPC keeps it', () => {
    const refused = checkServerAddress('http://hub.example:8787', []);
    if (refused.ok) throw new Error('plain http to another machine must be refused');
    const err = serverChangeError(refused.problem, refused.reason);
    const overIpc = new Error(`Error invoking remote method 'hotline-desk:set-server-url': Error: ${err.message}`);
    expect(serverChangeRefusal(overIpc)).toBe('plain_http');
    expect(serverChangeRefusal(serverChangeError('declined', 'not confirmed'))).toBe('declined');
  });

  it('reads nothing into other failures', () => {
    expect(serverChangeRefusal(new Error('IPC channel closed'))).toBeNull();
    expect(serverChangeRefusal(new Error('invalid server address [made_up]: x'))).toBeNull();
    expect(serverChangeRefusal(undefined)).toBeNull();
  });
});
