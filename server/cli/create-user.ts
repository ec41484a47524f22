import { roleSchema } from '../../shared/roles';
import { createUser, newUserSchema } from '../auth/users';
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
  const allowed = ['username', 'role', 'branch', 'team', 'display-name', 'job-number'];
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
  };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The password from HOTLINE_PASSWORD, or else the first line of stdin (never from the command line). */
export async function readPassword(env: Record<string, string | undefined>): Promise<string> {
  const fromEnv = env[PASSWORD_ENV];
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) process.stderr.write('Password (then Enter and Ctrl-D): ');
  const text = await readStdin();
  return (text.split(/\r?\n/)[0] ?? '').trim();
}

export async function createUserCommand(config: ServerConfig, argv: string[], env = process.env): Promise<string> {
  const args = parseCreateUserArgs(argv);
  const role = roleSchema.safeParse(args.role);
  if (!role.success) throw new Error(`--role must be one of ${roleSchema.options.join(', ')}`);
  const password = await readPassword(env);
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
