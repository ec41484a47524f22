import type { Page } from '@playwright/test';
import { hotSpots, type CpuProfile, type HotSpot } from '../lib/cpuprofile-summary';

/** Runs `work` under the V8 CPU profiler of the page and returns the top functions by self time. */
export async function profileTop(page: Page, work: () => Promise<void>, top = 15): Promise<HotSpot[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await work();
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  await cdp.detach();
  return hotSpots(profile, top);
}
