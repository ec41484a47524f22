import type { RxJsonSchema } from 'rxdb';

/**
 * Workstation-local state that never leaves the machine: session verifiers,
 * HLC, workstation id, number counter, projector checkpoint, drafts.
 */
export interface LocalDoc {
  key: string;
  value: unknown;
}

export const localSchema: RxJsonSchema<LocalDoc> = {
  version: 0,
  primaryKey: 'key',
  type: 'object',
  properties: {
    key: { type: 'string', maxLength: 200 },
    value: {},
  },
  required: ['key'],
};
