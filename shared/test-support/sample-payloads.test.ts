import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, payloadSchemas } from '../events/catalogue';
import { samplePayloads } from './sample-payloads';

describe('sample payloads', () => {
  it.each(EVENT_TYPES)('%s sample validates', (type) => {
    const result = payloadSchemas[type].safeParse(samplePayloads[type]);
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });
});
