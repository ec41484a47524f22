import type { RxJsonSchema } from 'rxdb';

/** One document per kind of server-authoritative data (users, branches, teams, policy, calendar, scripts). */
export type ReferenceKind = 'users' | 'actors' | 'branches' | 'teams' | 'policy' | 'calendar' | 'scripts';

export interface ReferenceDoc {
  kind: ReferenceKind;
  data: unknown;
  pulledAt: string;
}

export const referenceSchema: RxJsonSchema<ReferenceDoc> = {
  version: 0,
  primaryKey: 'kind',
  type: 'object',
  properties: {
    kind: { type: 'string', maxLength: 20 },
    data: {},
    pulledAt: { type: 'string', maxLength: 40 },
  },
  required: ['kind', 'pulledAt'],
};
