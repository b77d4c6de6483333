import { Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { ColorField } from '../color-field';
import { errorAt } from '../field-messages';
import { NumericField } from '../numeric-field';
import { asRecord, asString, withField } from '../object-value';
import { currencies } from '../template-schemas';
import type { TemplateFormProps } from './template-form-props';

const currencyOptions = currencies.map((currency) => ({ value: currency.code, label: `${currency.code} · ${currency.name}` }));

function priceSummary(price: unknown, currency: unknown, trialDays: unknown): string | null {
  if (typeof price !== 'number' || typeof currency !== 'string' || !currencies.some((c) => c.code === currency)) return null;
  const amount = new Intl.NumberFormat('en', { style: 'currency', currency }).format(price);
  const trial = typeof trialDays === 'number' && trialDays > 0 ? ` after a ${trialDays}-day free trial` : ' with no free trial (0 days)';
  return `Shown as ${amount}${trial}`;
}

/** Offer or paywall: headline, price and currency, free trial length and accent colour. */
export function OfferForm({ value, onChange, errors, disabled }: TemplateFormProps) {
  const offer = asRecord(value);
  const set = (key: string, next: unknown) => onChange(withField(value, key, next));
  const summary = priceSummary(offer.price, offer.currency, offer.trialDays);
  return (
    <Stack gap="sm">
      <TextInput
        label="Headline"
        value={asString(offer.headline)}
        onChange={(event) => set('headline', event.currentTarget.value)}
        error={errorAt(errors, 'headline')}
        disabled={disabled}
      />
      <Group grow align="flex-start">
        <NumericField label="Price" value={offer.price} onChange={(next) => set('price', next)} min={0} step={0.01} error={errorAt(errors, 'price')} disabled={disabled} />
        <Select
          label="Currency"
          data={currencyOptions}
          searchable
          allowDeselect={false}
          value={typeof offer.currency === 'string' ? offer.currency : null}
          onChange={(next) => set('currency', next ?? undefined)}
          error={errorAt(errors, 'currency')}
          disabled={disabled}
        />
        <NumericField
          label="Free trial (days)"
          value={offer.trialDays}
          onChange={(next) => set('trialDays', next)}
          min={0}
          max={365}
          step={1}
          error={errorAt(errors, 'trialDays')}
          disabled={disabled}
        />
      </Group>
      {summary ? (
        <Text size="sm" c="dimmed">
          {summary}
        </Text>
      ) : null}
      <ColorField
        label="Accent colour"
        description="Buttons and highlights on the offer"
        value={offer.accentColor}
        onChange={(next) => set('accentColor', next)}
        error={errorAt(errors, 'accentColor')}
        disabled={disabled}
      />
    </Stack>
  );
}
