// Tools, undo/redo, zoom and the label for new boxes. Every button's name is part of the
// product's contract with scripts and tests: keep them stable.
import { requestView } from '../../canvas/viewRequests';
import { effectiveLabel, type LabelDef } from '../../model/labels';
import type { Tool } from '../../state/session';
import { useHistoryState, useServices, useSession } from '../app/services';
import type { AnnotateActions } from './useAnnotateActions';

const TOOLS: { tool: Tool; name: string; key: string }[] = [
  { tool: 'select', name: 'Select tool', key: 'V' },
  { tool: 'box', name: 'Box tool', key: 'B' },
  { tool: 'hand', name: 'Hand tool', key: 'H' },
];

export function Toolbar({ actions, labels }: { actions: AnnotateActions; labels: readonly LabelDef[] }) {
  const { session } = useServices();
  const tool = useSession((s) => s.tool);
  const activeLabel = effectiveLabel(useSession((s) => s.activeLabel), labels);
  const history = useHistoryState();
  return (
    <div className="toolbar" role="toolbar" aria-label="Annotation tools">
      {TOOLS.map((t) => (
        <button key={t.tool} aria-pressed={tool === t.tool} title={`${t.name} (${t.key})`} onClick={() => session.getState().setTool(t.tool)}>
          {t.name}
        </button>
      ))}
      <span className="sep" />
      <button disabled={!history.canUndo} title={history.undoLabel ? `Undo ${history.undoLabel} (Ctrl+Z)` : 'Undo (Ctrl+Z)'} onClick={() => void actions.undo()}>
        Undo
      </button>
      <button disabled={!history.canRedo} title={history.redoLabel ? `Redo ${history.redoLabel} (Ctrl+Shift+Z)` : 'Redo (Ctrl+Shift+Z)'} onClick={() => void actions.redo()}>
        Redo
      </button>
      <span className="sep" />
      <button title="Zoom in (+)" onClick={() => requestView('zoom-in')}>
        Zoom in
      </button>
      <button title="Zoom out (-)" onClick={() => requestView('zoom-out')}>
        Zoom out
      </button>
      <button title="Fit the image (0)" onClick={() => requestView('zoom-fit')}>
        Fit
      </button>
      <button title="Actual pixels (1)" onClick={() => requestView('zoom-actual')}>
        100%
      </button>
      <span className="sep" />
      <label className="field-inline">
        Label
        <select
          aria-label="Label for new boxes"
          value={activeLabel}
          onChange={(e) => {
            session.getState().setActiveLabel(e.target.value);
            e.target.blur(); // give the keys back to the canvas: arrows nudge boxes, not labels
          }}
        >
          {labels.map((l, i) => (
            <option key={l.name} value={l.name}>
              {l.name}
              {i < 9 ? ` (Shift+${i + 1})` : ''}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
