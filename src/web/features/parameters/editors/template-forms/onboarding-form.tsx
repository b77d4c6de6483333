import { Box, Button, Fieldset, Group, Input, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { errorAt, messagesUnder } from '../field-messages';
import { ItemActions } from '../item-actions';
import { asArray, asRecord, asString, moveItem, withField } from '../object-value';
import { useStableKeys } from '../use-stable-keys';
import type { TemplateFormProps } from './template-form-props';

const MAX_SCREENS = 10;
const newScreen = () => ({ title: 'New screen', body: '', buttonText: 'Next' });

/** Onboarding: ordered screens, each with a title, body text, optional image and a button label. */
export function OnboardingForm({ value, onChange, errors, disabled }: TemplateFormProps) {
  const screens = asArray(asRecord(value).screens);
  const keys = useStableKeys(screens.length);
  const screenErrors = messagesUnder(errors, 'screens');
  const setScreens = (next: unknown[]) => onChange(withField(value, 'screens', next));
  const setField = (index: number, key: string, next: unknown) =>
    setScreens(screens.map((screen, i) => (i === index ? withField(screen, key, next) : screen)));

  return (
    <Stack gap="sm">
      {errorAt(errors) ? <Input.Error>{errorAt(errors)}</Input.Error> : null}
      {errorAt(screenErrors) ? <Input.Error>{errorAt(screenErrors)}</Input.Error> : null}
      {screens.map((raw, index) => {
        const screen = asRecord(raw);
        const own = messagesUnder(screenErrors, index);
        return (
          <Fieldset
            key={keys.keys[index]}
            disabled={disabled}
            p="sm"
            legend={`Screen ${index + 1}`}
          >
            <Stack gap="xs">
              <Group align="flex-start" wrap="nowrap" gap="xs">
                <TextInput
                  style={{ flex: 1 }}
                  label="Title"
                  value={asString(screen.title)}
                  onChange={(event) => setField(index, 'title', event.currentTarget.value)}
                  error={errorAt(own, 'title')}
                />
                <Box pt={26}>
                  <ItemActions
                    index={index}
                    count={screens.length}
                    noun="screen"
                    onMove={(from, to) => {
                      keys.move(from, to);
                      setScreens(moveItem(screens, from, to));
                    }}
                    onRemove={(at) => {
                      keys.remove(at);
                      setScreens(screens.filter((_, i) => i !== at));
                    }}
                    canRemove={screens.length > 1}
                    disabled={disabled}
                  />
                </Box>
              </Group>
              {errorAt(own) ? <Input.Error>{errorAt(own)}</Input.Error> : null}
              <Textarea
                label="Body"
                autosize
                minRows={2}
                value={asString(screen.body)}
                onChange={(event) => setField(index, 'body', event.currentTarget.value)}
                error={errorAt(own, 'body')}
              />
              <Group grow align="flex-start">
                <TextInput
                  label="Image URL (optional)"
                  type="url"
                  value={asString(screen.imageUrl)}
                  onChange={(event) => setField(index, 'imageUrl', event.currentTarget.value === '' ? undefined : event.currentTarget.value)}
                  error={errorAt(own, 'imageUrl')}
                />
                <TextInput
                  label="Button text"
                  value={asString(screen.buttonText)}
                  onChange={(event) => setField(index, 'buttonText', event.currentTarget.value)}
                  error={errorAt(own, 'buttonText')}
                />
              </Group>
            </Stack>
          </Fieldset>
        );
      })}
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          disabled={disabled || screens.length >= MAX_SCREENS}
          onClick={() => {
            keys.append();
            setScreens([...screens, newScreen()]);
          }}
        >
          Add screen
        </Button>
        <Text size="xs" c="dimmed">
          {screens.length} of at most {MAX_SCREENS} screens
        </Text>
      </Group>
    </Stack>
  );
}
