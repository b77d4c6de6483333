import { Anchor } from '@mantine/core';
import type { MouseEvent } from 'react';

export const MAIN_CONTENT_ID = 'main-content';

/** First focusable element of every page: jumps past the header and navigation. Visible only while focused. */
export function SkipLink() {
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    const main = document.getElementById(MAIN_CONTENT_ID);
    if (!main) return;
    event.preventDefault();
    main.focus();
    main.scrollIntoView?.();
  };
  return (
    <Anchor href={`#${MAIN_CONTENT_ID}`} onClick={skip} className="sb-skip-link">
      Skip to content
    </Anchor>
  );
}
