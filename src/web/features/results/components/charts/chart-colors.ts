const palette = ['gray', 'blue', 'teal', 'grape', 'orange', 'cyan', 'pink', 'lime', 'indigo', 'red'];

/** Control is grey, variants take distinct colours in order. */
export function variantColor(index: number): string {
  return `var(--mantine-color-${palette[index % palette.length]}-6)`;
}

export const axisTick = { fill: 'var(--mantine-color-dimmed)', fontSize: 12 };
export const gridStroke = 'var(--mantine-color-default-border)';
