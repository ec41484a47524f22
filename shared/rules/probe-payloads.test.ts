import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, payloadSchemas } from '../events/catalogue';
import { probePayloads } from './probe-payloads';

describe('probe payloads', () => {
  it.each(EVENT_TYPES)('%s probe validates', (type) => {
    const result = payloadSchemas[type].safeParse(probePayloads[type]);
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });
});
