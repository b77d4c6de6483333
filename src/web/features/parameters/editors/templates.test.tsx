import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { checkJsonSchema, typeSpecSchema, validateValue } from '../../../../shared/values';
import { TemplateValueForm } from './template-forms/template-value-form';
import { TEMPLATE_MARKER, templateById, templateFor, templates } from './templates';
import { currentValue, EditorHarness, renderWithMantine } from './test-utils';

const onboarding = templateById('onboarding')!;

describe('templates', () => {
  it.each(templates.map((template) => [template.id, template] as const))('%s: a valid spec and a default value that passes it', (_id, template) => {
    expect(typeSpecSchema.safeParse(template.spec).success).toBe(true);
    expect(checkJsonSchema(template.spec.schema)).toBeNull();
    expect(template.spec.schema?.[TEMPLATE_MARKER]).toBe(template.id);
    expect(template.spec.schema?.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(validateValue(template.spec, template.defaultValue)).toEqual({ errors: [], warnings: [] });
    expect(templateFor(template.spec)).toBe(template);
  });

  it('templateFor ignores specs without a known marker', () => {
    expect(templateFor({ type: 'json' })).toBeUndefined();
    expect(templateFor({ type: 'json', schema: { [TEMPLATE_MARKER]: 'nope' } })).toBeUndefined();
    expect(templateFor({ type: 'string' })).toBeUndefined();
  });

  it('template schemas catch what the forms let people type wrong', () => {
    const offer = templateById('offer')!;
    const { errors } = validateValue(offer.spec, { headline: '', price: -1, currency: 'XXX', trialDays: 1.5, accentColor: 'red' });
    expect(errors.map((error) => error.path).sort()).toEqual(['accentColor', 'currency', 'headline', 'price', 'trialDays']);
  });

  it('every template form renders its default value with labelled inputs', () => {
    for (const template of templates) {
      const { unmount } = renderWithMantine(<TemplateValueForm template={template} value={template.defaultValue} onChange={() => undefined} errors={[]} />);
      for (const input of screen.queryAllByRole('textbox')) expect(input).toHaveAccessibleName();
      unmount();
    }
  });
});

describe('template forms inside ValueEditor', () => {
  it('onboarding: edits a screen title without touching JSON', async () => {
    const { user } = renderWithMantine(<EditorHarness spec={onboarding.spec} initial={onboarding.defaultValue} />);
    expect(screen.getByRole('group', { name: 'Screen 2' })).toBeInTheDocument();
    const titles = screen.getAllByRole('textbox', { name: 'Title' });
    await user.clear(titles[1]);
    await user.type(titles[1], 'Never miss a deal');
    const value = currentValue() as { screens: Array<{ title: string }> };
    expect(value.screens.map((screen) => screen.title)).toEqual(['Welcome', 'Never miss a deal', 'You are all set']);
  });

  it('onboarding: an empty title is flagged on that screen, and screens reorder, add and remove', async () => {
    const { user } = renderWithMantine(<EditorHarness spec={onboarding.spec} initial={onboarding.defaultValue} />);
    const first = screen.getAllByRole('textbox', { name: 'Title' })[0];
    await user.clear(first);
    expect(first).toHaveAttribute('aria-invalid', 'true');

    await user.click(screen.getByRole('button', { name: 'Move screen 1 down' }));
    expect((currentValue() as { screens: Array<{ title: string }> }).screens[1].title).toBe('');
    await user.click(screen.getByRole('button', { name: 'Remove screen 2' }));
    await user.click(screen.getByRole('button', { name: 'Add screen' }));
    const titles = (currentValue() as { screens: Array<{ title: string }> }).screens.map((s) => s.title);
    expect(titles).toEqual(['Stay in the loop', 'You are all set', 'New screen']);
  });

  it('offers "Edit as JSON" and shows the same value as text', async () => {
    const { user } = renderWithMantine(<EditorHarness spec={templateById('layout')!.spec} initial={templateById('layout')!.defaultValue} />);
    expect(screen.queryByRole('textbox', { name: 'JSON' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('switch', { name: 'Edit as JSON' }));
    expect(screen.getByRole('textbox', { name: 'JSON' })).toHaveValue(JSON.stringify(templateById('layout')!.defaultValue, null, 2));
  });

  it('navigation: a repeated tab id is flagged and blocks saving', async () => {
    const navigation = templateById('navigation')!;
    let invalid = false;
    const { user } = renderWithMantine(<EditorHarness spec={navigation.spec} initial={navigation.defaultValue} onInvalid={(next) => (invalid = next)} />);
    const ids = screen.getAllByRole('textbox', { name: /^Id/ });
    await user.clear(ids[1]);
    await user.type(ids[1], 'home');
    expect(ids[1]).toHaveAccessibleDescription(expect.stringContaining('Another tab already uses this id'));
    expect(invalid).toBe(true);
  });

  it('offer: currency Select and a price summary', async () => {
    const offer = templateById('offer')!;
    const { user } = renderWithMantine(<EditorHarness spec={offer.spec} initial={offer.defaultValue} />);
    expect(screen.getByText('Shown as $9.99 after a 7-day free trial')).toBeInTheDocument();
    await user.click(screen.getByRole('combobox', { name: 'Currency' }));
    await user.click(screen.getByRole('option', { name: 'EUR · Euro' }));
    expect((currentValue() as { currency: string }).currency).toBe('EUR');
  });
});
