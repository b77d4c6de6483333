import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPhotoDown } from '@tabler/icons-react';
import { useId, useRef, useState, type ReactNode } from 'react';
import { exportChartPng, type ChartCaption } from '../../lib/export-png';

export interface ChartCardProps {
  title: string;
  description?: ReactNode;
  /** File name of the PNG, without extension. */
  filename: string;
  /** Caption lines and legend of the exported image (the title is added). */
  exported?: Omit<ChartCaption, 'title'>;
  children: ReactNode;
}

/** A titled chart with "Save PNG" (the chart's SVG drawn to a canvas). */
export function ChartCard({ title, description, filename, exported, children }: ChartCardProps) {
  const chartRef = useRef<HTMLDivElement>(null);
  const [saving, setSaving] = useState(false);
  const titleId = useId();
  async function save() {
    if (!chartRef.current) return;
    setSaving(true);
    try {
      await exportChartPng(chartRef.current, `${filename}.png`, exported && { title, ...exported });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Could not save the chart', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setSaving(false);
    }
  }
  return (
    <Paper withBorder p="md" radius="md" component="figure" m={0} aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div style={{ minWidth: 0 }}>
            <Title order={3} size="h5" id={titleId}>
              {title}
            </Title>
            {description && (
              <Text size="sm" c="dimmed">
                {description}
              </Text>
            )}
          </div>
          {/* Never shrinks: squeezed by a long title, the label was cut ("PNC"). */}
          <Button size="xs" variant="subtle" style={{ flexShrink: 0 }} leftSection={<IconPhotoDown size={14} aria-hidden />} onClick={() => void save()} loading={saving} aria-label={`Save “${title}” as PNG`}>
            PNG
          </Button>
        </Group>
        <div ref={chartRef} data-chart={filename}>
          {children}
        </div>
      </Stack>
    </Paper>
  );
}
