/**
 * Titles of light alerts in the text colour: Mantine colours them with the alert's "light" colour,
 * which fails WCAG AA on the light background for teal, yellow and red (e.g. teal 4.3:1).
 */
export const readableAlertTitle = { title: { color: 'var(--mantine-color-text)' } } as const;
