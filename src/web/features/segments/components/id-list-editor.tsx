import { Alert, Button, FileButton, Group, Progress, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { MAX_SEGMENT_IDS } from '../../../../shared/contract/segments';
import { parseCsvFirstColumn, splitIds } from './id-list-parsing';

export interface IdListEditorProps {
  attribute: string;
  onAttributeChange: (attribute: string) => void;
  /** null: the stored list is kept. */
  ids: string[] | null;
  storedCount: number;
  onChange: (ids: string[]) => void;
  error?: string;
}

const tooMany = (count: number) =>
  `${count.toLocaleString()} ids is more than the ${MAX_SEGMENT_IDS.toLocaleString()} a segment can hold. Split the list into several segments.`;

/** An explicit list of users: pasted (one per line or comma separated) or read from a CSV's first column. */
export function IdListEditor({ attribute, onAttributeChange, ids, storedCount, onChange, error }: IdListEditorProps) {
  const [text, setText] = useState(() => (ids ?? []).join('\n'));
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const accept = (next: string[]) => {
    if (next.length > MAX_SEGMENT_IDS) {
      setProblem(tooMany(next.length));
      return false;
    }
    setProblem(null);
    onChange(next);
    return true;
  };

  const upload = async (file: File | null) => {
    if (!file) return;
    setProgress(0);
    try {
      const parsed = await parseCsvFirstColumn(await file.text(), setProgress);
      if (accept(parsed)) setText(parsed.length > 2000 ? '' : parsed.join('\n'));
    } finally {
      setProgress(null);
    }
  };

  const count = ids?.length ?? storedCount;
  return (
    <Stack gap="sm">
      <TextInput
        label="Attribute the ids are matched against"
        value={attribute}
        onChange={(event) => onAttributeChange(event.currentTarget.value)}
        style={{ maxWidth: 320 }}
      />
      {ids === null && (
        <Text size="sm">
          This segment holds {storedCount.toLocaleString()} ids. Paste or upload a list to replace them.
        </Text>
      )}
      <Textarea
        label="Ids"
        description="One per line or separated by commas"
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          accept(splitIds(event.currentTarget.value));
        }}
        autosize
        minRows={5}
        maxRows={14}
        spellCheck={false}
        error={error}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      />
      <Group gap="sm">
        <FileButton onChange={(file) => void upload(file)} accept=".csv,text/csv,text/plain">
          {(props) => (
            <Button {...props} variant="default" leftSection={<IconUpload size={16} aria-hidden />} loading={progress !== null}>
              Upload a CSV
            </Button>
          )}
        </FileButton>
        <Text size="sm" aria-live="polite">
          {count.toLocaleString()} {count === 1 ? 'id' : 'ids'}
          {ids !== null && text === '' && count > 0 ? ' loaded from the file' : ''}
        </Text>
      </Group>
      {progress !== null && <Progress value={progress} aria-label="Reading the file" animated />}
      {problem && (
        <Alert color="red" variant="light" role="alert">
          {problem}
        </Alert>
      )}
    </Stack>
  );
}
