import { notifications } from '@mantine/notifications';

/** Said once when a request finds the session gone (expired, revoked, account disabled); the guard then shows sign-in. */
export function notifySessionEnded(): void {
  notifications.show({
    id: 'session-ended',
    color: 'yellow',
    title: 'You were signed out',
    message: 'Your session ended. Sign in again to continue where you were.',
  });
}
