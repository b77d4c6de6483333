import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Paper, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { FieldError } from '../../../../shared/contract/common';
import type { Segment } from '../../../../shared/contract/segments';
import { behaviourRulesOf } from '../../../../shared/targeting';
import { FormError } from '../../../components/form-error';
import { errorMessage, isApiError } from '../../../lib/api-error';
import { SERVER_ERROR_KEY } from '../../../lib/apply-field-errors';
import { useCreateSegment } from '../api/create-segment';
import { attributesQueryOptions } from '../api/list-attributes';
import { segmentsQueryOptions } from '../api/list-segments';
import { ImpactConfirm } from '../../../components/usage/impact-confirm';
import { liveExperiments, usageQueryOptions } from '../../../components/usage/usage-query';
import { useUpdateSegment } from '../api/update-segment';
import { definitionFromDraft, draftFromSegment, type DefinitionDraft } from './definition-draft';
import { DefinitionEditor } from './definition-editor';
import { ReachFigure } from './reach-figure';
import { useCurrentEnvironment } from '../../../lib/use-current-environment';

// Behaviour is known only for users who sent events; say what the figure counts it from.
const BEHAVIOUR_REACH_NOTE = 'Behaviour conditions count from the events the server has received from the known users of this environment.';

const detailsSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name').max(200, 'Use at most 200 characters'),
  description: z.string().max(5000, 'Use at most 5,000 characters'),
});
type Details = z.infer<typeof detailsSchema>;

export interface SegmentFormProps {
  /** The saved segment being edited; absent for a new one. */
  segment?: Segment;
  onSaved: (segment: Segment) => void;
}

/** Create or edit a segment: details, the definition with its compiled condition, and the live reach. */
export function SegmentForm({ segment, onSaved }: SegmentFormProps) {
  // Segments are shared; their reach counts the known users of the environment on screen.
  const environment = useCurrentEnvironment().key;
  const attributes = useQuery(attributesQueryOptions());
  const others = useQuery(segmentsQueryOptions(false));
  const create = useCreateSegment();
  const update = useUpdateSegment(segment?.id ?? '');
  const [draft, setDraft] = useState<DefinitionDraft>(() => draftFromSegment(segment));
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldError[]>([]);
  const [pendingDetails, setPendingDetails] = useState<Details | null>(null);
  const usage = useQuery({ ...usageQueryOptions('segments', segment?.id ?? ''), enabled: segment !== undefined });
  const live = liveExperiments(usage.data);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<Details>({
    resolver: zodResolver(detailsSchema),
    defaultValues: { name: segment?.name ?? '', description: segment?.description ?? '' },
  });

  const checked = useMemo(() => definitionFromDraft(draft), [draft]);
  const reachDefinition = checked.ok ? (checked.definition ?? null) : null;
  const definitionErrors = [...(submitted && !checked.ok ? checked.errors : []), ...serverErrors];
  const unplaced = definitionErrors.filter((error) => error.path === 'definition').map((error) => error.message);
  const segmentOptions = (others.data ?? []).filter((candidate) => candidate.id !== segment?.id).map(({ id, name }) => ({ id, name }));

  const changeDraft = (next: DefinitionDraft) => {
    setDraft(next);
    setServerErrors([]);
  };

  const onSubmit = handleSubmit(async (details) => {
    setSubmitted(true);
    setServerErrors([]);
    if (!checked.ok) return;
    // A new definition changes the audience of every live experiment that uses it: ask first.
    const redefined = segment && checked.definition && JSON.stringify(checked.definition) !== JSON.stringify(segment.definition);
    if (redefined && live.length > 0) return setPendingDetails(details);
    await send(details);
  });

  const send = async (details: Details) => {
    setPendingDetails(null);
    if (!checked.ok) return;
    try {
      const saved = segment
        ? await update.mutateAsync({ expectedVersion: segment.version, ...details, ...(checked.definition && { definition: checked.definition }) })
        : await create.mutateAsync({ ...details, definition: checked.definition ?? { kind: 'ids', attribute: draft.idAttribute, ids: [] } });
      onSaved(saved);
    } catch (error) {
      const fieldErrors = isApiError(error) ? error.fieldErrors : [];
      const onDefinition = fieldErrors.filter((fieldError) => fieldError.path.startsWith('definition'));
      setServerErrors(onDefinition);
      for (const fieldError of fieldErrors) {
        if (fieldError.path === 'name' || fieldError.path === 'description') setError(fieldError.path, { type: 'server', message: fieldError.message });
      }
      const rest = fieldErrors.filter((fieldError) => !fieldError.path.startsWith('definition') && fieldError.path !== 'name' && fieldError.path !== 'description');
      if (fieldErrors.length === 0 || rest.length > 0) {
        const stale = isApiError(error) && error.status === 409 ? ' Reload the page to see the latest version, then apply your change again.' : '';
        setError(SERVER_ERROR_KEY, { type: 'server', message: `${errorMessage(error)}${stale}` });
      } else if (onDefinition.length > 0) {
        setError(SERVER_ERROR_KEY, { type: 'server', message: 'The definition has problems: see the messages beside the rules.' });
      }
    }
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-label={segment ? `Edit segment ${segment.name}` : 'New segment'}>
      <ImpactConfirm
        affected={pendingDetails ? live : []}
        effect="Users who enter from now on are chosen by the new definition, while those already in keep their variant."
        onConfirm={() => pendingDetails && void send(pendingDetails)}
        onCancel={() => setPendingDetails(null)}
        loading={update.isPending}
      />
      <Stack gap="lg">
        <Paper withBorder p="lg" radius="md">
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <TextInput label="Name" required autoComplete="off" error={errors.name?.message} {...register('name')} />
            <Textarea label="Description" autosize minRows={1} maxRows={4} error={errors.description?.message} {...register('description')} />
          </SimpleGrid>
        </Paper>
        <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="segment-definition-heading">
          <Stack gap="md">
            <Title order={2} size="h4" id="segment-definition-heading">
              Who is in this segment
            </Title>
            <ReachFigure
              definition={reachDefinition}
              environment={environment}
              idleMessage={draft.kind === 'ids' && draft.ids === null ? 'Paste or upload a new list to estimate its reach' : undefined}
              note={draft.kind === 'rules' && behaviourRulesOf(draft.builder).length > 0 ? BEHAVIOUR_REACH_NOTE : undefined}
            />
            <DefinitionEditor
              draft={draft}
              onChange={changeDraft}
              attributes={attributes.data ?? []}
              segments={segmentOptions}
              errors={definitionErrors}
            />
            <FormError message={unplaced.length > 0 ? unplaced.join(' ') : undefined} />
          </Stack>
        </Paper>
        <FormError message={errors.root?.server?.message} />
        {submitted && !checked.ok && <FormError message="Fix the problems marked above, then save again." />}
        <Group>
          <Button type="submit" loading={create.isPending || update.isPending} leftSection={<IconDeviceFloppy size={16} aria-hidden />}>
            {segment ? 'Save changes' : 'Create segment'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
