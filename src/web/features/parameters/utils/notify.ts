import { notifications } from '@mantine/notifications';

/** A short confirmation toast; its close button is named for screen readers. */
export function notify(message: string, color?: string): void {
  notifications.show({ message, color, closeButtonProps: { 'aria-label': 'Close notification' } });
}
