export const previewKeys = {
  all: ['preview'] as const,
  run: (environment: string, context: Record<string, unknown> | null) => [...previewKeys.all, 'run', environment, context] as const,
  knownUsers: (environment: string, search: string) => ['known-users', 'search', environment, search] as const,
  knownUser: (environment: string, targetingKey: string) => ['known-users', 'detail', environment, targetingKey] as const,
};
