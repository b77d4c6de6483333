import { ActionIcon, Autocomplete, Badge, Group, NativeSelect, Paper, Text, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { FieldError } from '../../../../../shared/contract/common';
import { attributeKinds, operatorsByKind, type AttributeKind, type BuilderOperator, type BuilderRule } from '../../../../../shared/targeting';
import type { ObservedAttribute } from '../../api/list-attributes';
import { messageAt } from './builder-errors';
import { kindLabels, operatorLabels, withKind, withOperator } from './builder-tree';
import { RuleValueInput } from './rule-value-input';

export interface RuleRowProps {
  rule: BuilderRule;
  /** "Rule 2.1": names the row for assistive technology. */
  name: string;
  attributes: readonly ObservedAttribute[];
  onChange: (rule: BuilderRule) => void;
  onRemove: () => void;
  /** Errors under this rule, paths relative to it ('value', 'operator', 'attribute', ''). */
  errors: readonly FieldError[];
}

const kindOptions = attributeKinds.map((kind) => ({ value: kind, label: kindLabels[kind] }));

/** One condition: attribute, kind, operator and a value that fits the operator. */
export function RuleRow({ rule, name, attributes, onChange, onRemove, errors }: RuleRowProps) {
  const observed = attributes.find((attribute) => attribute.name === rule.attribute);
  const operators = operatorsByKind[rule.kind].map((operator) => ({ value: operator, label: operatorLabels[operator] }));
  const setAttribute = (attribute: string) => {
    const seen = attributes.find((candidate) => candidate.name === attribute);
    const next = { ...rule, attribute };
    onChange(seen && seen.kinds.length > 0 && !seen.kinds.includes(rule.kind) ? withKind(next, seen.kinds[0]) : next);
  };
  const whole = messageAt(errors, '');

  return (
    <Paper withBorder p="sm" radius="md" role="group" aria-label={name}>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <Autocomplete
          label="Attribute"
          placeholder="country"
          data={attributes.map((attribute) => attribute.name)}
          value={rule.attribute}
          onChange={setAttribute}
          renderOption={({ option }) => {
            const attribute = attributes.find((candidate) => candidate.name === option.value);
            return (
              <Group gap={6} wrap="nowrap">
                <Text size="sm">{option.value}</Text>
                {attribute?.kinds.map((kind) => (
                  <Badge key={kind} size="xs" variant="light" color="gray">
                    {kindLabels[kind]}
                  </Badge>
                ))}
              </Group>
            );
          }}
          description={observed ? `Seen as ${observed.kinds.map((kind) => kindLabels[kind].toLowerCase()).join(', ') || 'nothing yet'}` : 'Any attribute your app sends'}
          error={messageAt(errors, 'attribute')}
          style={{ flex: '1 1 180px', minWidth: 0 }}
        />
        <NativeSelect
          label="Kind"
          data={kindOptions}
          value={rule.kind}
          onChange={(event) => onChange(withKind(rule, event.currentTarget.value as AttributeKind))}
          error={messageAt(errors, 'kind')}
          style={{ flex: '0 0 120px' }}
        />
        <NativeSelect
          label="Operator"
          data={operators}
          value={rule.operator}
          onChange={(event) => onChange(withOperator(rule, event.currentTarget.value as BuilderOperator))}
          error={messageAt(errors, 'operator')}
          style={{ flex: '0 0 190px' }}
        />
        <RuleValueInput
          rule={rule}
          error={messageAt(errors, 'value')}
          onChange={(value) => {
            const next: BuilderRule = { type: 'rule', attribute: rule.attribute, kind: rule.kind, operator: rule.operator };
            if (value !== undefined) next.value = value;
            onChange(next);
          }}
        />
        <Tooltip label={`Remove ${name.toLowerCase()}`}>
          <ActionIcon variant="subtle" color="red" size="lg" mt={24} onClick={onRemove} aria-label={`Remove ${name.toLowerCase()}`}>
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </Group>
      {whole && (
        <Text c="var(--mantine-color-error)" size="sm" mt="xs" role="alert">
          {whole}
        </Text>
      )}
    </Paper>
  );
}
