import { Button, Group, Paper, Text, TextInput } from '@mantine/core';
import { IconArchive, IconArchiveOff, IconTag, IconTagOff } from '@tabler/icons-react';
import { useState } from 'react';
import { FormError } from '../../../components/form-error';
import { errorMessage } from '../../../lib/api-error';
import { useBulkUpdateParameters, type BulkAction } from '../api/bulk-update-parameters';
import { notify } from '../utils/notify';
import { useCurrentEnvironment } from '../../../lib/use-current-environment';

export interface BulkActionBarProps {
  selected: ReadonlySet<string>;
  onDone: () => void;
}

const doneMessages: Record<BulkAction, string> = {
  archive: 'archived',
  unarchive: 'unarchived',
  addTag: 'tagged',
  removeTag: 'untagged',
};

/** Actions on the checked rows: archive, unarchive, add or remove a tag. */
export function BulkActionBar({ selected, onDone }: BulkActionBarProps) {
  const environment = useCurrentEnvironment().key;
  const bulk = useBulkUpdateParameters(environment);
  const [tag, setTag] = useState('');
  const count = selected.size;

  const run = (action: BulkAction) => {
    const needsTag = action === 'addTag' || action === 'removeTag';
    bulk.mutate(
      { ids: [...selected], action, ...(needsTag && { tag: tag.trim() }) },
      {
        onSuccess: ({ updated }) => {
          notify(`${updated} parameter${updated === 1 ? '' : 's'} ${doneMessages[action]}`, 'teal');
          setTag('');
          onDone();
        },
      },
    );
  };

  if (count === 0) return null;
  const tagReady = tag.trim() !== '';
  return (
    <Paper withBorder p="sm" component="section" aria-label="Bulk actions">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Text size="sm" fw={600} aria-live="polite">
          {count} selected
        </Text>
        <Button size="xs" variant="default" leftSection={<IconArchive size={14} aria-hidden />} onClick={() => run('archive')} loading={bulk.isPending && bulk.variables.action === 'archive'}>
          Archive
        </Button>
        <Button size="xs" variant="default" leftSection={<IconArchiveOff size={14} aria-hidden />} onClick={() => run('unarchive')} loading={bulk.isPending && bulk.variables.action === 'unarchive'}>
          Unarchive
        </Button>
        <TextInput size="xs" label="Tag" placeholder="e.g. checkout" value={tag} onChange={(event) => setTag(event.currentTarget.value)} w={160} />
        <Button size="xs" variant="default" leftSection={<IconTag size={14} aria-hidden />} disabled={!tagReady} onClick={() => run('addTag')}>
          Add tag
        </Button>
        <Button size="xs" variant="default" leftSection={<IconTagOff size={14} aria-hidden />} disabled={!tagReady} onClick={() => run('removeTag')}>
          Remove tag
        </Button>
        <Button size="xs" variant="subtle" onClick={onDone}>
          Clear selection
        </Button>
      </Group>
      {bulk.isError && (
        <Group mt="xs">
          <FormError message={errorMessage(bulk.error)} />
        </Group>
      )}
    </Paper>
  );
}
