import type { RxJsonSchema } from 'rxdb';

/**
 * The persisted search index: complaints spread over a fixed number of
 * buckets by a hash of their id, each bucket one document holding
 * [id, updatedAt, entry] triples flattened into one array. Opening reads a
 * few hundred documents instead of every complaint; an update rewrites the
 * one bucket of each changed complaint. Local only, derived from the
 * complaints (rebuilt when missing or of another codec version).
 */
export interface SearchBucketDoc {
  id: string;
  /** The codec version the entries were made with. */
  v: number;
  /** id, updatedAt, entry, id, updatedAt, entry, … */
  e: string[];
}

export const searchSchema: RxJsonSchema<SearchBucketDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 16 },
    v: { type: 'integer' },
    e: { type: 'array', items: { type: 'string' } },
  },
  required: ['id', 'v', 'e'],
};
