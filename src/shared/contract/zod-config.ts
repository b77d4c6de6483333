import { z } from 'zod';

// Plain-language messages for the cases zod words technically. Imported by every contract
// module through common.ts, so server and dashboard show the same text.
z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type' && issue.input === undefined) return 'Required';
    return undefined;
  },
});
