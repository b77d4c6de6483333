// JSON Schemas (draft 2020-12) of the marketer templates. Each carries "x-switchboard-template" so
// the dashboard can recognise a parameter made from a template and offer its friendly form. Each
// field has a title: validation messages name fields by it ("Trial days is required").

import { TEMPLATE_MARKER } from '../../../components/value-preview/template-kind';

export { TEMPLATE_MARKER };

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';
const HTTP_URL = { type: 'string', pattern: '^https?://[^\\s]+$', maxLength: 2000 };
const HEX_COLOR = { type: 'string', pattern: '^#(?:[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})$' };
const SLUG = { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$', maxLength: 60 };

/** ISO 4217 codes offered for prices, with how many minor-unit digits each uses. */
export const currencies = [
  { code: 'USD', name: 'US dollar', digits: 2 },
  { code: 'EUR', name: 'Euro', digits: 2 },
  { code: 'GBP', name: 'Pound sterling', digits: 2 },
  { code: 'CAD', name: 'Canadian dollar', digits: 2 },
  { code: 'AUD', name: 'Australian dollar', digits: 2 },
  { code: 'NZD', name: 'New Zealand dollar', digits: 2 },
  { code: 'JPY', name: 'Japanese yen', digits: 0 },
  { code: 'KRW', name: 'South Korean won', digits: 0 },
  { code: 'CNY', name: 'Chinese yuan', digits: 2 },
  { code: 'INR', name: 'Indian rupee', digits: 2 },
  { code: 'SGD', name: 'Singapore dollar', digits: 2 },
  { code: 'CHF', name: 'Swiss franc', digits: 2 },
  { code: 'SEK', name: 'Swedish krona', digits: 2 },
  { code: 'NOK', name: 'Norwegian krone', digits: 2 },
  { code: 'DKK', name: 'Danish krone', digits: 2 },
  { code: 'PLN', name: 'Polish złoty', digits: 2 },
  { code: 'BRL', name: 'Brazilian real', digits: 2 },
  { code: 'MXN', name: 'Mexican peso', digits: 2 },
  { code: 'ZAR', name: 'South African rand', digits: 2 },
] as const;

export const onboardingSchema = {
  $schema: DRAFT,
  [TEMPLATE_MARKER]: 'onboarding',
  title: 'Onboarding flow',
  type: 'object',
  additionalProperties: false,
  required: ['screens'],
  properties: {
    screens: {
      title: 'Screens',
      type: 'array',
      minItems: 1,
      maxItems: 10,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['title', 'body', 'buttonText'],
        properties: {
          title: { title: 'Title', type: 'string', minLength: 1, maxLength: 80 },
          body: { title: 'Text', type: 'string', maxLength: 500 },
          imageUrl: { ...HTTP_URL, title: 'Image URL' },
          buttonText: { title: 'Button text', type: 'string', minLength: 1, maxLength: 30 },
        },
      },
    },
  },
};

export const offerSchema = {
  $schema: DRAFT,
  [TEMPLATE_MARKER]: 'offer',
  title: 'Offer or paywall',
  type: 'object',
  additionalProperties: false,
  required: ['headline', 'price', 'currency', 'trialDays', 'accentColor'],
  properties: {
    headline: { title: 'Headline', type: 'string', minLength: 1, maxLength: 120 },
    price: { title: 'Price', type: 'number', minimum: 0, maximum: 1_000_000 },
    currency: { title: 'Currency', enum: currencies.map((currency) => currency.code) },
    trialDays: { title: 'Trial days', type: 'integer', minimum: 0, maximum: 365 },
    accentColor: { ...HEX_COLOR, title: 'Accent colour' },
  },
};

export const layoutSchema = {
  $schema: DRAFT,
  [TEMPLATE_MARKER]: 'layout',
  title: 'Screen layout',
  type: 'object',
  additionalProperties: false,
  required: ['sections'],
  properties: {
    sections: { title: 'Sections', type: 'array', minItems: 1, maxItems: 30, uniqueItems: true, items: SLUG },
  },
};

export const navigationSchema = {
  $schema: DRAFT,
  [TEMPLATE_MARKER]: 'navigation',
  title: 'Navigation tabs',
  type: 'object',
  additionalProperties: false,
  required: ['tabs'],
  properties: {
    tabs: {
      title: 'Tabs',
      type: 'array',
      minItems: 2,
      maxItems: 5,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'label', 'icon'],
        properties: {
          id: { ...SLUG, title: 'Tab id' },
          label: { title: 'Label', type: 'string', minLength: 1, maxLength: 20 },
          icon: { title: 'Icon', type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$', maxLength: 40 },
        },
      },
    },
  },
};

export const adSlotSchema = {
  $schema: DRAFT,
  [TEMPLATE_MARKER]: 'adSlot',
  title: 'Display ad slot',
  type: 'object',
  additionalProperties: false,
  required: ['imageUrl', 'alt', 'linkUrl', 'frequencyCapPerDay'],
  properties: {
    imageUrl: { ...HTTP_URL, title: 'Image URL' },
    alt: { title: 'Alt text', type: 'string', maxLength: 200 },
    linkUrl: { ...HTTP_URL, title: 'Link URL' },
    frequencyCapPerDay: { title: 'Times a day at most', type: 'integer', minimum: 1, maximum: 100 },
  },
};
