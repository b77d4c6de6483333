import { Box, Button, Fieldset, Group, Input, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { errorAt, messagesUnder } from '../field-messages';
import { useReportInvalid } from '../invalid-draft';
import { ItemActions } from '../item-actions';
import { asArray, asRecord, asString, moveItem, withField } from '../object-value';
import { useStableKeys } from '../use-stable-keys';
import type { TemplateFormProps } from './template-form-props';

const MIN_TABS = 2;
const MAX_TABS = 5;

/** Navigation: the app's tabs in order, each with an id apps route by, a label and an icon name. */
export function NavigationForm({ value, onChange, errors, disabled }: TemplateFormProps) {
  const tabs = asArray(asRecord(value).tabs);
  const keys = useStableKeys(tabs.length);
  const tabErrors = messagesUnder(errors, 'tabs');
  const ids = tabs.map((tab) => asString(asRecord(tab).id));
  const duplicate = (index: number) => ids[index] !== '' && ids.indexOf(ids[index]) !== index;
  // Apps route by tab id, so two tabs with one id cannot be saved (the schema cannot say so).
  useReportInvalid(ids.some((_, index) => duplicate(index)));

  const setTabs = (next: unknown[]) => onChange(withField(value, 'tabs', next));
  const setField = (index: number, key: string, next: string) => setTabs(tabs.map((tab, i) => (i === index ? withField(tab, key, next) : tab)));

  return (
    <Stack gap="sm">
      {errorAt(errors) ? <Input.Error>{errorAt(errors)}</Input.Error> : null}
      {errorAt(tabErrors) ? <Input.Error>{errorAt(tabErrors)}</Input.Error> : null}
      <Text size="xs" c="dimmed">
        The id is what the app routes by; the label is shown under the icon; the icon is a name your app knows, e.g. home.
      </Text>
      {tabs.map((raw, index) => {
        const tab = asRecord(raw);
        const own = messagesUnder(tabErrors, index);
        return (
          <Fieldset key={keys.keys[index]} legend={`Tab ${index + 1}`} disabled={disabled} p="sm">
            <Group align="flex-start" wrap="nowrap">
              <TextInput
                style={{ flex: 1 }}
                label="Id"
                value={asString(tab.id)}
                onChange={(event) => setField(index, 'id', event.currentTarget.value)}
                error={duplicate(index) ? 'Another tab already uses this id' : errorAt(own, 'id')}
              />
              <TextInput
                style={{ flex: 1 }}
                label="Label"
                value={asString(tab.label)}
                onChange={(event) => setField(index, 'label', event.currentTarget.value)}
                error={errorAt(own, 'label')}
              />
              <TextInput
                style={{ flex: 1 }}
                label="Icon"
                value={asString(tab.icon)}
                onChange={(event) => setField(index, 'icon', event.currentTarget.value)}
                error={errorAt(own, 'icon')}
              />
              <Box pt={26}>
                <ItemActions
                  index={index}
                  count={tabs.length}
                  noun="tab"
                  onMove={(from, to) => {
                    keys.move(from, to);
                    setTabs(moveItem(tabs, from, to));
                  }}
                  onRemove={(at) => {
                    keys.remove(at);
                    setTabs(tabs.filter((_, i) => i !== at));
                  }}
                  canRemove={tabs.length > MIN_TABS}
                  disabled={disabled}
                />
              </Box>
            </Group>
            {errorAt(own) ? <Input.Error>{errorAt(own)}</Input.Error> : null}
          </Fieldset>
        );
      })}
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          disabled={disabled || tabs.length >= MAX_TABS}
          onClick={() => {
            keys.append();
            setTabs([...tabs, { id: `tab${tabs.length + 1}`, label: 'New tab', icon: 'star' }]);
          }}
        >
          Add tab
        </Button>
        <Text size="xs" c="dimmed">
          {MIN_TABS} to {MAX_TABS} tabs
        </Text>
      </Group>
    </Stack>
  );
}
