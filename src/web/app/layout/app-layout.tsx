import { AppShell, Burger, Group, UnstyledButton } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { Logo } from '../../components/logo';
import { MockBanner } from '../../components/mock-banner';
import { PageLoader } from '../../components/page-loader';
import { MAIN_CONTENT_ID, SkipLink } from '../../components/skip-link';
import { MainNav } from './main-nav';
import { ThemeToggle } from './theme-toggle';
import { AccountMenu } from './account-menu';
import { EnvironmentSwitcher } from './environment-switcher';
import { useCurrentEnvironment } from '../../lib/use-current-environment';

const NAVBAR_ID = 'main-navigation';

/** The signed-in frame: header (product, theme, account), section navigation, and the page. */
export function AppLayout() {
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  // Below the sm breakpoint the navbar slides away; `inert` keeps its links out of the tab order while hidden.
  const isSmallScreen = useMediaQuery('(max-width: 47.99em)') ?? false;
  const navHidden = isSmallScreen && !navOpened;
  const environment = useCurrentEnvironment();
  // The environment's colour runs under the header on every page, so nobody forgets where a change lands.
  const band = `4px solid ${environment.environment?.color ?? 'transparent'}`;

  return (
    <>
      <SkipLink />
      <AppShell header={{ height: 64 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpened } }} padding="lg">
        <AppShell.Header style={{ borderBottom: band }} data-environment={environment.key}>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={navOpened}
                onClick={toggleNav}
                hiddenFrom="sm"
                size="sm"
                aria-label={navOpened ? 'Close navigation' : 'Open navigation'}
                aria-expanded={navOpened}
                aria-controls={NAVBAR_ID}
              />
              <UnstyledButton component={Link} to="/">
                <Logo size="md" />
              </UnstyledButton>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <EnvironmentSwitcher current={environment} />
              <ThemeToggle />
              <AccountMenu />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="sm" id={NAVBAR_ID} aria-label="Main" inert={navHidden}>
          <MainNav onNavigate={closeNav} />
        </AppShell.Navbar>
        <AppShell.Main id={MAIN_CONTENT_ID} tabIndex={-1}>
          <MockBanner />
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
