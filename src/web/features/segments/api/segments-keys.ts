export const segmentsKeys = {
  all: ['segments'] as const,
  lists: () => [...segmentsKeys.all, 'list'] as const,
  list: (archived: boolean) => [...segmentsKeys.lists(), { archived }] as const,
  detail: (id: string) => [...segmentsKeys.all, 'detail', id] as const,
  members: (id: string) => [...segmentsKeys.all, 'members', id] as const,
  reach: (environment: string, definition: unknown) => [...segmentsKeys.all, 'reach', environment, definition] as const,
  attributes: () => ['attributes'] as const,
};
