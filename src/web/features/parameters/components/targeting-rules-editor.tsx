import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ActionIcon, Button, Group, NativeSelect, NumberInput, Paper, SegmentedControl, Slider, Stack, Switch, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconGripVertical, IconPlus, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import type { TargetingRuleInput } from '../../../../shared/contract/parameters';
import { defaultValueFor, parseJsonText, type TypeSpec } from '../../../../shared/values';
import { errorAt, messagesUnder, type FieldMessage } from '../editors/field-messages';
import { ValueEditor } from '../editors/value-editor';

export interface TargetingRulesEditorProps {
  spec: TypeSpec;
  rules: TargetingRuleInput[];
  onChange: (rules: TargetingRuleInput[]) => void;
  /** Problems with paths relative to the rules ('0.value', '1.audience.segmentId'). */
  errors?: readonly FieldMessage[];
  /** Segments a rule may target (the page loads them). */
  segments: readonly { id: string; name: string }[];
  disabled?: boolean;
  /** True while some rule holds text that is not a value yet (JSON that does not parse); block saving meanwhile. */
  onInvalid?: (invalid: boolean) => void;
}

const newId = () => `r${Math.random().toString(36).slice(2, 10)}`;

/**
 * Stable keys for drag and drop and for each card's local state: a rule's id, else the key the same
 * rule object (moved or kept) or the rule at the same place (edited) had on the previous render.
 */
function useRuleKeys(rules: TargetingRuleInput[]): string[] {
  const [state, setState] = useState(() => ({ rules, keys: rules.map((rule) => rule.id ?? newId()) }));
  if (state.rules === rules) return state.keys;
  const sameLength = state.rules.length === rules.length;
  const keys = rules.map((rule, index) => {
    if (rule.id) return rule.id;
    const previous = state.rules.indexOf(rule);
    if (previous >= 0) return state.keys[previous];
    return sameLength ? state.keys[index] : newId();
  });
  setState({ rules, keys });
  return keys;
}

/**
 * The ordered targeting rules of a parameter: the first rule whose audience matches (and whose
 * rollout includes the user) wins. Reorder by dragging the handle or with Move up/down.
 */
export function TargetingRulesEditor({ spec, rules, onChange, errors = [], segments, disabled, onInvalid }: TargetingRulesEditorProps) {
  const keys = useRuleKeys(rules);
  const sensors = useSensors(useSensor(PointerSensor), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const [invalid, setInvalid] = useState<Record<string, boolean>>({});
  const anyInvalid = keys.some((key) => invalid[key]);
  useEffect(() => onInvalid?.(anyInvalid), [anyInvalid, onInvalid]);
  const reportInvalid = useCallback(
    (key: string, value: boolean) => setInvalid((current) => (current[key] === value ? current : { ...current, [key]: value })),
    [],
  );

  const move = (from: number, to: number) => {
    if (to < 0 || to >= rules.length || from === to) return;
    onChange(arrayMove(rules, from, to));
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    move(keys.indexOf(String(active.id)), keys.indexOf(String(over.id)));
  };
  const add = () =>
    onChange([...rules, { id: newId(), description: '', audience: { kind: 'everyone' }, value: defaultValueFor(spec), rollout: 100, enabled: true }]);

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Rules are checked from top to bottom; the first that matches the user decides the value. Users no rule matches get the default value.
      </Text>
      {rules.length === 0 && (
        <Text size="sm" fs="italic">
          No targeting rules: everyone gets the default value (except users a running experiment puts in a variant that overrides it).
        </Text>
      )}
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={keys} strategy={verticalListSortingStrategy}>
          <Stack gap="sm" component="ol" aria-label="Targeting rules" style={{ margin: 0, padding: 0 }}>
            {rules.map((rule, index) => (
              <TargetingRuleCard
                key={keys[index]}
                sortId={keys[index]}
                index={index}
                count={rules.length}
                rule={rule}
                spec={spec}
                segments={segments}
                errors={messagesUnder(errors, index)}
                disabled={disabled}
                onChange={(next) => onChange(rules.map((current, i) => (i === index ? next : current)))}
                onMove={(to) => move(index, to)}
                onRemove={() => onChange(rules.filter((_, i) => i !== index))}
                onInvalid={reportInvalid}
              />
            ))}
          </Stack>
        </SortableContext>
      </DndContext>
      <Group>
        <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={add} disabled={disabled}>
          Add rule
        </Button>
      </Group>
    </Stack>
  );
}

type Audience = TargetingRuleInput['audience'];

interface TargetingRuleCardProps {
  sortId: string;
  index: number;
  count: number;
  rule: TargetingRuleInput;
  spec: TypeSpec;
  segments: readonly { id: string; name: string }[];
  /** Messages under this rule ('value', 'rollout', 'audience.segmentId'). */
  errors: readonly FieldMessage[];
  disabled?: boolean;
  onChange: (rule: TargetingRuleInput) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
  /** Reports whether this rule (by sortId) holds text that is not a value yet. */
  onInvalid: (sortId: string, invalid: boolean) => void;
}

const audienceOptions = [
  { value: 'everyone', label: 'Everyone' },
  { value: 'segment', label: 'Segment' },
  { value: 'condition', label: 'Custom condition' },
];

/** One targeting rule: who, what value, how many of them, on or off. */
function TargetingRuleCard(props: TargetingRuleCardProps) {
  const { sortId, index, count, rule, spec, segments, errors, disabled, onChange, onMove, onRemove, onInvalid } = props;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: sortId, disabled });
  const [conditionText, setConditionText] = useState(() => (rule.audience.kind === 'condition' ? JSON.stringify(rule.audience.condition, null, 2) : '{\n  \n}'));
  const parsed = parseJsonText(conditionText);
  const conditionError =
    rule.audience.kind !== 'condition'
      ? undefined
      : !parsed.ok
        ? `Line ${parsed.line}, column ${parsed.column}: ${parsed.message}`
        : typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)
          ? 'A condition is a JSON object'
          : errorAt(errors, 'audience.condition') ?? errorAt(errors, 'audience');
  const [valueInvalid, setValueInvalid] = useState(false);
  const conditionInvalid = rule.audience.kind === 'condition' && (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value));
  const invalid = valueInvalid || conditionInvalid;
  useEffect(() => onInvalid(sortId, invalid), [sortId, invalid, onInvalid]);
  // The box may be empty while typing; the rule keeps its last number.
  const [rolloutDraft, setRolloutDraft] = useState<number | string>(rule.rollout);
  const [seenRollout, setSeenRollout] = useState(rule.rollout);
  if (seenRollout !== rule.rollout) {
    setSeenRollout(rule.rollout);
    setRolloutDraft(rule.rollout);
  }
  const name = `Rule ${index + 1}`;
  const set = (patch: Partial<TargetingRuleInput>) => onChange({ ...rule, ...patch });

  const setAudienceKind = (kind: string) => {
    let audience: Audience = { kind: 'everyone' };
    if (kind === 'segment') audience = { kind: 'segment', segmentId: '' };
    if (kind === 'condition') {
      const value = parsed.ok && typeof parsed.value === 'object' && parsed.value !== null && !Array.isArray(parsed.value) ? parsed.value : {};
      audience = { kind: 'condition', condition: value as Record<string, never> };
    }
    set({ audience });
  };
  const changeCondition = (text: string) => {
    setConditionText(text);
    const next = parseJsonText(text);
    if (next.ok && typeof next.value === 'object' && next.value !== null && !Array.isArray(next.value)) set({ audience: { kind: 'condition', condition: next.value as Record<string, never> } });
  };

  return (
    <Paper
      ref={setNodeRef}
      withBorder
      p="md"
      radius="md"
      component="li"
      aria-label={name}
      style={{ transform: CSS.Transform.toString(transform), transition, opacity: isDragging ? 0.6 : 1, listStyle: 'none', position: 'relative', zIndex: isDragging ? 1 : undefined }}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <ActionIcon variant="subtle" color="gray" ref={setActivatorNodeRef} {...attributes} {...listeners} aria-label={`Drag ${name.toLowerCase()} to reorder`} disabled={disabled} style={{ cursor: 'grab' }}>
              <IconGripVertical size={18} aria-hidden />
            </ActionIcon>
            <Text fw={600}>{name}</Text>
            {!rule.enabled && (
              <Text size="sm" c="dimmed">
                (off)
              </Text>
            )}
          </Group>
          <Group gap={4} wrap="nowrap">
            <Tooltip label="Move up">
              <ActionIcon variant="subtle" onClick={() => onMove(index - 1)} disabled={disabled || index === 0} aria-label={`Move ${name.toLowerCase()} up`}>
                <IconArrowUp size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Move down">
              <ActionIcon variant="subtle" onClick={() => onMove(index + 1)} disabled={disabled || index === count - 1} aria-label={`Move ${name.toLowerCase()} down`}>
                <IconArrowDown size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Remove rule">
              <ActionIcon variant="subtle" color="red" onClick={onRemove} disabled={disabled} aria-label={`Remove ${name.toLowerCase()}`}>
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
        <TextInput label="Description" placeholder="e.g. German beta testers" value={rule.description} onChange={(event) => set({ description: event.currentTarget.value })} error={errorAt(errors, 'description')} disabled={disabled} />
        <Stack gap={4}>
          <Text size="sm" fw={500} id={`${sortId}-audience`}>
            Audience
          </Text>
          <SegmentedControl aria-labelledby={`${sortId}-audience`} value={rule.audience.kind} onChange={setAudienceKind} data={audienceOptions} disabled={disabled} style={{ alignSelf: 'flex-start' }} />
        </Stack>
        {rule.audience.kind === 'segment' && (
          <NativeSelect
            label="Segment"
            data={[{ value: '', label: 'Choose a segment…', disabled: true }, ...segments.map((segment) => ({ value: segment.id, label: segment.name }))]}
            value={rule.audience.segmentId}
            onChange={(event) => set({ audience: { kind: 'segment', segmentId: event.currentTarget.value } })}
            error={errorAt(errors, 'audience.segmentId') ?? errorAt(errors, 'audience')}
            disabled={disabled}
          />
        )}
        {rule.audience.kind === 'condition' && (
          <Textarea
            label="Condition (JSON)"
            description='e.g. {"country": "DE", "age": {"$gte": 18}}'
            value={conditionText}
            onChange={(event) => changeCondition(event.currentTarget.value)}
            error={conditionError}
            autosize
            minRows={3}
            maxRows={14}
            spellCheck={false}
            disabled={disabled}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
        )}
        <ValueEditor spec={spec} value={rule.value} onChange={(value) => set({ value })} errors={messagesUnder(errors, 'value')} label="Value for this audience" disabled={disabled} onInvalid={setValueInvalid} />
        <Group align="flex-end" gap="md" wrap="wrap">
          <NumberInput
            label="Rollout (%)"
            description="Sticky per user: the same user keeps the same answer"
            value={rolloutDraft}
            onChange={(value) => {
              setRolloutDraft(value);
              if (typeof value !== 'number') return;
              const rollout = Math.min(100, Math.max(0, value));
              setSeenRollout(rollout);
              set({ rollout });
            }}
            onBlur={() => setRolloutDraft(rule.rollout)}
            min={0}
            max={100}
            clampBehavior="strict"
            suffix="%"
            error={errorAt(errors, 'rollout')}
            disabled={disabled}
            style={{ flex: '0 0 220px' }}
          />
          <Slider
            value={rule.rollout}
            onChange={(rollout) => set({ rollout })}
            min={0}
            max={100}
            step={5}
            label={(value) => `${value}%`}
            thumbLabel={`${name} rollout`}
            disabled={disabled}
            style={{ flex: '1 1 200px', marginBottom: 12 }}
          />
          <Switch label="Enabled" checked={rule.enabled} onChange={(event) => set({ enabled: event.currentTarget.checked })} disabled={disabled} style={{ marginBottom: 8 }} />
        </Group>
      </Stack>
    </Paper>
  );
}
