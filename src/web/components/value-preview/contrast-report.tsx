import { Badge, Group, Text } from '@mantine/core';
import { contrastLevels, contrastRatio, formatRatio } from './color-contrast';

export interface ContrastReportProps {
  foreground: string;
  background: string;
  /** How the background is named in the sentence, e.g. "white". */
  backgroundName?: string;
}

function Level({ name, pass }: { name: string; pass: boolean }) {
  return (
    // Text in the page's text colour: Mantine's light teal badge text is only 4.3:1 (fails AA itself).
    <Badge variant="light" color={pass ? 'teal' : 'red'} c="var(--mantine-color-text)" radius="sm" tt="none">
      {name}: {pass ? 'pass' : 'fail'}
    </Badge>
  );
}

/** The WCAG contrast ratio of a text colour on a background, with AA / AAA pass or fail in words. */
export function ContrastReport({ foreground, background, backgroundName }: ContrastReportProps) {
  const ratio = contrastRatio(foreground, background);
  if (ratio === null) return null;
  const levels = contrastLevels(ratio);
  return (
    <Group gap="xs" role="group" aria-label="Contrast">
      <Text size="sm">
        Contrast {formatRatio(ratio)} on {backgroundName ?? background}
      </Text>
      <Level name="AA" pass={levels.aa} />
      <Level name="AAA" pass={levels.aaa} />
      <Level name="AA large text" pass={levels.aaLarge} />
    </Group>
  );
}
