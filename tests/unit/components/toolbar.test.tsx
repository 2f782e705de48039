// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Toolbar } from '../../../src/features/annotate/Toolbar';
import type { AnnotateActions } from '../../../src/features/annotate/useAnnotateActions';
import { DEFAULT_LABELS } from '../../../src/model/labels';
import { renderWithServices } from './renderWithServices';

afterEach(cleanup);

const calls: string[] = [];
const actions = {
  undo: async () => calls.push('undo'),
  redo: async () => calls.push('redo'),
} as unknown as AnnotateActions;

describe('Toolbar', () => {
  it('offers the named tools and shows which is active', () => {
    const { services } = renderWithServices(<Toolbar actions={actions} labels={DEFAULT_LABELS} />);
    expect(screen.getByRole('button', { name: 'Select tool' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Box tool' }));
    expect(services.session.getState().tool).toBe('box');
    expect(screen.getByRole('button', { name: 'Box tool' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Select tool' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('enables Undo only when there is something to undo, and names it', async () => {
    const { services } = renderWithServices(<Toolbar actions={actions} labels={DEFAULT_LABELS} />);
    const undo = screen.getByRole('button', { name: 'Undo' }) as HTMLButtonElement;
    expect(undo.disabled).toBe(true);
    const caseId = crypto.randomUUID();
    await act(() =>
      services.history.run(async () => ({
        label: 'Rename case',
        changes: [{ table: 'cases', id: caseId, caseId, before: null, after: { id: caseId, name: 'x', description: '', labels: [], createdAt: '', updatedAt: '' } }],
      })),
    );
    expect(undo.disabled).toBe(false);
    expect(undo.title).toBe('Undo Rename case (Ctrl+Z)');
    fireEvent.click(undo);
    expect(calls).toContain('undo');
    expect((screen.getByRole('button', { name: 'Redo' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('lists the labels with their Shift+digit keys', () => {
    renderWithServices(<Toolbar actions={actions} labels={DEFAULT_LABELS} />);
    const options = screen.getByRole('combobox', { name: 'Label for new boxes' }).querySelectorAll('option');
    expect([...options].map((o) => o.textContent)).toEqual(DEFAULT_LABELS.map((l, i) => `${l.name} (Shift+${i + 1})`));
  });
});
