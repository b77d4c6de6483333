import { ActionIcon, Button, Group, NativeSelect, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { MAX_TEST_USERS } from '../../../../../shared/contract/experiments';
import type { ExperimentFormInput } from '../../utils/experiment-form';
import { useEditorContext } from './editor-context';

/** Users (by targetingKey) forced into a chosen variant, to check each variant on real devices. */
export function TestUsersStep() {
  const { readOnly } = useEditorContext();
  const { control, register, formState } = useFormContext<ExperimentFormInput>();
  const { fields, append, remove } = useFieldArray({ control, name: 'testUsers' });
  const variants = useWatch({ control, name: 'variants' }) ?? [];
  const variantOptions = variants.map((variant) => ({ value: variant.key, label: `${variant.name} (${variant.key})` }));
  const errors = formState.errors.testUsers;

  return (
    <Stack gap="md">
      <Text size="sm">
        A test user always gets the chosen variant, whether or not they are in the audience, from the moment the experiment is saved until it completes. Use the
        user ID your app sends for your own device (its targetingKey).
      </Text>
      {fields.length === 0 && (
        <Text size="sm" c="dimmed" fs="italic">
          No test users.
        </Text>
      )}
      <Stack gap="xs" component="ul" aria-label="Test users" style={{ margin: 0, padding: 0 }}>
        {fields.map((field, index) => (
          <Group key={field.id} component="li" align="flex-start" gap="sm" wrap="nowrap" style={{ listStyle: 'none' }} aria-label={`Test user ${index + 1}`}>
            <TextInput
              label="User ID"
              placeholder="e.g. qa-device-42"
              autoComplete="off"
              spellCheck={false}
              error={errors?.[index]?.targetingKey?.message}
              disabled={readOnly}
              style={{ flex: 1 }}
              {...register(`testUsers.${index}.targetingKey`)}
            />
            <NativeSelect label="Variant" data={variantOptions} error={errors?.[index]?.variant?.message} disabled={readOnly} style={{ flex: '0 0 220px' }} {...register(`testUsers.${index}.variant`)} />
            {!readOnly && (
              <Tooltip label="Remove test user">
                <ActionIcon variant="subtle" color="red" onClick={() => remove(index)} aria-label={`Remove test user ${index + 1}`} mt={26}>
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        ))}
      </Stack>
      {errors?.message && (
        <Text size="sm" c="var(--mantine-color-error)" role="alert">
          {errors.message}
        </Text>
      )}
      {!readOnly && (
        <Group>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => append({ targetingKey: '', variant: variants[1]?.key ?? variants[0]?.key ?? '' })}
            disabled={fields.length >= MAX_TEST_USERS}
          >
            Add test user
          </Button>
        </Group>
      )}
    </Stack>
  );
}
