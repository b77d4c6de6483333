import { Badge, Box, Code, ColorSwatch, Group, List, Stack, Table, Text } from '@mantine/core';
import { humanizeKey, isPlainObject, type ElementSpec, type TypeSpec } from '../../../shared/values';
import { normalizeHex } from './color-contrast';
import { DeviceSwitch, type Device } from './device-frame';
import { templateKindOf } from './template-kind';
import { TemplateScreen, templateLabels } from './template-screens';
import { ColorPreview, ImagePreview, TextStylePreview, Unpreviewable, VideoPreview } from './media-previews';
import { asArray, asRecord, asStringList } from './value-shape';

export interface ValuePreviewProps {
  spec: TypeSpec;
  value: unknown;
  /**
   * Screens, colours, text styles and media are drawn in a phone or web frame with a switch
   * (default); `false` draws them bare, for tight spaces such as a list of values.
   */
  framed?: boolean;
}

const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 20 });

function NumberPreview({ value, float }: { value: unknown; float?: boolean }) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return <Unpreviewable what="not a number" />;
  const rounded = Math.fround(value);
  return (
    <Text size="sm">
      {numberFormat.format(value)}
      {float && rounded !== value ? (
        <Text component="span" size="xs" c="dimmed">
          {' '}
          (apps read {rounded})
        </Text>
      ) : null}
    </Text>
  );
}

function JsonPreview({ value }: { value: unknown }) {
  return (
    <Code block style={{ maxHeight: 320, overflow: 'auto' }}>
      {JSON.stringify(value, null, 2) ?? 'undefined'}
    </Code>
  );
}

/** An object as labelled fields ("Trial days: 7"), nested parts as indented JSON. */
function FieldsPreview({ value }: { value: Record<string, unknown> }) {
  const entries = Object.entries(value);
  if (entries.length === 0) return <Text size="sm" c="dimmed">No fields</Text>;
  return (
    <Stack gap={4} component="dl" m={0}>
      {entries.map(([key, item]) => (
        <Group key={key} gap={6} wrap="nowrap" align="flex-start">
          <Text component="dt" size="sm" fw={600} style={{ flexShrink: 0 }}>
            {humanizeKey(key)}:
          </Text>
          <Box component="dd" m={0} style={{ minWidth: 0 }}>
            <ScalarText value={item} />
          </Box>
        </Group>
      ))}
    </Stack>
  );
}

function ScalarText({ value }: { value: unknown }) {
  if (typeof value === 'string') {
    const hex = normalizeHex(value);
    return (
      <Group gap={6} wrap="nowrap">
        {hex && <ColorSwatch color={hex} size={14} aria-hidden />}
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {value}
        </Text>
      </Group>
    );
  }
  if (typeof value === 'number') return <Text size="sm">{numberFormat.format(value)}</Text>;
  if (typeof value === 'boolean') return <Text size="sm">{value ? 'On' : 'Off'}</Text>;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number')) {
    return <Text size="sm">{value.join(', ')}</Text>;
  }
  return <JsonPreview value={value} />;
}

function RecommendationsPreview({ value }: { value: unknown }) {
  const recommendations = asRecord(value);
  const items = asStringList(recommendations.items);
  const strategy = typeof recommendations.strategy === 'string' && recommendations.strategy !== '' ? recommendations.strategy : null;
  return (
    <div>
      {strategy ? (
        <Text size="sm" mb={4}>
          Strategy: <strong>{strategy}</strong>
        </Text>
      ) : null}
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No items
        </Text>
      ) : (
        <List type="ordered" size="sm">
          {items.map((item, index) => (
            <List.Item key={`${index}:${item}`}>{item}</List.Item>
          ))}
        </List>
      )}
    </div>
  );
}

/** Kinds drawn as the app shows them, in a device frame. */
function visualLabel(spec: TypeSpec): string | undefined {
  const kind = templateKindOf(spec);
  if (kind) return templateLabels[kind];
  return { color: 'Colour', image: 'Image', video: 'Video', textStyle: 'Text style' }[spec.type as string];
}

/** A preview of one non-container value; `device` puts visual kinds in that device's frame. */
export function ElementPreview({ spec, value, device }: { spec: ElementSpec; value: unknown; device?: Device }) {
  const kind = templateKindOf(spec);
  if (kind) {
    if (!isPlainObject(value)) return <Unpreviewable what="not a group of fields" />;
    return device ? <TemplateScreen kind={kind} value={value} device={device} /> : <FieldsPreview value={value} />;
  }
  switch (spec.type) {
    case 'string':
      return typeof value === 'string' ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {value === '' ? <Text component="span" c="dimmed" fs="italic">(empty text)</Text> : value}
        </Text>
      ) : (
        <Unpreviewable what="not text" />
      );
    case 'integer':
    case 'number':
      return <NumberPreview value={value} />;
    case 'float':
      return <NumberPreview value={value} float />;
    case 'boolean':
      return typeof value === 'boolean' ? (
        <Badge color={value ? 'teal' : 'gray'} variant="light">
          {value ? 'On' : 'Off'}
        </Badge>
      ) : (
        <Unpreviewable what="not true or false" />
      );
    case 'json':
      return isPlainObject(value) ? <FieldsPreview value={value} /> : <JsonPreview value={value} />;
    case 'color':
      return <ColorPreview value={value} device={device} />;
    case 'image':
      return <ImagePreview value={value} device={device} />;
    case 'video':
      return <VideoPreview value={value} device={device} />;
    case 'textStyle':
      return <TextStylePreview value={value} device={device} />;
    case 'recommendations':
      return <RecommendationsPreview value={value} />;
  }
}

/** A live preview of a parameter value as apps would show it. Never renders HTML from the value. */
export function ValuePreview({ spec, value, framed = true }: ValuePreviewProps) {
  const label = visualLabel(spec);
  if (framed && label && spec.type !== 'array' && spec.type !== 'map') {
    return <DeviceSwitch label={label}>{(device) => <ElementPreview spec={spec} value={value} device={device} />}</DeviceSwitch>;
  }
  if (spec.type === 'array') {
    const items = asArray(value);
    if (!Array.isArray(value)) return <Unpreviewable what="not a list" />;
    if (items.length === 0) return <Text size="sm" c="dimmed">Empty list</Text>;
    return (
      <List type="ordered" size="sm" spacing="xs" aria-label="List items">
        {items.map((item, index) => (
          <List.Item key={index}>
            <ElementPreview spec={spec.items} value={item} />
          </List.Item>
        ))}
      </List>
    );
  }
  if (spec.type === 'map') {
    if (!isPlainObject(value)) return <Unpreviewable what="not a set of key-value pairs" />;
    const entries = Object.entries(value);
    if (entries.length === 0) return <Text size="sm" c="dimmed">No entries</Text>;
    return (
      <Table withTableBorder verticalSpacing="xs" aria-label="Map entries">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Key</Table.Th>
            <Table.Th scope="col">Value</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map(([key, item]) => (
            <Table.Tr key={key}>
              <Table.Th scope="row" style={{ fontFamily: 'var(--mantine-font-family-monospace)', fontWeight: 'normal' }}>
                {key}
              </Table.Th>
              <Table.Td>
                <ElementPreview spec={spec.values} value={item} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    );
  }
  return <ElementPreview spec={spec} value={value} />;
}
