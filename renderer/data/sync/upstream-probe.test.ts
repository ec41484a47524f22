import { describe, expect, it } from 'vitest';
import { probeUpstream } from './upstream-probe';

const answering = (body: unknown) => ({ json: async <T,>() => body as T });

describe('probeUpstream', () => {
  it("reads a hub's link to central from its /health", async () => {
    const health = { status: 'ok', storage: 'pglite', version: '1', upstream: { url: 'http://c', connected: false, lastSyncAt: null, pendingUp: 4 } };
    expect(await probeUpstream(answering(health))).toEqual({ connected: false, lastSyncAt: null, pendingUp: 4, confirmedThrough: 0 });
    const later = { ...health, upstream: { ...health.upstream, confirmedThrough: 17 } };
    expect(await probeUpstream(answering(later))).toMatchObject({ confirmedThrough: 17 });
  });

  it('says null for a server that is not a hub, undefined when it does not answer or answers nonsense', async () => {
    expect(await probeUpstream(answering({ status: 'ok', storage: 'postgres', version: '1' }))).toBeNull();
    expect(await probeUpstream(answering({ nonsense: true }))).toBeUndefined();
    expect(await probeUpstream({ json: async () => Promise.reject(new Error('offline')) })).toBeUndefined();
  });
});
