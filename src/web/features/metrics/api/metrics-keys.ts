export const metricsKeys = {
  all: ['metrics'] as const,
  lists: () => [...metricsKeys.all, 'list'] as const,
  list: (archived: boolean) => [...metricsKeys.lists(), { archived }] as const,
  detail: (id: string) => [...metricsKeys.all, 'detail', id] as const,
};
