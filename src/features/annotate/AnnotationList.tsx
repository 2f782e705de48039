// The open image's boxes: counts per label, and a virtualized list in which a click selects
// and centres a box (Shift or Ctrl adds to the selection). From the keyboard the list is one tab
// stop: the arrows, Page Up/Down, Home and End select and centre the next box (with Shift, add
// it to the selection), Space adds or removes the active box, Enter selects it alone.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { byCreation } from '../../model/creationOrder';
import { labelColor, type LabelDef } from '../../model/labels';
import type { Annotation, Id } from '../../model/records';
import { useServices, useSession } from '../app/services';
import { listboxStep } from '../common/listboxKeys';

const ROW_HEIGHT = 28;

export function AnnotationList({ annotations, labels }: { annotations: readonly Annotation[]; labels: readonly LabelDef[] }) {
  const { session } = useServices();
  const selectedIds = useSession((s) => s.selectedIds);
  const selected = useMemo(() => new Set(selectedIds), [selectedIds]);
  const sorted = useMemo(() => [...annotations].sort(byCreation), [annotations]);
  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const a of annotations) m.set(a.label, (m.get(a.label) ?? 0) + 1);
    return [...m].sort((a, b) => b[1] - a[1]);
  }, [annotations]);
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer's functions change identity every render; the React Compiler must not memoize around it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({ count: sorted.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });

  const [activeId, setActiveId] = useState<Id | null>(null);
  const activeIndex = activeId === null ? -1 : sorted.findIndex((a) => a.id === activeId);

  const choose = (a: Annotation, additive: boolean) => {
    const s = session.getState();
    if (additive) s.toggleSelected(a.id);
    else s.select([a.id]);
    s.focus(a.id);
    setActiveId(a.id);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const from = activeIndex >= 0 ? activeIndex : sorted.findIndex((a) => selected.has(a.id));
    const active = sorted[from];
    const pageRows = Math.floor((scroller.current?.clientHeight ?? 0) / ROW_HEIGHT);
    const to = listboxStep(e.key, from, sorted.length, pageRows);
    if (to !== null) {
      const next = sorted[to]!;
      if (e.shiftKey && !selected.has(next.id)) choose(next, true);
      else if (e.shiftKey) setActiveId(next.id);
      else choose(next, false);
      virtual.scrollToIndex(to);
    } else if (e.key === ' ' && active) choose(active, true);
    else if (e.key === 'Enter' && active) choose(active, false);
    else return;
    // Handled here: the annotation view's shortcuts (arrows move boxes) leave it alone.
    e.preventDefault();
  };

  return (
    <section className="annotation-panel" aria-label="Boxes of this image">
      <h2>
        Boxes <span className="muted">({annotations.length})</span>
      </h2>
      <table className="label-counts" aria-label="Counts per label">
        <tbody>
          {counts.map(([label, n]) => (
            <tr key={label}>
              <td>
                <span className="swatch" style={{ background: labelColor(labels, label) }} /> {label}
              </td>
              <td className="num">{n}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div
        ref={scroller}
        className="annotation-scroller"
        role="listbox"
        aria-label="Annotations"
        aria-multiselectable="true"
        tabIndex={0}
        aria-activedescendant={activeIndex >= 0 ? rowId(sorted[activeIndex]!) : undefined}
        onKeyDown={onKeyDown}
      >
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {virtual.getVirtualItems().map((row) => {
            const a = sorted[row.index]!;
            return (
              <div
                key={a.id}
                id={rowId(a)}
                role="option"
                aria-selected={selected.has(a.id)}
                className={row.index === activeIndex ? 'annotation-row active' : 'annotation-row'}
                style={{ position: 'absolute', top: row.start, height: ROW_HEIGHT, left: 0, right: 0 }}
                onClick={(e) => choose(a, e.shiftKey || e.ctrlKey || e.metaKey)}
              >
                <span className="swatch" style={{ background: labelColor(labels, a.label) }} />
                <span className="row-label">{a.label}</span>
                <span className="row-name">{a.attributes.name ?? (a.attributes.count !== undefined ? `×${a.attributes.count}` : '')}</span>
                <span className="row-size muted">
                  {Math.round(a.geometry.width)}×{Math.round(a.geometry.height)}
                  {a.geometry.rotation ? ` ${Math.round(a.geometry.rotation)}°` : ''}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}

const rowId = (a: Annotation) => `annotation-row-${a.id}`;
