export const sdkKeysKeys = {
  all: ['sdk-keys'] as const,
  list: () => [...sdkKeysKeys.all, 'list'] as const,
};
