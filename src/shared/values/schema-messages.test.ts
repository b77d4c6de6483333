import { describe, expect, it } from 'vitest';
import { humanizeKey } from './schema-messages';
import { validateValue, type TypeSpec } from './index';

// A schema shaped like the offer template, with titles on some fields and not on others.
const offer: TypeSpec = {
  type: 'json',
  schema: {
    title: 'Offer or paywall',
    type: 'object',
    additionalProperties: false,
    required: ['headline', 'trialDays', 'accentColor', 'currency'],
    properties: {
      headline: { title: 'Headline', type: 'string', minLength: 1, maxLength: 10 },
      trialDays: { title: 'Trial days', type: 'integer', minimum: 0, maximum: 365 },
      accentColor: { type: 'string', pattern: '^#(?:[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})$' },
      currency: { enum: ['USD', 'EUR'] },
      screens: { title: 'Screens', type: 'array', minItems: 1, items: { type: 'object', required: ['buttonText'], properties: { buttonText: { type: 'string' }, url: { type: 'string', pattern: '^https?://[^\\s]+$' } } } },
    },
  },
};
const valid = { headline: 'Go', trialDays: 7, accentColor: '#4C6EF5', currency: 'USD' };
const messages = (value: unknown) => validateValue(offer, value).errors;

describe('JSON Schema problems in plain words', () => {
  it('a missing field is named by its title, at its own path', () => {
    const { trialDays: _dropped, ...rest } = valid;
    expect(messages(rest)).toEqual([{ path: 'trialDays', message: 'Trial days is required' }]);
  });

  it('a field without a title is named from its property name', () => {
    const { accentColor: _dropped, ...rest } = valid;
    expect(messages(rest)).toEqual([{ path: 'accentColor', message: 'Accent color is required' }]);
    expect(humanizeKey('frequencyCapPerDay')).toBe('Frequency cap per day');
    expect(humanizeKey('ad_slot')).toBe('Ad slot');
  });

  it('types, bounds, lengths, patterns and choices say what is expected', () => {
    expect(messages({ ...valid, trialDays: 1.5 })).toEqual([{ path: 'trialDays', message: 'Trial days must be a whole number' }]);
    expect(messages({ ...valid, trialDays: 400 })).toEqual([{ path: 'trialDays', message: 'Trial days must be at most 365' }]);
    expect(messages({ ...valid, trialDays: -1 })).toEqual([{ path: 'trialDays', message: 'Trial days must be at least 0' }]);
    expect(messages({ ...valid, headline: '' })).toEqual([{ path: 'headline', message: 'Headline cannot be empty' }]);
    expect(messages({ ...valid, headline: 'Far too long a headline' })).toEqual([{ path: 'headline', message: 'Headline can have at most 10 characters' }]);
    expect(messages({ ...valid, accentColor: 'blue' })).toEqual([{ path: 'accentColor', message: 'Accent color must be a colour like #4C6EF5' }]);
    expect(messages({ ...valid, currency: 'XYZ' })).toEqual([{ path: 'currency', message: 'Currency must be one of: USD, EUR' }]);
  });

  it('an unknown field is named once, never as "False boolean schema"', () => {
    expect(messages({ ...valid, colour: 'red' })).toEqual([{ path: '', message: '“colour” is not one of the fields here' }]);
  });

  it('nested list items: path to the item field, name from the property', () => {
    expect(messages({ ...valid, screens: [] })).toEqual([{ path: 'screens', message: 'Screens needs at least 1 item' }]);
    expect(messages({ ...valid, screens: [{ buttonText: 'Next' }, { url: 'ftp://x' }] })).toEqual([
      { path: 'screens.1.buttonText', message: 'Button text is required' },
      { path: 'screens.1.url', message: 'Url must be a web address starting with https://' },
    ]);
  });

  it('never passes the validator wording through', () => {
    for (const value of [{}, { ...valid, trialDays: 'x' }, { ...valid, extra: 1 }, [1], 'text']) {
      for (const error of messages(value)) expect(error.message).not.toMatch(/Instance|does not match|False boolean|Property "/);
    }
  });
});
