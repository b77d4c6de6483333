import { useSlowPageDownload } from './page-downloads';

/** A thin bar along the top while the next page's code downloads (the old page stays until it arrives). */
export function PageDownloadBar() {
  return useSlowPageDownload() ? <div className="sb-page-download-bar" role="progressbar" aria-label="Loading the page" /> : null;
}
