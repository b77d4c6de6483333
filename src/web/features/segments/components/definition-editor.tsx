import { SegmentedControl, Stack, Text } from '@mantine/core';
import type { FieldError } from '../../../../shared/contract/common';
import { compileBuilder } from '../../../../shared/targeting';
import type { ObservedAttribute } from '../api/list-attributes';
import { errorsUnder, messageAt } from './builder/builder-errors';
import { RuleGroup } from './builder/rule-group';
import { CombinationEditor } from './combination-editor';
import { CompiledCondition } from './compiled-condition';
import { ConditionJsonEditor } from './condition-json-editor';
import { definitionKindLabels, type DefinitionDraft, type DefinitionKind } from './definition-draft';
import { IdListEditor } from './id-list-editor';
import { describeBuilder } from './segment-summary';

export interface DefinitionEditorProps {
  draft: DefinitionDraft;
  onChange: (draft: DefinitionDraft) => void;
  attributes: readonly ObservedAttribute[];
  /** Segments a combination may use (not this one). */
  segments: readonly { id: string; name: string }[];
  /** Errors with server paths ("definition.builder.children.0.value"). */
  errors: readonly FieldError[];
}

const kinds: DefinitionKind[] = ['rules', 'ids', 'combination', 'condition'];

/** Who is in the segment: visual rules, an id list, a combination of segments, or a hand-written condition. */
export function DefinitionEditor({ draft, onChange, attributes, segments, errors }: DefinitionEditorProps) {
  const own = errorsUnder(errors, 'definition');
  return (
    <Stack gap="md">
      <SegmentedControl
        aria-label="How the segment is defined"
        value={draft.kind}
        onChange={(kind) => onChange({ ...draft, kind: kind as DefinitionKind })}
        data={kinds.map((kind) => ({ value: kind, label: definitionKindLabels[kind] }))}
        style={{ alignSelf: 'flex-start' }}
      />
      {draft.kind === 'rules' && (
        <>
          <RuleGroup
            group={draft.builder}
            number=""
            attributes={attributes}
            errors={errorsUnder(own, 'builder')}
            onChange={(builder) => onChange({ ...draft, builder })}
          />
          <Text size="sm" data-testid="builder-summary">
            <Text span fw={500}>
              In words:{' '}
            </Text>
            {describeBuilder(draft.builder)}
          </Text>
          <CompiledCondition condition={compileBuilder(draft.builder)} />
        </>
      )}
      {draft.kind === 'condition' && (
        <ConditionJsonEditor
          text={draft.conditionText}
          onChange={(conditionText) => onChange({ ...draft, conditionText })}
          error={own.filter((error) => error.path === 'condition' || error.path.startsWith('condition.')).map((error) => error.message).join(' ') || undefined}
        />
      )}
      {draft.kind === 'ids' && (
        <IdListEditor
          attribute={draft.idAttribute}
          onAttributeChange={(idAttribute) => onChange({ ...draft, idAttribute })}
          ids={draft.ids}
          storedCount={draft.storedIdCount}
          onChange={(ids) => onChange({ ...draft, ids })}
          error={messageAt(own, 'ids') ?? messageAt(own, 'attribute')}
        />
      )}
      {draft.kind === 'combination' && (
        <CombinationEditor
          segments={segments}
          combinator={draft.combinator}
          include={draft.include}
          exclude={draft.exclude}
          onChange={(next) => onChange({ ...draft, ...next })}
          includeError={messageAt(own, 'include')}
          excludeError={messageAt(own, 'exclude')}
        />
      )}
    </Stack>
  );
}
