import { NavLink, Stack } from '@mantine/core';
import {
  IconAdjustments,
  IconCalendarEvent,
  IconChartLine,
  IconEye,
  IconFlask2,
  IconGitPullRequest,
  IconHistory,
  IconLayoutDashboard,
  IconSettings,
  IconStairsUp,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';
import { Link, useMatch } from 'react-router';

export interface NavSection {
  to: string;
  label: string;
  icon: Icon;
  /** Active only on this exact path (the overview at "/"). */
  end?: boolean;
}

export const navSections: readonly NavSection[] = [
  { to: '/', label: 'Overview', icon: IconLayoutDashboard, end: true },
  { to: '/parameters', label: 'Parameters', icon: IconAdjustments },
  { to: '/segments', label: 'Segments', icon: IconUsersGroup },
  { to: '/preview', label: 'Preview', icon: IconEye },
  { to: '/experiments', label: 'Experiments', icon: IconFlask2 },
  { to: '/rollouts', label: 'Rollouts', icon: IconStairsUp },
  { to: '/metrics', label: 'Metrics', icon: IconChartLine },
  { to: '/changes', label: 'Changes', icon: IconGitPullRequest },
  { to: '/calendar', label: 'Calendar', icon: IconCalendarEvent },
  { to: '/audit-log', label: 'Audit log', icon: IconHistory },
  { to: '/settings', label: 'Settings', icon: IconSettings },
];

function NavItem({ section, onNavigate }: { section: NavSection; onNavigate?: () => void }) {
  const active = useMatch({ path: section.to, end: section.end ?? false }) !== null;
  const SectionIcon = section.icon;
  return (
    <NavLink
      component={Link}
      to={section.to}
      label={section.label}
      leftSection={<SectionIcon size={18} stroke={1.6} aria-hidden />}
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={onNavigate}
      variant="light"
    />
  );
}

/** The sections of the dashboard, in the navbar. */
export function MainNav({ onNavigate }: { onNavigate?: () => void }) {
  return (
    <Stack gap={2} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {navSections.map((section) => (
        <li key={section.to}>
          <NavItem section={section} onNavigate={onNavigate} />
        </li>
      ))}
    </Stack>
  );
}
