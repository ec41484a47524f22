import { startServer } from './app';
import { createUserCommand } from './cli/create-user';
import { ConfigError, loadConfig } from './config';
import { DatabaseUnavailableError } from './db/open-db';

/**
 * `npm run server` starts the sync server in the foreground;
 * `npm run server -- create-user --username … --role … --branch …` adds a user.
 */
async function main(argv: string[]): Promise<void> {
  const config = loadConfig();
  const [command, ...rest] = argv;
  if (command === 'create-user') {
    console.log(await createUserCommand(config, rest));
    return;
  }
  if (command !== undefined && command !== 'start') throw new ConfigError(`Unknown command "${command}" (start, create-user)`);

  const server = await startServer(config);
  server.app.log.info(
    { url: server.url, storage: server.db.storage, version: server.config.version },
    'Hotline Desk server listening',
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      (err) => {
        console.error(`Shutdown failed: ${(err as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main(process.argv.slice(2)).catch((err: unknown) => {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'EADDRINUSE') console.error(`Cannot listen: the port is already in use (${e.message}). Set PORT to another port.`);
  else if (e.code === 'EACCES') console.error(`Cannot listen: permission denied (${e.message}).`);
  else if (err instanceof ConfigError || err instanceof DatabaseUnavailableError) console.error(`Configuration error: ${e.message}`);
  else console.error(`Error: ${e.message}`);
  process.exit(1);
});
