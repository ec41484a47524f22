import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseCreateUserArgs, readPassword, type PasswordInput } from './create-user';

/** A terminal: a stream that says it is a TTY and records raw mode, as Node's stdin does. */
function terminal() {
  const input = new PassThrough() as PassThrough & PasswordInput;
  const modes: boolean[] = [];
  input.isTTY = true;
  input.setRawMode = (mode: boolean) => modes.push(mode);
  const output = new PassThrough();
  let shown = '';
  output.on('data', (d) => (shown += String(d)));
  return { input, output, modes, shown: () => shown };
}

describe('create-user reads the password', () => {
  it('at a terminal: echo off, typed twice, nothing of it written back, spaces kept', async () => {
    const tty = terminal();
    const answer = readPassword({}, tty.input, tty.output);
    tty.input.write('  my pass');
    tty.input.write('x\u007fword \r');
    await new Promise((r) => setImmediate(r));
    tty.input.write('  my password \r');
    expect(await answer).toBe('  my password ');
    expect(tty.shown()).toBe('Password: \nPassword again: \n');
    expect(tty.modes).toEqual([true, false, true, false]);
  });

  it('at a terminal: two different entries are refused', async () => {
    const tty = terminal();
    const answer = readPassword({}, tty.input, tty.output);
    tty.input.write('first-password\r');
    await new Promise((r) => setImmediate(r));
    tty.input.write('other-password\r');
    await expect(answer).rejects.toThrow(/differ/);
    expect(tty.shown()).not.toMatch(/first|other/);
  });

  it('piped: the first line exactly, leading and trailing spaces included', async () => {
    const input = new PassThrough();
    input.end('  spaced password \r\nsecond line\n');
    expect(await readPassword({}, input, new PassThrough())).toBe('  spaced password ');
  });

  it('from HOTLINE_PASSWORD untouched', async () => {
    expect(await readPassword({ HOTLINE_PASSWORD: ' env pass ' }, new PassThrough(), new PassThrough())).toBe(' env pass ');
  });
});

describe('create-user arguments', () => {
  it('takes a branch hub account with its branch and a password given on the command line', () => {
    expect(parseCreateUserArgs(['--username', 'hub.gz', '--role', 'hub', '--branch', 'gz', '--password', 'p w'])).toEqual({
      username: 'hub.gz',
      role: 'hub',
      branch: 'gz',
      password: 'p w',
    });
  });

  it('refuses an option it does not know', () => {
    expect(() => parseCreateUserArgs(['--username', 'x', '--role', 'hub', '--colour', 'red'])).toThrow(/Unknown option --colour/);
  });
});
