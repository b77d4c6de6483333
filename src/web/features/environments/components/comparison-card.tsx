import { Alert, Anchor, Badge, Button, Checkbox, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Comparison, Environment, EnvironmentField } from '../../../../shared/contract/environments';
import type { TypeSpec } from '../../../../shared/values';
import { ValuePreview } from '../../../components/value-preview/value-preview';
import { errorMessage, isApiError } from '../../../lib/api-error';
import { useCopyParameter } from '../api/compare-environments';
import { useCopyIntoChangeRequest } from '../api/copy-into-change-request';

type Settings = Comparison['from'];

const fieldLabels: Record<EnvironmentField, string> = { defaultValue: 'Default value', killed: 'Kill switch', rules: 'Targeting rules' };
const fields: EnvironmentField[] = ['defaultValue', 'killed', 'rules'];

function FieldValue({ field, settings, spec }: { field: EnvironmentField; settings: Settings; spec: TypeSpec }) {
  if (field === 'defaultValue') return <ValuePreview spec={spec} value={settings.defaultValue} framed={false} />;
  if (field === 'killed') return <Text size="sm">{settings.killed ? 'On: every app gets false' : 'Off: values and rules apply'}</Text>;
  const count = settings.rules.length;
  return <Text size="sm">{count === 0 ? 'No rules' : `${count} ${count === 1 ? 'rule' : 'rules'}`}</Text>;
}

export interface ComparisonCardProps {
  comparison: Comparison;
  from: Environment;
  to: Environment;
  canCopy: boolean;
  onCopied: (message: string) => void;
}

/** One parameter side by side in two environments; the person ticks what to copy into the target. */
export function ComparisonCard({ comparison, from, to, canCopy, onCopied }: ComparisonCardProps) {
  const { parameter, differences } = comparison;
  const spec = parameter.spec as TypeSpec;
  const [chosen, setChosen] = useState<EnvironmentField[]>(differences);
  const direct = useCopyParameter();
  const proposal = useCopyIntoChangeRequest();
  // A target that requires approval gets a change request with the copied fields, reviewed before apps get them.
  const copy = to.requiresApproval ? proposal : direct;
  const navigate = useNavigate();
  const headingId = `compare-${parameter.id}`;

  const toggle = (field: EnvironmentField, checked: boolean) => setChosen((current) => (checked ? [...current, field] : current.filter((f) => f !== field)));
  const submit = () =>
    to.requiresApproval
      ? proposal.mutate(
          { comparison, from, to, fields: chosen },
          { onSuccess: (created) => void navigate(`/changes/${encodeURIComponent(created.id)}?env=${encodeURIComponent(to.key)}`) },
        )
      : direct.mutate(
      { parameterId: parameter.id, from: from.id, to: to.id, fields: chosen, expectedVersion: comparison.to.version },
      { onSuccess: (saved) => onCopied(`Copied ${chosen.map((f) => fieldLabels[f].toLowerCase()).join(', ')} of ${parameter.key} into ${to.name} (version ${saved.version}).`) },
    );
  const conflict = !to.requiresApproval && isApiError(copy.error) && copy.error.status === 409;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <div>
            <Title order={2} size="h4" id={headingId}>
              {parameter.name}
            </Title>
            <Anchor component={Link} to={`/parameters/${encodeURIComponent(parameter.key)}?env=${encodeURIComponent(to.key)}`} size="sm" ff="monospace">
              {parameter.key}
            </Anchor>
          </div>
          {/* autoContrast: dark text on yellow, light on dark grey (white on orange or mid grey is below 4.5:1). */}
          {differences.length === 0 ? <Badge color="gray.7">Same</Badge> : <Badge color="yellow" autoContrast>{`${differences.length} ${differences.length === 1 ? 'difference' : 'differences'}`}</Badge>}
        </Group>
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={180}>
                  Setting
                </Table.Th>
                <Table.Th scope="col">{`${from.name} (v${comparison.from.version})`}</Table.Th>
                <Table.Th scope="col">{`${to.name} (v${comparison.to.version})`}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.map((field) => (
                <Table.Tr key={field} bg={differences.includes(field) ? 'var(--mantine-color-orange-light)' : undefined}>
                  <Table.Th scope="row">
                    {canCopy ? (
                      <Checkbox
                        label={fieldLabels[field]}
                        aria-label={`Copy ${fieldLabels[field].toLowerCase()} of ${parameter.key}`}
                        checked={chosen.includes(field)}
                        onChange={(event) => toggle(field, event.currentTarget.checked)}
                      />
                    ) : (
                      fieldLabels[field]
                    )}
                  </Table.Th>
                  <Table.Td>
                    <FieldValue field={field} settings={comparison.from} spec={spec} />
                  </Table.Td>
                  <Table.Td>
                    <FieldValue field={field} settings={comparison.to} spec={spec} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {copy.isError && (
          <Alert color="red" variant="light" role="alert" title={conflict ? `${to.name} changed since this comparison loaded` : 'Not copied'}>
            {conflict ? `Someone saved ${parameter.key} in ${to.name} meanwhile, so nothing was copied. Reload the comparison to see their change, then copy again.` : errorMessage(copy.error)}
          </Alert>
        )}
        {canCopy && (
          <Group>
            <Button leftSection={<IconCopy size={16} aria-hidden />} disabled={chosen.length === 0} loading={copy.isPending} onClick={submit} aria-label={to.requiresApproval ? `Copy into a change request for ${to.name}: ${parameter.key}` : `Copy to ${to.name}: ${parameter.key}`}>
              {to.requiresApproval ? 'Copy into a change request' : `Copy to ${to.name}`}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
