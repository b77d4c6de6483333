import { Badge, Code, List, Table, Text } from '@mantine/core';
import { isPlainObject, type ElementSpec, type TypeSpec } from '../../../../shared/values';
import { ColorPreview, ImagePreview, TextStylePreview, Unpreviewable, VideoPreview } from './media-previews';
import { asArray, asRecord, asStringList } from './object-value';

export interface ValuePreviewProps {
  spec: TypeSpec;
  value: unknown;
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

/** A preview of one non-container value. */
export function ElementPreview({ spec, value }: { spec: ElementSpec; value: unknown }) {
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
      return <JsonPreview value={value} />;
    case 'color':
      return <ColorPreview value={value} />;
    case 'image':
      return <ImagePreview value={value} />;
    case 'video':
      return <VideoPreview value={value} />;
    case 'textStyle':
      return <TextStylePreview value={value} />;
    case 'recommendations':
      return <RecommendationsPreview value={value} />;
  }
}

/** A live preview of a parameter value as apps would show it. Never renders HTML from the value. */
export function ValuePreview({ spec, value }: ValuePreviewProps) {
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
