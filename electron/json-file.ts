import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A small JSON document on disk (settings, window state, encrypted secrets). */
export interface JsonFile {
  /** Undefined when the file is missing or not valid JSON (a torn write from an older version, a hand edit). */
  read(): Promise<unknown>;
  write(value: unknown): Promise<void>;
}

/** A JSON file that can also tell a missing file from one it cannot read. */
export interface JsonFileOnDisk extends JsonFile {
  /** True when the file is there, whatever it holds (read() answers undefined for a torn or hand-edited one too). */
  exists(): Promise<boolean>;
}

/**
 * Writes go to a temporary sibling and are renamed over the file, so a crash
 * mid-write leaves the previous version intact. Files are private to the user
 * (0600) because one of them holds the encrypted secrets.
 */
export function createJsonFile(filePath: string): JsonFileOnDisk {
  return {
    async exists() {
      try {
        await access(filePath);
        return true;
      } catch (error) {
        if ((error as { code?: unknown }).code === 'ENOENT') return false;
        throw error;
      }
    },
    async read() {
      let text: string;
      try {
        text = await readFile(filePath, 'utf8');
      } catch (error) {
        if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
        throw error;
      }
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return undefined;
      }
    },
    async write(value) {
      await mkdir(path.dirname(filePath), { recursive: true });
      const temporary = `${filePath}.${randomUUID()}.tmp`;
      try {
        await writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`, { encoding: 'utf8', mode: 0o600 });
        await rename(temporary, filePath);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
  };
}

/**
 * The same document read at once, for the little the main process must know
 * before the app is ready (Chromium's switches); undefined when missing or
 * unreadable, like read().
 */
export function readJsonFileSync(filePath: string): unknown {
  try {
    return JSON.parse(readFileSync(filePath, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}
