/** The editor's steps, in order, with the fields (top-level paths) each one shows. */
export const editorSteps = [
  { id: 'basics', label: 'Basics', description: 'Name and hypothesis', fields: ['key', 'name', 'hypothesis', 'owner', 'tags'] },
  { id: 'audience', label: 'Audience', description: 'Who and how many', fields: ['audience', 'stickyMembership', 'allocation', 'layer'] },
  { id: 'variants', label: 'Variants', description: 'What each group gets', fields: ['variants'] },
  { id: 'metrics', label: 'Metrics', description: 'What decides', fields: ['metrics'] },
  { id: 'schedule', label: 'Schedule', description: 'When', fields: ['startAt', 'endAt', 'autoShip'] },
  { id: 'test-users', label: 'Test users', description: 'QA on devices', fields: ['testUsers'] },
  { id: 'review', label: 'Review', description: 'Check and launch', fields: [] },
] as const;

export type EditorStepId = (typeof editorSteps)[number]['id'];

export function isStepId(value: string | null): value is EditorStepId {
  return editorSteps.some((step) => step.id === value);
}

/** The step showing the field at a dotted path ('variants.1.weight' -> 'variants'); review for unknown paths. */
export function stepOfPath(path: string): EditorStepId {
  const top = path.split('.')[0];
  return editorSteps.find((step) => (step.fields as readonly string[]).includes(top))?.id ?? 'review';
}

/** The first step (in order) that has any of these paths. */
export function firstStepWith(paths: readonly string[]): EditorStepId | null {
  const ids = new Set(paths.map(stepOfPath));
  return editorSteps.find((step) => ids.has(step.id))?.id ?? null;
}
