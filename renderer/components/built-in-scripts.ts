import type { TFunction } from 'i18next';
import type { ReferenceScript } from '../data/types/reference';

const LINES: { scenario: string; keys: string[] }[] = [
  { scenario: 'opening', keys: ['l1'] },
  { scenario: 'A', keys: ['l1', 'l2'] },
  { scenario: 'B', keys: ['l1', 'l2'] },
  { scenario: 'C', keys: ['l1', 'l2'] },
];

/**
 * The lines shipped with the app, used until the centre's own script library
 * has been pulled (a fresh workstation, offline from the start).
 */
export function builtInScripts(t: TFunction, language: string): ReferenceScript[] {
  return LINES.flatMap(({ scenario, keys }) =>
    keys.map((k) => ({
      id: `builtin-${scenario}-${k}`,
      scenario,
      language,
      text: t(`scriptLibrary.${scenario}.${k}`),
    })),
  );
}
