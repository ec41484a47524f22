import { describe, expect, it } from 'vitest';
import { createServerChangeConfirm, type MessageBoxLike } from './server-change-dialog';

function box(response: number) {
  const asked: Parameters<MessageBoxLike>[0][] = [];
  const show: MessageBoxLike = async (options) => {
    asked.push(options);
    return { response };
  };
  return { show, asked };
}

describe('createServerChangeConfirm', () => {
  it('is true only when the person chose Connect; Cancel is the default and the escape answer', async () => {
    const yes = box(1);
    expect(await createServerChangeConfirm(yes.show, 'en-US')('https://sync.example.com')).toBe(true);
    expect(yes.asked[0]).toMatchObject({ buttons: ['Cancel', 'Connect'], defaultId: 0, cancelId: 0 });
    expect(yes.asked[0]?.detail).toContain('https://sync.example.com');
    expect(await createServerChangeConfirm(box(0).show, 'en-US')('https://x.example')).toBe(false);
    expect(await createServerChangeConfirm(box(7).show, 'en-US')('https://x.example')).toBe(false);
  });

  it('asks in the system language', async () => {
    const zh = box(0);
    await createServerChangeConfirm(zh.show, 'zh-CN')('https://sync.example.com');
    expect(zh.asked[0]).toMatchObject({ buttons: ['取消', '连接'], message: expect.stringContaining('服务器') });
  });
});
