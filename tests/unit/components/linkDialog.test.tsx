// @vitest-environment jsdom
// The claim picker links only to a claim the person can see: the claim chosen in the Claims
// panel comes pre-selected, and a search that hides it must not leave it as the hidden target.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LinkDialog } from '../../../src/features/claims/LinkDialog';
import type { ClaimRecord } from '../../../src/model/records';

afterEach(cleanup);

const claim = (id: string, statement: string, claimedAt: string): ClaimRecord => ({
  id, caseId: 'c', statement, claimant: '', role: '', claimedAt, period: { from: '', to: '' },
  source: { title: '', publisher: '', url: '', accessedAt: '' }, quantity: null, tags: [], notes: '', createdAt: '', updatedAt: '',
});
const claims = [claim('kirby', 'More than 1,000 containers were shipped.', '2023-10-13'), claim('berth', 'No ship was moored at berth B1.', '2023-10-14')];

function openPicker(initialClaimId: string | null) {
  const onLink = vi.fn();
  render(<LinkDialog claims={claims} boxCount={1} initialClaimId={initialClaimId} onLink={onLink} onCancel={() => {}} />);
  // jsdom has no showModal: the dialog stays closed, so its contents count as hidden.
  const hidden = { hidden: true };
  return {
    onLink,
    search: (text: string) => fireEvent.change(screen.getByLabelText('Find claim'), { target: { value: text } }),
    pressEnter: () => fireEvent.submit(screen.getByRole('button', { ...hidden, name: 'Link' }).closest('form')!),
    clickLink: () => fireEvent.click(screen.getByRole('button', { ...hidden, name: 'Link' })),
    selected: () => screen.queryAllByRole('option', { ...hidden, selected: true }).map((o) => o.textContent),
    alert: () => screen.queryByRole('alert', hidden)?.textContent,
  };
}

describe('Link to claim', () => {
  it('comes with the claim chosen in the panel selected, and links to it', () => {
    const picker = openPicker('kirby');
    expect(picker.selected()).toEqual([expect.stringContaining('1,000 containers')]);
    picker.clickLink();
    expect(picker.onLink).toHaveBeenCalledWith('kirby', 'supports', '');
  });

  it('links to nothing while the search hides the chosen claim, by Enter or by the button', () => {
    const picker = openPicker('kirby');
    picker.search('berth');
    expect(picker.selected()).toEqual([]);
    picker.pressEnter();
    picker.clickLink();
    expect(picker.onLink).not.toHaveBeenCalled();
    expect(picker.alert()).toBe('Choose one of the claims shown to link to; nothing was linked.');

    fireEvent.click(screen.getByRole('option', { hidden: true, name: /berth B1/ }));
    expect(picker.alert()).toBeUndefined();
    picker.pressEnter();
    expect(picker.onLink).toHaveBeenCalledWith('berth', 'supports', '');
  });

  it('takes the choice back once the search shows it again', () => {
    const picker = openPicker('kirby');
    picker.search('berth');
    picker.search('');
    picker.pressEnter();
    expect(picker.onLink).toHaveBeenCalledWith('kirby', 'supports', '');
  });
});
