export const previewKeys = {
  all: ['preview'] as const,
  run: (context: Record<string, unknown> | null) => [...previewKeys.all, 'run', context] as const,
  knownUsers: (search: string) => ['known-users', 'search', search] as const,
  knownUser: (targetingKey: string) => ['known-users', 'detail', targetingKey] as const,
};
