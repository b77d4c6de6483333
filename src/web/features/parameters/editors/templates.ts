import { isPlainObject, type TypeSpec } from '../../../../shared/values';
import type { SpecOf } from './editor-props';
import { adSlotSchema, layoutSchema, navigationSchema, offerSchema, onboardingSchema, TEMPLATE_MARKER } from './template-schemas';

export { TEMPLATE_MARKER };

export const templateIds = ['onboarding', 'offer', 'layout', 'navigation', 'adSlot'] as const;
export type TemplateId = (typeof templateIds)[number];

/** A ready-made parameter for something marketers change often, edited with a form instead of JSON. */
export interface ParameterTemplate {
  id: TemplateId;
  name: string;
  description: string;
  suggestedKey: string;
  spec: SpecOf<'json'>;
  defaultValue: unknown;
}

export const templates: readonly ParameterTemplate[] = [
  {
    id: 'onboarding',
    name: 'Onboarding flow',
    description: 'The screens new users swipe through: title, text, image and button on each, in order.',
    suggestedKey: 'onboarding.flow',
    spec: { type: 'json', schema: onboardingSchema },
    defaultValue: {
      screens: [
        { title: 'Welcome', body: 'Everything you need, in one place.', imageUrl: 'https://example.com/onboarding/welcome.png', buttonText: 'Next' },
        { title: 'Stay in the loop', body: 'Turn on notifications so you never miss a deal.', buttonText: 'Next' },
        { title: 'You are all set', body: 'Start exploring now.', buttonText: 'Get started' },
      ],
    },
  },
  {
    id: 'offer',
    name: 'Offer or paywall',
    description: 'The price, currency, free trial, headline and accent colour of a paywall or promotion.',
    suggestedKey: 'paywall.offer',
    spec: { type: 'json', schema: offerSchema },
    defaultValue: { headline: 'Unlock everything with Premium', price: 9.99, currency: 'USD', trialDays: 7, accentColor: '#4C6EF5' },
  },
  {
    id: 'layout',
    name: 'Screen layout',
    description: 'Which sections a screen shows, top to bottom, by section id.',
    suggestedKey: 'home.layout',
    spec: { type: 'json', schema: layoutSchema },
    defaultValue: { sections: ['hero', 'featured', 'recommendations', 'footer'] },
  },
  {
    id: 'navigation',
    name: 'Navigation tabs',
    description: 'The tabs of the app’s bottom bar, in order: id, label and icon.',
    suggestedKey: 'app.navigation',
    spec: { type: 'json', schema: navigationSchema },
    defaultValue: {
      tabs: [
        { id: 'home', label: 'Home', icon: 'home' },
        { id: 'search', label: 'Search', icon: 'search' },
        { id: 'profile', label: 'Profile', icon: 'user' },
      ],
    },
  },
  {
    id: 'adSlot',
    name: 'Display ad slot',
    description: 'The creative and destination of an in-app banner, and how often a person may see it per day.',
    suggestedKey: 'ads.homeBanner',
    spec: { type: 'json', schema: adSlotSchema },
    defaultValue: {
      imageUrl: 'https://example.com/ads/spring-sale.png',
      alt: 'Spring sale: 20% off everything',
      linkUrl: 'https://example.com/sale',
      frequencyCapPerDay: 3,
    },
  },
];

export function templateById(id: string): ParameterTemplate | undefined {
  return templates.find((template) => template.id === id);
}

/** The template a spec was made from: a json spec whose JSON Schema carries the template marker. */
export function templateFor(spec: TypeSpec): ParameterTemplate | undefined {
  if (spec.type !== 'json' || !isPlainObject(spec.schema)) return undefined;
  const marker = spec.schema[TEMPLATE_MARKER];
  return typeof marker === 'string' ? templateById(marker) : undefined;
}
