import { describe, expect, it } from 'vitest';
import type { ScreenPop } from '../shared/platform/screen-pop';
import { callFromArgv, startScreenPop } from './screen-pop';

function harness(argv: string[]) {
  const delivered: ScreenPop[] = [];
  const registered: string[] = [];
  let second: (argv: readonly string[]) => void = () => {};
  let openUrl: (url: string) => void = () => {};
  startScreenPop({
    registerScheme: (s) => registered.push(s) > 0,
    argv,
    onSecondInstance: (l) => (second = l),
    onOpenUrl: (l) => (openUrl = l),
    deliver: (p) => delivered.push(p),
  });
  return { delivered, registered, second: (a: string[]) => second(a), openUrl: (u: string) => openUrl(u) };
}

describe('screen-pop in the desktop app', () => {
  it('registers hotline-desk:// and delivers the call this launch was opened with', () => {
    const h = harness(['/opt/hotline-desk/hotline-desk', '--flag', 'hotline-desk://call?ani=13800138000&serial=C-1']);
    expect(h.registered).toEqual(['hotline-desk']);
    expect(h.delivered).toEqual([{ ani: '13800138000', serial: 'C-1' }]);
  });

  it('gives a second launch’s call to the running window, and macOS’s open-url too', () => {
    const h = harness(['hotline-desk']);
    h.second(['hotline-desk', 'hotline-desk://call?ani=13900139000']);
    h.openUrl('hotline-desk://call?ani=13700137000&serial=X9');
    expect(h.delivered).toEqual([{ ani: '13900139000', serial: null }, { ani: '13700137000', serial: 'X9' }]);
  });

  it('drops a link that is not a valid call instead of passing it on', () => {
    const h = harness(['hotline-desk', 'hotline-desk://call?ani=1380013800a']);
    h.second(['hotline-desk', 'hotline-desk://settings?x=1']);
    h.openUrl('hotline-desk://call?ani=13800138000&serial=%22%3E');
    expect(h.delivered).toEqual([]);
    expect(callFromArgv(['hotline-desk', '--inspect=9229'])).toBeNull();
  });
});
