import { roleSchema } from '../../shared/roles';
import { newUserSchema } from '../admin/admin-schemas';
import { createUser } from '../auth/users-store';
import type { ServerConfig } from '../config';
import { migrate } from '../db/migrations';
import { openDb } from '../db/open-db';
import { HttpError } from '../http/errors';
import { bumpReferenceVersion } from '../reference/settings-store';

export const PASSWORD_ENV = 'HOTLINE_PASSWORD';

export interface CreateUserArgs {
  username: string;
  role: string;
  branch?: string;
  team?: string;
  displayName?: string;
  jobNumber?: string;
  /** Given on the command line (scripts); other users of the machine can read it in the process list. */
  password?: string;
}

export function parseCreateUserArgs(argv: string[]): CreateUserArgs {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`Unexpected argument ${arg}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${m[1]} needs a value`);
    out[m[1] as string] = value;
  }
  const allowed = ['username', 'role', 'branch', 'team', 'display-name', 'job-number', 'password'];
  for (const k of Object.keys(out)) if (!allowed.includes(k)) throw new Error(`Unknown option --${k}`);
  if (!out.username) throw new Error('--username is required');
  if (!out.role) throw new Error(`--role is required (${roleSchema.options.join(', ')})`);
  return {
    username: out.username,
    role: out.role,
    ...(out.branch ? { branch: out.branch } : {}),
    ...(out.team ? { team: out.team } : {}),
    ...(out['display-name'] ? { displayName: out['display-name'] } : {}),
    ...(out['job-number'] ? { jobNumber: out['job-number'] } : {}),
    ...(out.password !== undefined ? { password: out.password } : {}),
  };
}

/** A terminal to read from: Node's stdin when it is a TTY. */
export interface PasswordInput extends NodeJS.ReadableStream {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

async function readAll(input: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * One line typed at a terminal with echo off (raw mode): nothing the user
 * types is written back. Enter ends it, Backspace takes back a character,
 * Ctrl-C or Ctrl-D with nothing typed gives up.
 */
export function readHiddenLine(input: PasswordInput, output: NodeJS.WritableStream, prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let line = '';
    output.write(prompt);
    input.setRawMode?.(true);
    input.resume();
    const finish = (err: Error | null) => {
      input.removeListener('data', onData);
      input.setRawMode?.(false);
      input.pause();
      output.write('\n');
      if (err) reject(err);
      else resolve(line);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of String(chunk)) {
        if (ch === '\r' || ch === '\n') return finish(null);
        if (ch === '\u0003' || (ch === '\u0004' && line === '')) return finish(new Error('No password given'));
        if (ch === '\u007f' || ch === '\b') line = [...line].slice(0, -1).join('');
        else if (ch >= ' ') line += ch;
      }
    };
    input.on('data', onData);
  });
}

/**
 * The password from HOTLINE_PASSWORD; else typed twice at the terminal with
 * echo off; else (stdin piped) the first line of stdin; never echoed, and
 * never trimmed: spaces are part of it; only the line ending is not. The
 * command line's `--password` (the branch-hub contract's form, for scripts)
 * is taken before this with a warning: other users see it in the process list.
 */
export async function readPassword(
  env: Record<string, string | undefined>,
  input: PasswordInput = process.stdin,
  output: NodeJS.WritableStream = process.stderr,
): Promise<string> {
  const fromEnv = env[PASSWORD_ENV];
  if (fromEnv) return fromEnv;
  if (input.isTTY) {
    const first = await readHiddenLine(input, output, 'Password: ');
    const again = await readHiddenLine(input, output, 'Password again: ');
    if (first !== again) throw new Error('The two passwords differ');
    return first;
  }
  const text = await readAll(input);
  return /^[^\r\n]*/.exec(text)?.[0] ?? '';
}

export async function createUserCommand(config: ServerConfig, argv: string[], env = process.env): Promise<string> {
  const args = parseCreateUserArgs(argv);
  const role = roleSchema.safeParse(args.role);
  if (!role.success) throw new Error(`--role must be one of ${roleSchema.options.join(', ')}`);
  if (args.password !== undefined) console.error('Warning: a password given with --password is visible to other users of this machine; prefer HOTLINE_PASSWORD or typing it.');
  const password = args.password ?? (await readPassword(env));
  const input = newUserSchema.safeParse({
    username: args.username,
    password,
    role: role.data,
    branchId: args.branch ?? null,
    teamId: args.team ?? null,
    ...(args.displayName ? { displayName: args.displayName } : {}),
    ...(args.jobNumber ? { jobNumber: args.jobNumber } : {}),
  });
  if (!input.success) {
    throw new Error(input.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '));
  }
  const db = await openDb(config);
  try {
    await migrate(db);
    const user = await db.transaction(async (tx) => {
      const created = await createUser(tx, input.data, config.scryptCost);
      await bumpReferenceVersion(tx);
      return created;
    });
    return `Created ${user.role} ${user.username} (id ${user.id})`;
  } catch (err) {
    if (err instanceof HttpError) throw new Error(err.message);
    throw err;
  } finally {
    await db.close();
  }
}
