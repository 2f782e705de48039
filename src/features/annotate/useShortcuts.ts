// Keyboard shortcuts of the annotation view (listed in the README). Keys typed into a field or
// while a dialog is open are left alone.
import { useEffect } from 'react';
import { isTextEntry } from '../../canvas/textEntry';
import { requestView } from '../../canvas/viewRequests';
import { MAX_LABEL_SHORTCUTS, type LabelDef } from '../../model/labels';
import type { SessionStore } from '../../state/session';
import type { AnnotateActions } from './useAnnotateActions';

export function useShortcuts(actions: AnnotateActions, session: SessionStore, labels: readonly LabelDef[]) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTextEntry(e.target) || document.querySelector('dialog[open]')) return;
      const run = handlerFor(e, actions, session, labels);
      if (run) {
        e.preventDefault();
        void run();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions, session, labels]);
}

type Handler = () => unknown;

function handlerFor(e: KeyboardEvent, actions: AnnotateActions, session: SessionStore, labels: readonly LabelDef[]): Handler | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  const s = session.getState();
  if (mod) {
    if (key === 'z') return e.shiftKey ? actions.redo : actions.undo;
    if (key === 'y') return actions.redo;
    if (key === 'd') return () => actions.duplicate();
    // With text selected, Ctrl+C copies the text, not boxes.
    if (key === 'c') return window.getSelection()?.isCollapsed === false ? null : () => actions.copy();
    if (key === 'v') return () => actions.paste();
    if (key === 'a') return () => actions.selectAll();
    return null;
  }
  if (e.altKey) return null;
  const digit = /^Digit([1-9])$/.exec(e.code);
  if (digit && e.shiftKey) {
    const label = labels[Number(digit[1]) - 1];
    return label && Number(digit[1]) <= MAX_LABEL_SHORTCUTS ? () => actions.chooseLabel(label.name) : null;
  }
  const step = e.shiftKey ? 10 : 1;
  switch (e.key) {
    case 'v':
    case 'V':
      return () => s.setTool('select');
    case 'b':
    case 'B':
      return () => s.setTool('box');
    case 'h':
    case 'H':
      return () => s.setTool('hand');
    case 'l':
    case 'L':
      return s.selectedIds.length ? () => s.setLinking(true) : null;
    case 'Delete':
    case 'Backspace':
      return () => actions.deleteSelected();
    case 'Escape':
      return () => s.select([]);
    case 'ArrowLeft':
      return () => actions.nudge(-step, 0);
    case 'ArrowRight':
      return () => actions.nudge(step, 0);
    case 'ArrowUp':
      return () => actions.nudge(0, -step);
    case 'ArrowDown':
      return () => actions.nudge(0, step);
    case '+':
    case '=':
      return () => requestView('zoom-in');
    case '-':
    case '_':
      return () => requestView('zoom-out');
    case '0':
      return () => requestView('zoom-fit');
    case '1':
      return () => requestView('zoom-actual');
    default:
      return null;
  }
}
