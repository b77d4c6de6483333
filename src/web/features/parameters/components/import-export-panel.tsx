import { Button, FileInput, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconDownload, IconFileUpload, IconPlayerPlay, IconUpload } from '@tabler/icons-react';
import { useId, useState } from 'react';
import type { ImportResult, Manifest } from '../../../../shared/contract/parameters';
import { FormError } from '../../../components/form-error';
import { errorMessage, isApiError } from '../../../lib/api-error';
import { useExportParameters } from '../api/export-parameters';
import { useImportParameters } from '../api/import-parameters';
import { ImportPlan } from './import-plan';
import { useCurrentEnvironment } from '../../../lib/use-current-environment';

export interface ImportExportPanelProps {
  canImport: boolean;
}

function download(manifest: Manifest) {
  const blob = new Blob([`${JSON.stringify(manifest, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `switchboard-parameters-${new Date().toISOString().slice(0, 10)}.json`;
  link.click();
  URL.revokeObjectURL(url);
}

function parseManifest(text: string): { manifest: Manifest } | { error: string } {
  try {
    const parsed: unknown = JSON.parse(text);
    return { manifest: parsed as Manifest };
  } catch (error) {
    return { error: `This is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Parameters as code: download every parameter as a manifest, or plan and apply one. */
export function ImportExportPanel({ canImport }: ImportExportPanelProps) {
  const environment = useCurrentEnvironment().key;
  const exportManifest = useExportParameters(environment);
  const importManifest = useImportParameters(environment);
  const [text, setText] = useState('');
  const [parseError, setParseError] = useState<string | null>(null);
  const [plan, setPlan] = useState<ImportResult | null>(null);
  const exportHeading = useId();
  const importHeading = useId();

  const run = (dryRun: boolean) => {
    const parsed = parseManifest(text);
    if ('error' in parsed) {
      setParseError(parsed.error);
      return;
    }
    setParseError(null);
    importManifest.mutate({ manifest: parsed.manifest, dryRun }, { onSuccess: setPlan });
  };

  const loadFile = async (file: File | null) => {
    if (!file) return;
    setText(await file.text());
    setPlan(null);
  };

  const fieldErrors = isApiError(importManifest.error) ? importManifest.error.fieldErrors : [];
  return (
    <Stack gap="xl">
      <Paper withBorder p="lg" component="section" aria-labelledby={exportHeading}>
        <Stack gap="sm">
          <Title order={2} size="h3" id={exportHeading}>
            Export
          </Title>
          <Text size="sm" c="dimmed">
            Downloads every active parameter (key, name, description, tags, type and default value) as a JSON manifest you can keep in your app’s repository.
          </Text>
          <Group>
            <Button leftSection={<IconDownload size={16} aria-hidden />} loading={exportManifest.isPending} onClick={() => exportManifest.mutate(undefined, { onSuccess: download })}>
              Download manifest
            </Button>
          </Group>
          <FormError message={exportManifest.isError ? errorMessage(exportManifest.error) : undefined} />
        </Stack>
      </Paper>

      {canImport && (
        <Paper withBorder p="lg" component="section" aria-labelledby={importHeading}>
          <Stack gap="sm">
            <Title order={2} size="h3" id={importHeading}>
              Import
            </Title>
            <Text size="sm" c="dimmed">
              Paste or upload a manifest. You see what would change first; nothing is saved until you apply it. Parameters missing from the manifest are left alone.
            </Text>
            <FileInput label="Manifest file" placeholder="Choose a .json file" accept="application/json,.json" leftSection={<IconFileUpload size={16} aria-hidden />} onChange={(file) => void loadFile(file)} clearable />
            <Textarea
              label="Manifest JSON"
              autosize
              minRows={6}
              maxRows={20}
              value={text}
              onChange={(event) => {
                setText(event.currentTarget.value);
                setPlan(null);
              }}
              error={parseError}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              spellCheck={false}
            />
            {importManifest.isError && (
              <Stack gap={4}>
                <FormError message={errorMessage(importManifest.error)} />
                {fieldErrors.length > 0 && (
                  <List size="sm" aria-label="Problems in the manifest">
                    {fieldErrors.map((item) => (
                      <List.Item key={`${item.path}:${item.message}`}>
                        <Text span ff="monospace" size="sm">
                          {item.path.replace(/^manifest\./, '')}
                        </Text>
                        : {item.message}
                      </List.Item>
                    ))}
                  </List>
                )}
              </Stack>
            )}
            <Group>
              <Button variant="default" leftSection={<IconPlayerPlay size={16} aria-hidden />} disabled={text.trim() === ''} loading={importManifest.isPending && importManifest.variables.dryRun} onClick={() => run(true)}>
                Preview changes
              </Button>
              {plan && !plan.applied && (
                <Button leftSection={<IconUpload size={16} aria-hidden />} loading={importManifest.isPending && !importManifest.variables.dryRun} onClick={() => run(false)} disabled={plan.summary.create + plan.summary.update === 0}>
                  Apply
                </Button>
              )}
            </Group>
            {plan && <ImportPlan result={plan} />}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
