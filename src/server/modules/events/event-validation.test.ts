import { describe, expect, it } from 'vitest';
import { sdkEventSchema } from '../../../shared/contract/events';
import { fieldErrorsFromZod } from '../../http/problem';
import { isCleanEvent, readEvent } from './event-validation';

// The fast path must never accept what the schema refuses, nor change what the schema returns.

const valid = { id: 'e1', type: 'track', targetingKey: 'u1', event: 'purchase', value: 12.5, timestamp: '2026-01-01T00:00:00.000Z', properties: { category: 'shoes', n: 3, vip: true, none: null } };

const variants: [string, unknown][] = [
  ['valid', valid],
  ['no optional fields', { id: 'e1', type: 'exposure', targetingKey: 'u1', event: 'x', timestamp: '2026-01-01T00:00:00Z' }],
  ['offset timestamp', { ...valid, timestamp: '2026-01-01T01:00:00.123456+01:00' }],
  ['leap day', { ...valid, timestamp: '2024-02-29T00:00:00Z' }],
  ['not a leap day', { ...valid, timestamp: '2023-02-29T00:00:00Z' }],
  ['no seconds', { ...valid, timestamp: '2026-01-01T00:00Z' }],
  ['date only', { ...valid, timestamp: '2026-01-01' }],
  ['hour 24', { ...valid, timestamp: '2026-01-01T24:00:00Z' }],
  ['id to trim', { ...valid, id: ' e1 ' }],
  ['blank id', { ...valid, id: '   ' }],
  ['empty id', { ...valid, id: '' }],
  ['long id', { ...valid, id: 'x'.repeat(101) }],
  ['id of 100', { ...valid, id: 'x'.repeat(100) }],
  ['numeric id', { ...valid, id: 7 }],
  ['missing id', { ...valid, id: undefined }],
  ['event to trim', { ...valid, event: 'purchase\n' }],
  ['long event', { ...valid, event: 'e'.repeat(101) }],
  ['empty targetingKey', { ...valid, targetingKey: '' }],
  ['targetingKey with spaces', { ...valid, targetingKey: ' u 1 ' }],
  ['long targetingKey', { ...valid, targetingKey: 'u'.repeat(201) }],
  ['other type', { ...valid, type: 'click' }],
  ['string value', { ...valid, value: '12' }],
  ['null value', { ...valid, value: null }],
  ['infinite value', { ...valid, value: Infinity }],
  ['unknown field', { ...valid, extra: 1 }],
  ['array properties', { ...valid, properties: ['a'] }],
  ['null properties', { ...valid, properties: null }],
  ['nested property', { ...valid, properties: { a: { b: 1 } } }],
  ['long property', { ...valid, properties: { a: 'x'.repeat(501) } }],
  ['property of 500', { ...valid, properties: { a: 'x'.repeat(500) } }],
  ['array property', { ...valid, properties: { a: [1] } }],
  ['empty properties', { ...valid, properties: {} }],
  ['null item', null],
  ['array item', [valid]],
  ['string item', 'e1'],
];

describe('event validation fast path', () => {
  for (const [name, item] of variants) {
    it(`agrees with the schema: ${name}`, () => {
      const parsed = sdkEventSchema.safeParse(item);
      if (isCleanEvent(item)) {
        expect(parsed.success).toBe(true);
        expect(parsed.data).toEqual(item);
      }
      const read = readEvent(item, 4);
      if (parsed.success) expect(read).toEqual({ event: parsed.data });
      else expect(read).toEqual({ errors: fieldErrorsFromZod(parsed.error, 'events.4') });
    });
  }

  it('takes the fast path for the usual shapes', () => {
    expect(variants.filter(([, item]) => isCleanEvent(item)).map(([name]) => name)).toEqual([
      'valid', 'no optional fields', 'offset timestamp', 'leap day', 'id of 100', 'targetingKey with spaces', 'property of 500', 'empty properties',
    ]);
  });
});
