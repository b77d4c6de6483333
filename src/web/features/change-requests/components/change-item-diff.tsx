import { Anchor, Badge, Code, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { ChangeItem } from '../../../../shared/contract/change-requests';
import type { TypeSpec } from '../../../../shared/values';
import { ValuePreview } from '../../../components/value-preview/value-preview';
import { diffRules, type RuleChange, type SegmentName } from '../utils/describe-rules';

const ruleChangeColors: Record<RuleChange['kind'], string> = { added: 'teal.9', removed: 'red.9', changed: 'indigo.9', moved: 'gray.7' };
const ruleChangeLabels: Record<RuleChange['kind'], string> = { added: 'Added', removed: 'Removed', changed: 'Changed', moved: 'Moved' };

function ShownValue({ spec, value }: { spec: TypeSpec | undefined; value: unknown }) {
  // Until the parameter's type has loaded (or if it was deleted) the raw JSON still says what changes.
  if (!spec) return <Code block>{JSON.stringify(value, null, 2)}</Code>;
  return <ValuePreview spec={spec} value={value} framed={false} />;
}

const killedText = (killed: boolean) => (killed ? 'On: every app gets false' : 'Off: values and rules apply');

export interface ChangeItemDiffProps {
  item: ChangeItem;
  environmentKey: string;
  spec: TypeSpec | undefined;
  segmentName: SegmentName;
}

/** One parameter's proposed change: what apps get now against what they would get once published. */
export function ChangeItemDiff({ item, environmentKey, spec, segmentName }: ChangeItemDiffProps) {
  const { before, after } = item;
  const valueChanged = JSON.stringify(before.defaultValue) !== JSON.stringify(after.defaultValue);
  const killChanged = before.killed !== after.killed;
  const ruleChanges = diffRules(before.rules, after.rules, segmentName);
  const headingId = `change-${item.parameterId}`;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <div>
            <Title order={3} size="h4" id={headingId}>
              {item.parameterName}
            </Title>
            <Anchor component={Link} to={`/parameters/${encodeURIComponent(item.parameterKey)}?env=${encodeURIComponent(environmentKey)}`} size="sm" ff="monospace">
              {item.parameterKey}
            </Anchor>
          </div>
          <Text size="sm" c="dimmed">{`Based on version ${item.baseVersion}`}</Text>
        </Group>
        {!valueChanged && !killChanged && ruleChanges.length === 0 && <Text size="sm">No difference from the current settings.</Text>}
        {(valueChanged || killChanged) && (
          <Table.ScrollContainer minWidth={480}>
            <Table layout="fixed" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w={140}>
                    Setting
                  </Table.Th>
                  <Table.Th scope="col">Now</Table.Th>
                  <Table.Th scope="col">Proposed</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {valueChanged && (
                  <Table.Tr>
                    <Table.Th scope="row">Default value</Table.Th>
                    <Table.Td>
                      <ShownValue spec={spec} value={before.defaultValue} />
                    </Table.Td>
                    <Table.Td>
                      <ShownValue spec={spec} value={after.defaultValue} />
                    </Table.Td>
                  </Table.Tr>
                )}
                {killChanged && (
                  <Table.Tr>
                    <Table.Th scope="row">Kill switch</Table.Th>
                    <Table.Td>{killedText(before.killed)}</Table.Td>
                    <Table.Td>{killedText(after.killed)}</Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {ruleChanges.length > 0 && (
          <Stack gap={4}>
            <Text fw={600} size="sm">
              Targeting rules
            </Text>
            <List spacing={4} size="sm" listStyleType="none" styles={{ root: { paddingInlineStart: 0 } }}>
              {ruleChanges.map((change) => (
                <List.Item key={`${change.kind}-${change.position}-${change.text}`}>
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <Badge color={ruleChangeColors[change.kind]} variant="light" miw={80}>
                      {ruleChangeLabels[change.kind]}
                    </Badge>
                    <Text size="sm">{`Rule ${change.position}: ${change.text}`}</Text>
                  </Group>
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
