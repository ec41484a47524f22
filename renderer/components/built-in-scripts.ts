import type { TFunction } from 'i18next';
import type { ReferenceScript } from '../data/types/reference';
import type { ScriptAudience } from './script-lines';

const LINES: { scenario: string; keys: string[] }[] = [
  { scenario: 'opening', keys: ['l1'] },
  { scenario: 'A', keys: ['l1', 'l2'] },
  { scenario: 'B', keys: ['l1', 'l2'] },
  { scenario: 'C', keys: ['l1', 'l2'] },
];

/** The leads' 二解 callback lines: scenarios A, B, C of the norm. */
const LEAD_LINES: { scenario: string; keys: string[] }[] = [
  { scenario: 'A', keys: ['l1'] },
  { scenario: 'B', keys: ['l1'] },
  { scenario: 'C', keys: ['l1'] },
];

/**
 * The lines shipped with the app, used until the centre's own script library
 * has been pulled (a fresh workstation, offline from the start).
 */
export function builtInScripts(t: TFunction, language: string, audience: ScriptAudience = 'agent'): ReferenceScript[] {
  const lines = audience === 'lead' ? LEAD_LINES : LINES;
  const base = audience === 'lead' ? 'scriptLibrary.lead' : 'scriptLibrary';
  return lines.flatMap(({ scenario, keys }) =>
    keys.map((k) => ({
      id: `builtin-${audience}-${scenario}-${k}`,
      scenario,
      language,
      audience,
      text: t(`${base}.${scenario}.${k}`),
    })),
  );
}
