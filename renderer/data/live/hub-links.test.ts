import { firstValueFrom, take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { fetchHubLinks, hubLinks$ } from './hub-links';

const link = { id: 'u-hub', username: 'hub.gz', branchId: 'gz', connected: true, lastContactAt: '2026-12-06T01:00:00.000Z', pendingUp: 0 };

describe('hub links', () => {
  it("gives the server's list of hubs, and null when the answer is not one", async () => {
    expect(await firstValueFrom(fetchHubLinks({ json: async <T,>() => ({ items: [link] }) as T }))).toEqual([link]);
    expect(await firstValueFrom(fetchHubLinks({ json: async <T,>() => ({ items: 'x' }) as T }))).toBeNull();
    expect(await firstValueFrom(fetchHubLinks({ json: () => Promise.reject(new Error('403')) }))).toBeNull();
  });

  it('asks again on every refresh', async () => {
    let calls = 0;
    const api = { json: async <T,>() => ({ items: [{ ...link, pendingUp: ++calls }] }) as T };
    const seen = await firstValueFrom(hubLinks$(api, 5).pipe(take(3), toArray()));
    expect(seen.map((l) => l?.[0]?.pendingUp)).toEqual([1, 2, 3]);
  });
});
