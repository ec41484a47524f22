import { startChild, type RunningChild } from './child-process';

/**
 * Runs `npm run server` in its own process group: through the npm that runs
 * this script when it is a JS entry (no shell, no PATH lookup), else `npm`.
 */
export function startServerChild(root: string, env: Record<string, string | undefined>): RunningChild {
  const npmCli = process.env.npm_execpath;
  return npmCli !== undefined && npmCli.endsWith('.js')
    ? startChild('server', process.execPath, [npmCli, 'run', '--silent', 'server'], { cwd: root, env, ownGroup: true })
    : startChild('server', process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'server'], { cwd: root, env, ownGroup: true });
}
