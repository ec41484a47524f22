import type { DataKeyAnswer } from '../../../shared/platform/bridge';
import { fromBase64 } from './base64';
import { deriveDataKeys, generateDataKey, importDataKey, type DataKeys } from './data-keys';

/**
 * How this workstation's replicas are kept at rest: with their personal
 * fields sealed and their search index keyed, or in the clear because there
 * is no key (said so in Settings and in docs/desktop.md, never claimed otherwise).
 */
export type AtRest =
  | { kind: 'encrypted'; keys: DataKeys; keyHolder: 'os-keychain' | 'browser' }
  | { kind: 'clear'; reason: 'no-keychain' | 'unreadable' };

/** The platform's answer as keys; a raw desktop key becomes a non-extractable CryptoKey at once. */
export async function atRestFrom(answer: DataKeyAnswer): Promise<AtRest> {
  if (answer.kind === 'none') return { kind: 'clear', reason: answer.reason };
  const dataKey = answer.kind === 'os-keychain' ? await importDataKey(fromBase64(answer.key)) : (answer.key as CryptoKey);
  return { kind: 'encrypted', keys: await deriveDataKeys(dataKey), keyHolder: answer.kind };
}

/** A fresh key for tests and tools: encrypted like the browser build, gone with the object. */
export async function ephemeralAtRest(): Promise<AtRest> {
  return { kind: 'encrypted', keys: await deriveDataKeys(await generateDataKey()), keyHolder: 'browser' };
}

/** What the person at the workstation is told about its data at rest: who holds the key, or why there is none. */
export type AtRestState = 'os-keychain' | 'browser' | 'no-keychain' | 'unreadable';

export function atRestState(atRest: AtRest): AtRestState {
  return atRest.kind === 'encrypted' ? atRest.keyHolder : atRest.reason;
}
