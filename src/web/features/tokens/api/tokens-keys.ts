export const tokensKeys = {
  all: ['api-tokens'] as const,
  list: () => [...tokensKeys.all, 'list'] as const,
};
