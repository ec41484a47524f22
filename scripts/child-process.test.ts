import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCommand, startChild, stopChild } from './child-process';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'child-process-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForFile(file: string): Promise<string> {
  for (let i = 0; i < 200; i += 1) {
    // The file exists from the moment the writer opens it: an empty read is not yet its content
    // (an empty pid read as 0 would probe this test's own process group).
    const text = await readFile(file, 'utf8').catch(() => '');
    if (text !== '') return text;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${file} never appeared`);
}

describe('child processes', () => {
  it('returns a command’s exit code', async () => {
    expect(await runCommand('ok', process.execPath, ['-e', 'process.exit(0)'])).toBe(0);
    expect(await runCommand('fails', process.execPath, ['-e', 'process.exit(3)'])).toBe(3);
    expect(await runCommand('missing', path.join(dir, 'no-such-binary'), [])).toBe(127);
  });

  it('lets a child shut down cleanly on SIGTERM', async () => {
    const marker = path.join(dir, 'stopped');
    const ready = path.join(dir, 'ready');
    const child = startChild('server', process.execPath, [
      '-e',
      `const fs=require('fs');process.on('SIGTERM',()=>{fs.writeFileSync(${JSON.stringify(marker)},'clean');process.exit(0)});fs.writeFileSync(${JSON.stringify(ready)},'1');setInterval(()=>{},1000)`,
    ]);
    await waitForFile(ready);
    expect(await stopChild(child, 'SIGTERM', 5_000)).toEqual({ code: 0, signal: null });
    expect(await readFile(marker, 'utf8')).toBe('clean');
  });

  it('insists with SIGKILL after the grace period', async () => {
    const ready = path.join(dir, 'ready');
    const child = startChild('stubborn', process.execPath, [
      '-e',
      `process.on('SIGTERM',()=>{});require('fs').writeFileSync(${JSON.stringify(ready)},'1');setInterval(()=>{},1000)`,
    ]);
    await waitForFile(ready);
    expect(await stopChild(child, 'SIGTERM', 200)).toEqual({ code: null, signal: 'SIGKILL' });
  });

  it.skipIf(process.platform === 'win32')('stops the whole tree of a grouped child', async () => {
    const pidFile = path.join(dir, 'grandchild.pid');
    const grandchild = `require('fs').writeFileSync(${JSON.stringify(pidFile)},String(process.pid));setInterval(()=>{},1000)`;
    const child = startChild(
      'npm-like',
      process.execPath,
      ['-e', `require('child_process').spawn(process.execPath,['-e',${JSON.stringify(grandchild)}],{stdio:'inherit'});setInterval(()=>{},1000)`],
      { ownGroup: true },
    );
    const pid = Number(await waitForFile(pidFile));
    expect(isAlive(pid)).toBe(true);
    await stopChild(child, 'SIGTERM', 5_000);
    for (let i = 0; i < 100 && isAlive(pid); i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(isAlive(pid)).toBe(false);
  });
});
