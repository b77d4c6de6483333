import type { QueryClient } from '@tanstack/react-query';
import { lazy, type ComponentType, type ReactElement } from 'react';
import { matchRoutes, type Params, type RouteObject } from 'react-router';
import { sessionQueryOptions } from '../../features/auth/api/get-session';
import { experimentQueryOptions } from '../../features/experiments/api/get-experiment';
import { AppLayout } from '../layout/app-layout';
import { trackPageDownload } from './page-downloads';
import { RequireSession } from './require-session';
import { RootLayout } from './root-layout';
import { RouteError } from './route-error';

/** What a page's first screen reads, asked for at boot beside the page's code (see preloadRoute). */
interface RouteHandle {
  prefetch: (client: QueryClient, params: Params) => Promise<unknown>;
}

/** The experiment's name and hypothesis head its pages (the largest text on a phone's first screen). */
const readsExperiment: RouteHandle = { prefetch: (client, { id = '' }) => client.prefetchQuery(experimentQueryOptions(id)) };

/** A page's own chunk, and how to start downloading it before it renders. */
type Preloadable = { preload?: () => Promise<unknown> };

/** One chunk per page (React.lazy): the first load carries only the shell. */
function page<K extends string, M extends Record<K, ComponentType>>(load: () => Promise<M>, name: K) {
  return Object.assign(lazy(async () => ({ default: (await trackPageDownload(load()))[name] })), { preload: load });
}

const SignInPage = page(() => import('../pages/sign-in-page'), 'SignInPage');
const SetupPage = page(() => import('../pages/setup-page'), 'SetupPage');
const AcceptInvitePage = page(() => import('../pages/accept-invite-page'), 'AcceptInvitePage');
const OverviewPage = page(() => import('../pages/overview-page'), 'OverviewPage');
const ParametersPage = page(() => import('../pages/parameters-page'), 'ParametersPage');
const ParameterNewPage = page(() => import('../pages/parameter-new-page'), 'ParameterNewPage');
const ParameterDetailPage = page(() => import('../pages/parameter-detail-page'), 'ParameterDetailPage');
const ParametersImportPage = page(() => import('../pages/parameters-import-page'), 'ParametersImportPage');
const SegmentsPage = page(() => import('../pages/segments-page'), 'SegmentsPage');
const SegmentEditorPage = page(() => import('../pages/segment-editor-page'), 'SegmentEditorPage');
const PreviewPage = page(() => import('../pages/preview-page'), 'PreviewPage');
const ExperimentsPage = page(() => import('../pages/experiments-page'), 'ExperimentsPage');
const ExperimentEditorPage = page(() => import('../pages/experiment-editor-page'), 'ExperimentEditorPage');
const ExperimentDetailPage = page(() => import('../pages/experiment-detail-page'), 'ExperimentDetailPage');
const ExperimentResultsPage = page(() => import('../pages/experiment-results-page'), 'ExperimentResultsPage');
const RolloutsPage = page(() => import('../pages/rollouts-page'), 'RolloutsPage');
const RolloutPage = page(() => import('../pages/rollout-page'), 'RolloutPage');
const MetricsPage = page(() => import('../pages/metrics-page'), 'MetricsPage');
const AuditLogPage = page(() => import('../pages/audit-log-page'), 'AuditLogPage');
const SettingsPage = page(() => import('../pages/settings/settings-page'), 'SettingsPage');
const ProfileTab = page(() => import('../pages/settings/profile-tab'), 'ProfileTab');
const UsersTab = page(() => import('../pages/settings/users-tab'), 'UsersTab');
const TokensTab = page(() => import('../pages/settings/tokens-tab'), 'TokensTab');
const SdkKeysTab = page(() => import('../pages/settings/sdk-keys-tab'), 'SdkKeysTab');
const EnvironmentsTab = page(() => import('../pages/settings/environments-tab'), 'EnvironmentsTab');
const WebhooksTab = page(() => import('../pages/settings/webhooks-tab'), 'WebhooksTab');
const CompareEnvironmentsPage = page(() => import('../pages/compare-environments-page'), 'CompareEnvironmentsPage');
const ChangeRequestsPage = page(() => import('../pages/change-requests-page'), 'ChangeRequestsPage');
const ChangeRequestPage = page(() => import('../pages/change-request-page'), 'ChangeRequestPage');
const CalendarPage = page(() => import('../pages/calendar-page'), 'CalendarPage');
const NotFoundPage = page(() => import('../pages/not-found-page'), 'NotFoundPage');

export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    errorElement: <RouteError />,
    children: [
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'setup', element: <SetupPage /> },
      { path: 'accept-invite', element: <AcceptInvitePage /> },
      {
        element: (
          <RequireSession>
            <AppLayout />
          </RequireSession>
        ),
        children: [
          { index: true, element: <OverviewPage /> },
          { path: 'parameters', element: <ParametersPage /> },
          { path: 'parameters/new', element: <ParameterNewPage /> },
          { path: 'parameters/import', element: <ParametersImportPage /> },
          { path: 'parameters/compare', element: <CompareEnvironmentsPage /> },
          { path: 'parameters/:id', element: <ParameterDetailPage /> },
          { path: 'segments', element: <SegmentsPage /> },
          { path: 'segments/new', element: <SegmentEditorPage /> },
          { path: 'segments/:id', element: <SegmentEditorPage /> },
          { path: 'preview', element: <PreviewPage /> },
          { path: 'experiments', element: <ExperimentsPage /> },
          { path: 'experiments/new', element: <ExperimentEditorPage /> },
          { path: 'experiments/:id/edit', element: <ExperimentEditorPage /> },
          { path: 'experiments/:id', element: <ExperimentDetailPage />, handle: readsExperiment },
          { path: 'experiments/:id/results', element: <ExperimentResultsPage />, handle: readsExperiment },
          { path: 'rollouts', element: <RolloutsPage /> },
          { path: 'rollouts/:id', element: <RolloutPage /> },
          { path: 'metrics', element: <MetricsPage /> },
          { path: 'changes', element: <ChangeRequestsPage /> },
          { path: 'changes/:id', element: <ChangeRequestPage /> },
          { path: 'calendar', element: <CalendarPage /> },
          { path: 'audit-log', element: <AuditLogPage /> },
          {
            path: 'settings',
            element: <SettingsPage />,
            children: [
              { path: 'profile', element: <ProfileTab /> },
              { path: 'users', element: <UsersTab /> },
              { path: 'api-tokens', element: <TokensTab /> },
              { path: 'sdk-keys', element: <SdkKeysTab /> },
              { path: 'environments', element: <EnvironmentsTab /> },
              { path: 'webhooks', element: <WebhooksTab /> },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

/**
 * Starts downloading the pages a path shows, and the data their first screen reads, at boot:
 * otherwise a page's chunk is asked for only once the session check lets it render, and its data
 * once the chunk has arrived and run, two round trips later on a slow phone network. The data
 * waits for the session: a deep link opened signed out goes to sign in and asks for nothing.
 */
export function preloadRoute(pathname: string, client: QueryClient) {
  const matches = matchRoutes(routes, pathname) ?? [];
  for (const match of matches) {
    const element = match.route.element as ReactElement | undefined;
    const preload = (element?.type as Preloadable | undefined)?.preload;
    // A failed download is reported by the page's own load, when it renders.
    preload?.().catch(() => undefined);
  }
  const reads = matches.flatMap((match) => {
    const handle = match.route.handle as RouteHandle | undefined;
    return handle ? [() => handle.prefetch(client, match.params)] : [];
  });
  if (reads.length === 0) return;
  void client.fetchQuery(sessionQueryOptions()).then(
    (session) => session && Promise.all(reads.map((read) => read())),
    // The page's own queries report failures when it renders.
    () => undefined,
  );
}
