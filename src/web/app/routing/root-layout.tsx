import { Suspense } from 'react';
import { Outlet, ScrollRestoration } from 'react-router';
import { PageDownloadBar } from './page-download-bar';
import { PageLoader } from '../../components/page-loader';

export function RootLayout() {
  return (
    <>
      <PageDownloadBar />
      <Suspense fallback={<PageLoader fullScreen />}>
        <Outlet />
      </Suspense>
      <ScrollRestoration />
    </>
  );
}
