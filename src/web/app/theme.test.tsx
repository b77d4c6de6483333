import { Drawer, Modal } from '@mantine/core';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../test/render';

describe('theme', () => {
  it('names the icon-only close buttons of modals and drawers', async () => {
    renderWithApp(
      <>
        <Modal opened onClose={() => undefined} title="A modal">
          Body
        </Modal>
        <Drawer opened onClose={() => undefined} title="A drawer">
          Body
        </Drawer>
      </>,
    );
    expect(await screen.findAllByRole('button', { name: 'Close' })).toHaveLength(2);
  });
});
