import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { paged, renderPage, testUser, text } from '../test/render.tsx';
import { AppLayout } from './AppLayout.tsx';

describe('AppLayout', () => {
  it('keeps the menu in a drawer on a phone, with the ledger pages the user may open', async () => {
    const { page } = await renderPage(<AppLayout />, {
      url: '/',
      user: testUser('village_admin'),
      api: { '/api/notifications': paged() },
    });
    // jsdom matches no media query: a phone-sized screen.
    expect(within(page).queryByText(text('menu.pairings'))).toBeNull();
    fireEvent.click(within(page).getByRole('button', { name: text('app.menu') }));
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByText(text('menu.pairings'))).toBeInTheDocument();
    expect(within(drawer).getByText(text('menu.awaiting'))).toBeInTheDocument();
    // The roll-up is for those above the pairs.
    expect(within(drawer).queryByText(text('menu.rollup'))).toBeNull();
    fireEvent.click(within(drawer).getByText(text('menu.pairings')));
    expect(screen.getByTestId('location')).toHaveTextContent('/pairings');
  });
});
