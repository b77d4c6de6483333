import { Badge, ColorSwatch, Group, NativeSelect } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { CurrentEnvironment } from '../../lib/use-current-environment';

/**
 * The header's environment choice, always visible. A native select: accessible everywhere and
 * light enough for the first load. Production says out loud that changes reach live apps.
 */
export function EnvironmentSwitcher({ current }: { current: CurrentEnvironment }) {
  const { key, environment, environments, isProduction, setEnvironment } = current;
  const options = environments.length > 0 ? environments.map((item) => ({ value: item.key, label: item.name })) : [{ value: key, label: key }];
  const name = environment?.name ?? key;
  return (
    <Group gap="xs" wrap="nowrap">
      {/* On phones the header is tight: the band under it carries the colour. */}
      <ColorSwatch color={environment?.color ?? 'var(--mantine-color-gray-5)'} size={14} withShadow={false} aria-hidden visibleFrom="sm" />
      <NativeSelect
        aria-label="Environment"
        size="xs"
        value={key}
        onChange={(event) => setEnvironment(event.currentTarget.value)}
        data={options}
        disabled={environments.length === 0}
      />
      {isProduction ? (
        <Badge color={environment?.color ?? 'red.9'} autoContrast variant="filled" leftSection={<IconAlertTriangle size={12} aria-hidden />} visibleFrom="sm">
          Production: changes reach live apps
        </Badge>
      ) : (
        <Badge color={environment?.color ?? 'gray'} autoContrast variant="filled" visibleFrom="sm">
          {`${name}: changes reach ${name} apps only`}
        </Badge>
      )}
    </Group>
  );
}
