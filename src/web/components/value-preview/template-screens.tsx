import { ActionIcon, Box, Group, Stack, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { AppButton, AppScreen, AppText, AppTitle, APP_TEXT_DIMMED } from './app-parts';
import { DeviceFrame, type Device } from './device-frame';
import { safeUrl } from './media-previews';
import type { TemplateKind } from './template-kind';
import { asArray, asRecord, asText } from './value-shape';

const count = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

export function formatPrice(price: unknown, currency: unknown): string {
  const amount = count(price);
  if (amount === undefined) return '—';
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: asText(currency) || 'USD' }).format(amount);
  } catch {
    return `${amount} ${asText(currency)}`.trim();
  }
}

/** The offer template as its paywall: headline, trial, price and the call to action in the accent colour. */
export function PaywallScreen({ value }: { value: unknown }) {
  const offer = asRecord(value);
  const trialDays = count(offer.trialDays) ?? 0;
  const price = formatPrice(offer.price, offer.currency);
  return (
    <AppScreen>
      <Text aria-hidden fz={18} c={APP_TEXT_DIMMED} ta="right">
        ×
      </Text>
      <Stack gap={8} align="center" ta="center">
        <Box aria-hidden w={56} h={56} style={{ borderRadius: 16, background: asText(offer.accentColor) || '#228BE6' }} />
        <AppTitle>{asText(offer.headline) || 'Headline'}</AppTitle>
        <AppText>{trialDays > 0 ? `${trialDays}-day free trial, then ${price}` : price}</AppText>
      </Stack>
      <Stack gap={6}>
        <AppButton color={asText(offer.accentColor)}>{trialDays > 0 ? 'Start free trial' : `Subscribe for ${price}`}</AppButton>
        <Text fz={12} ta="center" c={APP_TEXT_DIMMED}>
          Restore purchase
        </Text>
      </Stack>
    </AppScreen>
  );
}

/** One screen of the onboarding flow. */
function OnboardingPage({ screen, index, total }: { screen: Record<string, unknown>; index: number; total: number }) {
  const image = safeUrl(screen.imageUrl);
  return (
    <AppScreen>
      {image ? (
        <img src={image} alt="" loading="lazy" referrerPolicy="no-referrer" style={{ width: '100%', maxHeight: 140, objectFit: 'contain' }} />
      ) : (
        <Box aria-hidden h={100} style={{ borderRadius: 12, background: '#E7F5FF' }} />
      )}
      <Stack gap={6}>
        <AppTitle>{asText(screen.title) || 'Title'}</AppTitle>
        <AppText>{asText(screen.body)}</AppText>
      </Stack>
      <Stack gap={8}>
        <Group gap={6} justify="center" aria-hidden>
          {Array.from({ length: total }, (_, dot) => (
            <Box key={dot} w={6} h={6} style={{ borderRadius: 3, background: dot === index ? '#1A1B1E' : '#ADB5BD' }} />
          ))}
        </Group>
        <AppButton>{asText(screen.buttonText) || 'Next'}</AppButton>
      </Stack>
    </AppScreen>
  );
}

/** The onboarding flow, one screen at a time, with dashboard buttons (outside the frame) to page through. */
export function OnboardingScreens({ value, device }: { value: unknown; device: Device }) {
  const screens = asArray(asRecord(value).screens).map(asRecord);
  const [index, setIndex] = useState(0);
  const shown = Math.min(index, Math.max(0, screens.length - 1));
  if (screens.length === 0) return <Text size="sm">No screens yet</Text>;
  return (
    <Stack gap="xs" align="flex-start">
      <DeviceFrame device={device} label={`Onboarding screen ${shown + 1} of ${screens.length}`}>
        <OnboardingPage screen={screens[shown]} index={shown} total={screens.length} />
      </DeviceFrame>
      <Group gap="xs">
        <ActionIcon variant="default" aria-label="Previous onboarding screen" disabled={shown === 0} onClick={() => setIndex(shown - 1)}>
          <IconChevronLeft size={16} aria-hidden />
        </ActionIcon>
        <Text size="sm">
          Screen {shown + 1} of {screens.length}
        </Text>
        <ActionIcon variant="default" aria-label="Next onboarding screen" disabled={shown >= screens.length - 1} onClick={() => setIndex(shown + 1)}>
          <IconChevronRight size={16} aria-hidden />
        </ActionIcon>
      </Group>
    </Stack>
  );
}

function NavigationScreen({ value }: { value: unknown }) {
  const tabs = asArray(asRecord(value).tabs).map(asRecord);
  return (
    <Box style={{ flex: 1, display: 'flex', flexDirection: 'column', justifyContent: 'flex-end' }}>
      <Group grow gap={0} style={{ borderTop: '1px solid #DEE2E6' }} py={8}>
        {tabs.map((tab, index) => (
          <Text key={`${index}:${asText(tab.id)}`} fz={12} ta="center" fw={index === 0 ? 700 : 400} c={index === 0 ? '#1A1B1E' : APP_TEXT_DIMMED}>
            {asText(tab.label) || asText(tab.id)}
          </Text>
        ))}
      </Group>
    </Box>
  );
}

function LayoutScreen({ value }: { value: unknown }) {
  const sections = asArray(asRecord(value).sections).map(asText);
  return (
    <AppScreen justify="flex-start">
      {sections.map((section, index) => (
        <Box key={`${index}:${section}`} p={8} style={{ borderRadius: 8, background: index === 0 ? '#E7F5FF' : '#F1F3F5', minHeight: index === 0 ? 70 : 36 }}>
          <Text fz={12} fw={600} c="#1A1B1E">
            {section}
          </Text>
        </Box>
      ))}
    </AppScreen>
  );
}

function AdSlotScreen({ value }: { value: unknown }) {
  const ad = asRecord(value);
  const image = safeUrl(ad.imageUrl);
  const cap = count(ad.frequencyCapPerDay);
  return (
    <AppScreen justify="flex-start">
      <Box style={{ border: '1px solid #DEE2E6', borderRadius: 8, overflow: 'hidden' }}>
        {image ? (
          <img src={image} alt={asText(ad.alt)} loading="lazy" referrerPolicy="no-referrer" style={{ width: '100%', maxHeight: 120, objectFit: 'cover', display: 'block' }} />
        ) : (
          <Box h={80} p={8} style={{ background: '#F1F3F5' }}>
            <AppText size={12}>{asText(ad.alt) || 'Banner'}</AppText>
          </Box>
        )}
      </Box>
      <AppText size={12}>
        Ad{cap !== undefined ? `, shown at most ${cap} ${cap === 1 ? 'time' : 'times'} a day` : ''}
        {safeUrl(ad.linkUrl) ? `, opens ${asText(ad.linkUrl)}` : ''}
      </AppText>
    </AppScreen>
  );
}

export const templateLabels: Record<TemplateKind, string> = {
  offer: 'Paywall',
  onboarding: 'Onboarding',
  navigation: 'Navigation tabs',
  layout: 'Screen layout',
  adSlot: 'Ad banner',
};

/** A template value as the screen it configures, for one device. */
export function TemplateScreen({ kind, value, device }: { kind: TemplateKind; value: unknown; device: Device }) {
  if (kind === 'onboarding') return <OnboardingScreens value={value} device={device} />;
  const Screen = { offer: PaywallScreen, navigation: NavigationScreen, layout: LayoutScreen, adSlot: AdSlotScreen }[kind];
  return (
    <DeviceFrame device={device} label={templateLabels[kind]}>
      <Screen value={value} />
    </DeviceFrame>
  );
}
