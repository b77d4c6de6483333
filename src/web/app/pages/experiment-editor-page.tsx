import { Anchor, Breadcrumbs, SegmentedControl, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { segmentDefinitionSchema } from '../../../shared/contract/segments';
import { compileBuilder, usesRelativeDates, type BuilderGroup } from '../../../shared/targeting';
import { parseJsonText } from '../../../shared/values';
import { PageHeader } from '../../components/page-header';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { useSession } from '../../features/auth/api/session-context';
import { experimentQueryOptions, storeSavedExperiment } from '../../features/experiments/api/get-experiment';
import { LifecycleActions } from '../../features/experiments/components/detail/lifecycle-actions';
import type { ConditionEditorSlotProps, EditorSlots } from '../../features/experiments/components/editor/editor-context';
import { ExperimentEditor } from '../../features/experiments/components/editor/experiment-editor';
import { isStepId, type EditorStepId } from '../../features/experiments/components/editor/steps';
import { audienceDefinition } from '../../features/experiments/utils/audience';
import { ValueEditor } from '../../features/parameters/editors/value-editor';
import { attributesQueryOptions } from '../../features/segments/api/list-attributes';
import { segmentsQueryOptions } from '../../features/segments/api/list-segments';
import { errorsUnder } from '../../features/segments/components/builder/builder-errors';
import { emptyGroup } from '../../features/segments/components/builder/builder-tree';
import { RuleGroup } from '../../features/segments/components/builder/rule-group';
import { CompiledCondition } from '../../features/segments/components/compiled-condition';
import { ConditionJsonEditor } from '../../features/segments/components/condition-json-editor';
import { ReachFigure } from '../../features/segments/components/reach-figure';
import { useCurrentEnvironment } from '../../lib/use-current-environment';

/**
 * An experiment's inline audience with the segments' visual rule builder (or JSON). The experiment
 * stores only the compiled condition, so a saved one opens as JSON: rules cannot be recovered from it.
 */
function InlineConditionEditor({ condition, onChange, error, disabled, onInvalid }: ConditionEditorSlotProps) {
  const attributes = useQuery(attributesQueryOptions());
  const [mode, setMode] = useState<'rules' | 'json'>(() => (Object.keys(condition).length === 0 ? 'rules' : 'json'));
  const [builder, setBuilder] = useState<BuilderGroup>(emptyGroup);
  const [text, setText] = useState(() => JSON.stringify(condition, null, 2));
  const builderCheck = useMemo(() => segmentDefinitionSchema.safeParse({ kind: 'rules', builder }), [builder]);
  const builderErrors = builderCheck.success ? [] : builderCheck.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  const parsed = parseJsonText(text);
  const jsonOk = parsed.ok && typeof parsed.value === 'object' && parsed.value !== null && !Array.isArray(parsed.value);
  useEffect(() => onInvalid?.(mode === 'rules' ? !builderCheck.success : !jsonOk), [mode, builderCheck.success, jsonOk, onInvalid]);
  useEffect(() => () => onInvalid?.(false), [onInvalid]);

  // Only complete rules reach the experiment (and the reach estimate); saving waits for them meanwhile.
  const changeBuilder = (next: BuilderGroup) => {
    setBuilder(next);
    if (segmentDefinitionSchema.safeParse({ kind: 'rules', builder: next }).success) onChange(compileBuilder(next));
  };
  const changeText = (next: string) => {
    setText(next);
    const result = parseJsonText(next);
    if (result.ok && typeof result.value === 'object' && result.value !== null && !Array.isArray(result.value)) onChange(result.value as Record<string, unknown>);
  };
  const switchMode = (next: string) => {
    if (next === 'json') setText(JSON.stringify(condition, null, 2));
    else changeBuilder(emptyGroup());
    setMode(next === 'json' ? 'json' : 'rules');
  };

  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label="How the condition is written"
        value={mode}
        onChange={switchMode}
        data={[
          { value: 'rules', label: 'Visual rules' },
          { value: 'json', label: 'Advanced JSON' },
        ]}
        disabled={disabled}
        style={{ alignSelf: 'flex-start' }}
      />
      {mode === 'rules' ? (
        <>
          {Object.keys(condition).length > 0 && builder.children.length === 0 && (
            <Text size="sm" c="dimmed">
              Visual rules start empty: a condition written as JSON cannot be turned back into rules.
            </Text>
          )}
          <RuleGroup group={builder} number="" attributes={attributes.data ?? []} errors={errorsUnder(builderErrors, 'builder')} onChange={changeBuilder} />
          {usesRelativeDates(builder) && (
            <Text size="sm" c="dimmed">
              “Within the last N days” is fixed to the date you save it on here; use a saved segment to keep it moving with time.
            </Text>
          )}
          <CompiledCondition condition={compileBuilder(builder)} />
          {error && (
            <Text size="sm" c="var(--mantine-color-error)" role="alert">
              {error}
            </Text>
          )}
        </>
      ) : (
        <ConditionJsonEditor text={text} onChange={changeText} error={error} />
      )}
    </Stack>
  );
}

const slots: EditorSlots = {
  renderValueEditor: (props) => <ValueEditor {...props} />,
  renderConditionEditor: (props) => <InlineConditionEditor {...props} />,
  renderReach: (audience, environment) => <ReachFigure definition={audienceDefinition(audience)} environment={environment} idleMessage="Choose a segment to see its reach" />,
};

/** /experiments/new and /experiments/:id/edit: the stepped editor; the step is in the URL (?step=variants). */
export function ExperimentEditorPage() {
  const { id } = useParams();
  const isNew = !id;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const step: EditorStepId = isStepId(params.get('step')) ? (params.get('step') as EditorStepId) : 'basics';
  const { user } = useSession();
  const canEdit = user.role !== 'viewer';
  const experiment = useQuery({ ...experimentQueryOptions(id ?? ''), enabled: !isNew });
  const segments = useQuery(segmentsQueryOptions());
  const current = useCurrentEnvironment();

  const crumbs = (
    <Breadcrumbs mb="xs">
      <Anchor component={Link} to="/experiments" size="sm">
        Experiments
      </Anchor>
      {experiment.data && (
        <Anchor component={Link} to={`/experiments/${experiment.data.id}`} size="sm">
          {experiment.data.name}
        </Anchor>
      )}
      <Text size="sm">{isNew ? 'New' : 'Edit'}</Text>
    </Breadcrumbs>
  );

  if (!isNew && experiment.isPending) return <PageLoader label="Loading experiment…" />;
  if (!isNew && experiment.isError) {
    return (
      <>
        {crumbs}
        <PageHeader title="Edit experiment" />
        <QueryError title="Could not load this experiment" error={experiment.error} onRetry={() => void experiment.refetch()} retrying={experiment.isFetching} />
      </>
    );
  }
  const saved = experiment.data;
  return (
    <>
      {crumbs}
      <PageHeader
        title={saved ? `Edit ${saved.name}` : 'New experiment'}
        description={
          saved && saved.status !== 'draft' && saved.status !== 'scheduled'
            ? `This experiment is ${saved.status}${saved.status === 'running' ? ': apps get its variants now, so changes reach them when you save' : ''}.`
            : 'Move between the steps freely; nothing reaches apps until you start the experiment.'
        }
      />
      <ExperimentEditor
        key={saved?.id ?? 'new'}
        {...slots}
        experiment={saved}
        environment={current.environment?.id ?? current.key}
        segments={segments.data ?? []}
        canEdit={canEdit}
        defaultOwner={user.name}
        step={step}
        onStepChange={(next) =>
          setParams(
            (previous) => {
              const updated = new URLSearchParams(previous);
              if (next === 'basics') updated.delete('step');
              else updated.set('step', next);
              return updated;
            },
            { replace: true },
          )
        }
        onCreated={(created, next) => void navigate(`/experiments/${created.id}/edit${next === 'basics' ? '' : `?step=${next}`}`, { replace: true })}
        onReloaded={(current) => void storeSavedExperiment(queryClient, current)}
        renderLaunch={(current) => <LifecycleActions experiment={current} canEdit={canEdit} />}
      />
    </>
  );
}
