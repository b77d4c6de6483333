import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageDownloadBar } from './page-download-bar';
import { SLOW_PAGE_DOWNLOAD_MS, trackPageDownload } from './page-downloads';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A download the test finishes by hand. */
function download() {
  let finish!: () => void;
  const promise = new Promise<void>((resolve) => (finish = resolve));
  return { promise, finish };
}

describe('PageDownloadBar', () => {
  it('shows a labelled bar while a page chunk downloads for longer than the delay, and hides it when it arrives', async () => {
    render(<PageDownloadBar />);
    const slow = download();
    act(() => void trackPageDownload(slow.promise));
    act(() => vi.advanceTimersByTime(SLOW_PAGE_DOWNLOAD_MS - 1));
    expect(screen.queryByRole('progressbar')).toBeNull();
    act(() => vi.advanceTimersByTime(1));
    expect(screen.getByRole('progressbar', { name: 'Loading the page' })).toBeInTheDocument();
    await act(async () => slow.finish());
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('never shows for a chunk that arrives within the delay (already preloaded)', async () => {
    render(<PageDownloadBar />);
    const quick = download();
    act(() => void trackPageDownload(quick.promise));
    await act(async () => quick.finish());
    act(() => vi.advanceTimersByTime(SLOW_PAGE_DOWNLOAD_MS * 2));
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});
