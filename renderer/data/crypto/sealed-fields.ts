/**
 * The fields sealed at rest, per collection. Whole fields rather than a list
 * of paths inside them: an event's payload holds the complainant (name,
 * phone, address), the incident's place, the description and demands, and
 * in most other event types free text (notes, reasons, what the customer was
 * told) that may name them; a complaint's `p` is the fold of all of it. No
 * query selects or sorts on either (the indexed keys are copies outside
 * them), so sealing them whole costs one cipher operation per document and
 * leaves nothing personal behind by omission. The indexed `phoneDigits` key
 * is a keyed hash instead (search/blind-tokens.ts).
 */
export const SEALED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  events: ['payload'],
  complaints: ['p'],
};

/**
 * Indexed keys a removed document does not need: its tombstone keeps no
 * lookup to a person (a complaint removed before its phone key was keyed
 * would otherwise keep the digits).
 */
export const BLANKED_WHEN_DELETED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  complaints: { phoneDigits: '' },
};
