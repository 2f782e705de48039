// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Timeline } from '../../../src/features/timeline/Timeline';
import type { ClaimRecord, ImageRecord } from '../../../src/model/records';

// jsdom has no ResizeObserver (and no layout): the timeline then draws at its default width.
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
beforeAll(() => vi.stubGlobal('ResizeObserver', NoopResizeObserver));
afterAll(() => vi.unstubAllGlobals());
afterEach(cleanup);

function claim(id: string, statement: string, claimedAt: string, tags: string[], period = { from: '', to: '' }): ClaimRecord {
  return {
    id, caseId: 'case', statement, claimant: 'John Kirby', role: 'NSC spokesman', claimedAt, period,
    source: { title: '', publisher: '', url: '', accessedAt: '' }, quantity: null, tags, notes: '', createdAt: '', updatedAt: '',
  };
}

function image(id: string, title: string, capturedAt: string, releasedAt: string): ImageRecord {
  return {
    id, caseId: 'case', fileName: `${id}.png`, mediaType: 'image/png', byteLength: 1, width: 1, height: 1, sha256: '',
    source: { title, publisher: '', url: '', credit: '', licence: '' }, releasedAt, capturedAt, gsdMeters: null, notes: '', addedAt: '', addedBy: '',
  };
}

const claims = [
  claim('c1', 'More than 1,000 containers have been delivered', '2023-10-13', ['shipments'], { from: '2023-09', to: '' }),
  claim('c2', 'The port saw a sharp rise in traffic', '2023', ['ports']),
  claim('c3', 'A rail route was opened', '', ['rail'], { from: '2023-12', to: '' }),
  claim('c4', 'Undated and about no period', '', ['rail']),
];
const images = [image('i1', 'Rajin port', '2023-10', ''), image('i2', '', '', '2023-11-02')];

function renderTimeline(c = claims, i = images) {
  const onOpenClaim = vi.fn();
  const onOpenImage = vi.fn();
  render(<Timeline claims={c} images={i} onOpenClaim={onOpenClaim} onOpenImage={onOpenImage} />);
  return { onOpenClaim, onOpenImage };
}

describe('Timeline', () => {
  it('is a region named Timeline with a named, keyboard-focusable item per dated record', () => {
    renderTimeline();
    expect(screen.getByRole('region', { name: 'Timeline' })).toBeTruthy();
    const names = [
      'Claim: More than 1,000 containers have been delivered — claimed 2023-10-13',
      'Claim: The port saw a sharp rise in traffic — claimed 2023',
      'Claim: A rail route was opened — about 2023-12 to open',
      'Image: Rajin port — captured 2023-10',
      'Image: i2.png — released 2023-11-02',
    ];
    for (const name of names) expect(screen.getByRole('button', { name }).getAttribute('tabindex')).toBe('0');
    expect(screen.queryByRole('button', { name: /Undated/ })).toBeNull();
    // A claim with a date is one tab stop: its period bar is not a second one.
    expect(screen.getAllByRole('button', { name: /^Claim: More than 1,000/ })).toHaveLength(1);
  });

  it('opens a claim with Enter or Space and an image with a click', () => {
    const { onOpenClaim, onOpenImage } = renderTimeline();
    fireEvent.keyDown(screen.getByRole('button', { name: /^Claim: More than 1,000/ }), { key: 'Enter' });
    expect(onOpenClaim).toHaveBeenCalledWith('c1');
    fireEvent.keyDown(screen.getByRole('button', { name: /^Claim: A rail route/ }), { key: ' ' });
    expect(onOpenClaim).toHaveBeenLastCalledWith('c3');
    fireEvent.click(screen.getByRole('button', { name: /^Image: Rajin port/ }));
    expect(onOpenImage).toHaveBeenCalledWith('i1');
  });

  it('shows the details of the focused item: full dates, claimant and period', () => {
    renderTimeline();
    const item = screen.getByRole('button', { name: /^Claim: More than 1,000/ });
    fireEvent.focus(item);
    const details = screen.getByRole('tooltip');
    expect(details.textContent).toContain('John Kirby, NSC spokesman');
    expect(details.textContent).toContain('Claimed 13 October 2023');
    expect(details.textContent).toContain('About September 2023 onwards');
    expect(item.getAttribute('aria-describedby')).toBe(details.id);
    fireEvent.blur(item);
    expect(screen.queryByRole('tooltip')).toBeNull();
    fireEvent.focus(screen.getByRole('button', { name: /^Image: i2.png/ }));
    expect(screen.getByRole('tooltip').textContent).toContain('Released 2 November 2023 (capture date unknown)');
  });

  it('filters claims by tag, keeping the images', () => {
    renderTimeline();
    const tag = screen.getByRole('combobox', { name: 'Tag' });
    expect([...tag.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['All tags', 'ports', 'rail', 'shipments']);
    fireEvent.change(tag, { target: { value: 'ports' } });
    expect(screen.getByRole('button', { name: /^Claim: The port/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Claim: More than 1,000/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Claim: A rail route/ })).toBeNull();
    expect(screen.getByRole('button', { name: /^Image: Rajin port/ })).toBeTruthy();
    fireEvent.change(tag, { target: { value: '' } });
    expect(screen.getByRole('button', { name: /^Claim: More than 1,000/ })).toBeTruthy();
  });

  it('zooms with its buttons and fits again', () => {
    renderTimeline();
    const fit = screen.getByRole('button', { name: 'Fit timeline' });
    const ticks = () => [...document.querySelectorAll('.tl-tick')].map((t) => t.textContent).join(' ');
    const fitted = ticks();
    for (let i = 0; i < 4; i++) fireEvent.click(screen.getByRole('button', { name: 'Zoom in timeline' }));
    expect(ticks()).not.toBe(fitted);
    fireEvent.click(fit);
    expect(ticks()).toBe(fitted);
    fireEvent.click(screen.getByRole('button', { name: 'Zoom out timeline' }));
    expect(ticks()).not.toBe(fitted);
  });

  it('says what to do when nothing has a date', () => {
    renderTimeline([claim('u', 'Undated', '', [])], [image('n', 'No dates', '', '')]);
    const region = screen.getByRole('region', { name: 'Timeline' });
    expect(region.textContent).toBe('No dated claims or images yet: add a date claimed or an image capture date.');
    expect(screen.queryByRole('button')).toBeNull();
  });
});
