import { Box, SegmentedControl, Stack } from '@mantine/core';
import { useState, type ReactNode } from 'react';

export type Device = 'phone' | 'web';

// Previews show a value inside the app it configures, not on the dashboard: a light app surface
// whatever the dashboard theme, in a phone or a browser window.
const APP_SURFACE = { backgroundColor: '#FFFFFF', color: '#1A1B1E', colorScheme: 'light' } as const;

function PhoneFrame({ children }: { children: ReactNode }) {
  return (
    <Box
      w={240}
      maw="100%"
      p={8}
      style={{ borderRadius: 32, background: '#1A1B1E', boxShadow: '0 2px 8px rgba(0,0,0,0.2)' }}
      data-device="phone"
    >
      <Box style={{ ...APP_SURFACE, borderRadius: 24, minHeight: 400, overflow: 'hidden', display: 'flex', flexDirection: 'column' }}>
        <Box aria-hidden mx="auto" mt={6} w={70} h={16} style={{ borderRadius: 8, background: '#1A1B1E' }} />
        <Box style={{ flex: 1, display: 'flex', flexDirection: 'column' }}>{children}</Box>
      </Box>
    </Box>
  );
}

function WebFrame({ children }: { children: ReactNode }) {
  return (
    <Box w={460} maw="100%" style={{ border: '1px solid #CED4DA', borderRadius: 8, overflow: 'hidden' }} data-device="web">
      <Box aria-hidden px={8} py={6} style={{ background: '#E9ECEF', display: 'flex', gap: 6, alignItems: 'center' }}>
        {['#FA5252', '#FAB005', '#40C057'].map((dot) => (
          <Box key={dot} w={10} h={10} style={{ borderRadius: 5, background: dot }} />
        ))}
        <Box ml={8} h={14} style={{ flex: 1, borderRadius: 7, background: '#FFFFFF' }} />
      </Box>
      <Box style={{ ...APP_SURFACE, minHeight: 260, display: 'flex', flexDirection: 'column' }}>{children}</Box>
    </Box>
  );
}

export interface DeviceFrameProps {
  device: Device;
  /** What the frame shows, e.g. "Paywall": the figure is named "Paywall on a phone". */
  label: string;
  children: ReactNode;
}

/** A value drawn inside a phone or a browser window, named for screen readers. */
export function DeviceFrame({ device, label, children }: DeviceFrameProps) {
  const Frame = device === 'phone' ? PhoneFrame : WebFrame;
  return (
    <Box component="figure" m={0} aria-label={`${label} ${device === 'phone' ? 'on a phone' : 'on the web'}`}>
      <Frame>{children}</Frame>
    </Box>
  );
}

export interface DeviceSwitchProps {
  /** What is shown, e.g. "Paywall": names the switch. */
  label: string;
  /** Draws the value for a device, in its frame: a screen may lay out differently on the web. */
  children: (device: Device) => ReactNode;
  initialDevice?: Device;
}

/** A Phone / Web switch above a framed preview. */
export function DeviceSwitch({ label, children, initialDevice = 'phone' }: DeviceSwitchProps) {
  const [device, setDevice] = useState<Device>(initialDevice);
  return (
    <Stack gap="xs" align="flex-start">
      <SegmentedControl
        size="xs"
        value={device}
        onChange={(next) => setDevice(next as Device)}
        data={[
          { value: 'phone', label: 'Phone' },
          { value: 'web', label: 'Web' },
        ]}
        aria-label={`Show the ${label.toLowerCase()} on`}
      />
      {children(device)}
    </Stack>
  );
}
