import { useSyncExternalStore } from 'react';

// Page chunks downloading now. A navigation is a transition, so React keeps the old page on screen
// while the next page's chunk downloads: without a sign, a click on a slow network seems ignored.

/** Below this, the next page is there before a bar would be noticed: showing it would only flicker. */
export const SLOW_PAGE_DOWNLOAD_MS = 200;

let downloading = 0;
let slow = false;
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

function setSlow(next: boolean) {
  if (slow === next) return;
  slow = next;
  listeners.forEach((listener) => listener());
}

/** Counts `download` as a page chunk in flight until it settles; returns it unchanged. */
export function trackPageDownload<T>(download: Promise<T>): Promise<T> {
  if (downloading++ === 0) timer = setTimeout(() => setSlow(true), SLOW_PAGE_DOWNLOAD_MS);
  const settled = () => {
    if (--downloading > 0) return;
    clearTimeout(timer);
    setSlow(false);
  };
  download.then(settled, settled);
  return download;
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Whether a page's chunk has been downloading for longer than SLOW_PAGE_DOWNLOAD_MS. */
export function useSlowPageDownload(): boolean {
  return useSyncExternalStore(subscribe, () => slow);
}
