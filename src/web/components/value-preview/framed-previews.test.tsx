import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { TypeSpec } from '../../../shared/values';
import { TEMPLATE_MARKER } from './template-kind';
import { ValuePreview } from './value-preview';

const renderWithMantine = (ui: ReactElement) => render(<MantineProvider env="test">{ui}</MantineProvider>);
const templateSpec = (kind: string): TypeSpec => ({ type: 'json', schema: { [TEMPLATE_MARKER]: kind, type: 'object' } });
const offer = { headline: 'Unlock everything', price: 9.99, currency: 'USD', trialDays: 7, accentColor: '#4C6EF5' };

describe('values drawn as the app shows them', () => {
  it('paywall: a phone screen with headline, trial, price and the button in the accent colour, never JSON', () => {
    const { container } = renderWithMantine(<ValuePreview spec={templateSpec('offer')} value={offer} />);
    const phone = screen.getByRole('figure', { name: 'Paywall on a phone' });
    expect(within(phone).getByText('Unlock everything')).toBeInTheDocument();
    expect(within(phone).getByText('7-day free trial, then $9.99')).toBeInTheDocument();
    const button = within(phone).getByText('Start free trial');
    expect(button.style.background).toBe('rgb(76, 110, 245)');
    // Black reads better than white on #4C6EF5 (4.8:1 against 4.3:1).
    expect(button.style.color).toBe('rgb(0, 0, 0)');
    expect(container).not.toHaveTextContent('"headline"');
  });

  it('paywall: the web switch draws it in a browser window', async () => {
    renderWithMantine(<ValuePreview spec={templateSpec('offer')} value={{ ...offer, trialDays: 0 }} />);
    await userEvent.click(screen.getByRole('radio', { name: 'Web' }));
    const web = screen.getByRole('figure', { name: 'Paywall on the web' });
    expect(within(web).getByText('Subscribe for $9.99')).toBeInTheDocument();
  });

  it('onboarding: one screen at a time, paged with buttons outside the frame', async () => {
    const flow = { screens: [{ title: 'Welcome', body: 'Hi', buttonText: 'Next' }, { title: 'All set', body: 'Go', buttonText: 'Get started' }] };
    renderWithMantine(<ValuePreview spec={templateSpec('onboarding')} value={flow} />);
    expect(screen.getByRole('figure', { name: 'Onboarding screen 1 of 2 on a phone' })).toHaveTextContent('Welcome');
    expect(screen.getByRole('button', { name: 'Previous onboarding screen' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Next onboarding screen' }));
    const second = screen.getByRole('figure', { name: 'Onboarding screen 2 of 2 on a phone' });
    expect(second).toHaveTextContent('All set');
    expect(second).toHaveTextContent('Get started');
  });

  it('colour: a button in the colour with readable text, its swatch and contrast', () => {
    renderWithMantine(<ValuePreview spec={{ type: 'color' }} value="#000000" />);
    const button = within(screen.getByRole('figure', { name: 'Colour on a phone' })).getByText('Buy now');
    expect(button.style.background).toBe('rgb(0, 0, 0)');
    expect(button.style.color).toBe('rgb(255, 255, 255)');
    expect(screen.getByText('#000000')).toBeInTheDocument();
  });

  it('text style: the sample inside the frame', () => {
    renderWithMantine(<ValuePreview spec={{ type: 'textStyle' }} value={{ fontSize: 24, color: '#C92A2A' }} />);
    const sample = within(screen.getByRole('figure', { name: 'Text style on a phone' })).getByText('The quick brown fox');
    expect(sample.style.fontSize).toBe('24px');
  });

  it('image: in the frame, with its alt text', () => {
    renderWithMantine(<ValuePreview spec={{ type: 'image' }} value={{ url: 'https://cdn.example.com/a.png', alt: 'Spring sale' }} />);
    expect(within(screen.getByRole('figure', { name: 'Image on a phone' })).getByRole('img', { name: 'Spring sale' })).toBeInTheDocument();
  });

  it('unframed: a template as labelled fields for tight spaces', () => {
    renderWithMantine(<ValuePreview spec={templateSpec('offer')} value={offer} framed={false} />);
    expect(screen.queryByRole('figure')).toBeNull();
    expect(screen.getByText('Trial days:')).toBeInTheDocument();
  });
});
