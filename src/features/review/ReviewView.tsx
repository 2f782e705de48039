// The reviewer's comparison of two annotators on an image of the case: choose the image, the two
// sides (authors in the case, or in a bundle file read for comparison only) and the matching
// threshold; see the figures, the boxes overlaid or side by side (pan
// and zoom together), the differences most severe first (n and p step through them, each
// centred in view), a verdict on each, and agreement for the whole case.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { caseFileStem } from '../../bundle/annotationExport';
import { takesLetters } from '../../canvas/textEntry';
import { useImageElement } from '../../canvas/useImageElement';
import { getCase } from '../../db/cases';
import { imageBytes } from '../../db/images';
import { reviewsOfImage } from '../../db/reviews';
import { DEFAULT_MATCH_THRESHOLD } from '../../model/review/matchBoxes';
import type { Verdict } from '../../model/records';
import { recordVerdict } from '../../state/reviewCommands';
import { useServices, useSession } from '../app/services';
import { AgreementSummary } from './AgreementSummary';
import { CaseAgreementTable } from './CaseAgreementTable';
import { SIDE_A_STYLE, SIDE_B_STYLE, type Side } from './CompareCanvas';
import { CompareCanvases, type Layout } from './CompareCanvases';
import { DifferenceList } from './DifferenceList';
import { differenceKey } from './reviewWords';
import { BundlePicker } from './BundlePicker';
import { useComparison, type BoxSource, type ComparedBundle, type ComparisonChoice } from './useComparison';
import { VerdictForm } from './VerdictForm';

const sourceName = (source: BoxSource, bundle: ComparedBundle | null) => (source.fromBundle ? `${source.author} (bundle ${bundle?.fileName ?? ''})` : source.author);

export function ReviewView() {
  const services = useServices();
  const { db } = services;
  const caseId = useSession((s) => s.caseId);
  const openImageId = useSession((s) => s.imageId);
  const [choice, setChoice] = useState<ComparisonChoice>({ imageId: openImageId, sourceA: null, sourceB: null, threshold: DEFAULT_MATCH_THRESHOLD });
  const [bundle, setBundle] = useState<ComparedBundle | null>(null);
  const { images, sources, image, sourceA, sourceB, current, agreement } = useComparison(caseId, choice, bundle);
  // Verdicts name stored boxes, so they are recorded only between two authors of the case.
  const authorA = sourceA && !sourceA.fromBundle ? sourceA.author : null;
  const authorB = sourceB && !sourceB.fromBundle ? sourceB.author : null;
  const caseRecord = useLiveQuery(async () => (caseId ? getCase(db, caseId) : undefined), [db, caseId]);
  const blob = useLiveQuery(async () => (image ? imageBytes(db, image.sha256) : undefined), [db, image?.sha256]);
  const loaded = useImageElement(blob);
  const reviews = useLiveQuery(async () => (image ? reviewsOfImage(db, image.id) : []), [db, image?.id]);
  const verdicts = new Map((reviews ?? []).filter((r) => r.authorA === authorA && r.authorB === authorB).map((r) => [differenceKey(r.aBoxId, r.bBoxId), r]));

  const [layout, setLayout] = useState<Layout>('overlay');
  const [show, setShow] = useState({ a: true, b: true });
  const [at, setAt] = useState(0);
  // Each choice of a difference asks the canvases to centre it (0: nothing asked yet).
  const [centreRequest, setCentreRequest] = useState(0);

  const differences = current?.differences ?? [];
  const index = Math.min(at, Math.max(differences.length - 1, 0));
  const difference = differences[index];
  const choose = (i: number) => {
    if (!differences[i]) return;
    setAt(i);
    setCentreRequest((n) => n + 1);
  };
  const step = (by: number) => differences.length && choose((index + by + differences.length) % differences.length);
  const stepRef = useRef(step);
  useEffect(() => {
    stepRef.current = step;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || takesLetters(e.target) || document.querySelector('dialog[open]')) return;
      if (e.key === 'n' || e.key === 'p') {
        e.preventDefault();
        stepRef.current(e.key === 'n' ? 1 : -1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const saveVerdict = (verdict: Verdict, comment: string) => {
    if (!difference || !image || !caseId || !authorA || !authorB) return;
    void recordVerdict(services, { caseId, imageId: image.id, authorA, authorB, kind: difference.kind, aBoxId: difference.aId, bBoxId: difference.bId, verdict, comment });
  };
  const pick = (patch: Partial<ComparisonChoice>) => {
    setChoice({ ...choice, imageId: image?.id ?? null, sourceA: sourceA?.key ?? null, sourceB: sourceB?.key ?? null, ...patch });
    setAt(0);
    setCentreRequest(0);
  };
  const bundlePicker = (
    <BundlePicker
      bundle={bundle}
      caseImages={images}
      onBundle={(b) => {
        setBundle(b);
        setChoice({ ...choice, sourceB: null });
        setAt(0);
        setCentreRequest(0);
      }}
    />
  );

  if (!caseId) return <p className="muted">Open a case to review it.</p>;
  if (sources.length < 2) {
    return (
      <div className="review-empty">
        <p className="muted">
          Comparing needs boxes by two authors. Import a colleague&apos;s bundle into this case (“Import bundle”, then “Into the open case”): imported boxes keep their author. Or
          compare this case with a bundle file without importing it.
        </p>
        {bundlePicker}
      </div>
    );
  }
  const sourceOptions = sources.map((s) => (
    <option key={s.key} value={s.key}>
      {s.fromBundle ? `${s.author} (bundle)` : s.author}
    </option>
  ));

  const emphasised = new Set(differences.flatMap((d) => [d.aId, d.bId].filter((id) => id !== null)));
  const sideA: Side = { boxes: current?.a ?? [], ...SIDE_A_STYLE };
  const sideB: Side = { boxes: current?.b ?? [], ...SIDE_B_STYLE };
  return (
    <div className="review-view">
      <div className="review-controls" role="group" aria-label="Comparison">
        <label>
          Image{' '}
          <select aria-label="Image" value={image?.id ?? ''} onChange={(e) => pick({ imageId: e.target.value })}>
            {images.map((i) => (
              <option key={i.id} value={i.id}>
                {i.fileName}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="swatch-a">A</span>{' '}
          <select aria-label="Side A" value={sourceA?.key ?? ''} onChange={(e) => pick({ sourceA: e.target.value })}>
            {sourceOptions}
          </select>
        </label>
        <label>
          <span className="swatch-b">B</span>{' '}
          <select aria-label="Side B" value={sourceB?.key ?? ''} onChange={(e) => pick({ sourceB: e.target.value })}>
            {sourceOptions}
          </select>
        </label>
        <label>
          Match at IoU ≥{' '}
          <input
            aria-label="Match threshold"
            type="number"
            min={0.05}
            max={1}
            step={0.05}
            value={choice.threshold}
            onChange={(e) => {
              const t = Number(e.target.value);
              if (t > 0 && t <= 1) pick({ threshold: t });
            }}
          />
        </label>
        <span role="radiogroup" aria-label="Layout">
          <label>
            <input type="radio" name="layout" checked={layout === 'overlay'} onChange={() => setLayout('overlay')} /> Overlay
          </label>
          <label>
            <input type="radio" name="layout" checked={layout === 'side-by-side'} onChange={() => setLayout('side-by-side')} /> Side by side
          </label>
        </span>
        {layout === 'overlay' && (
          <>
            <label>
              <input type="checkbox" checked={show.a} onChange={(e) => setShow({ ...show, a: e.target.checked })} /> Show A
            </label>
            <label>
              <input type="checkbox" checked={show.b} onChange={(e) => setShow({ ...show, b: e.target.checked })} /> Show B
            </label>
          </>
        )}
      </div>
      {bundlePicker}
      {sourceA === sourceB && <p role="alert">Choose two different sides.</p>}
      <div className="review-body">
        {image && (
          <CompareCanvases
            image={image}
            element={loaded.status === 'ready' ? loaded.element : null}
            layout={layout}
            panes={
              layout === 'overlay'
                ? [{ label: 'A and B overlaid', sides: [...(show.a ? [sideA] : []), ...(show.b ? [sideB] : [])] }]
                : [
                    { label: `A: ${sourceA?.author}`, sides: [sideA] },
                    { label: `B: ${sourceB?.author}`, sides: [sideB] },
                  ]
            }
            emphasised={emphasised}
            ring={difference?.bounds ?? null}
            centre={centreRequest && difference ? { rect: difference.bounds, request: centreRequest } : null}
          />
        )}
        <aside className="review-side">
          {current && <AgreementSummary figures={current.figures} />}
          <h3>
            Differences {differences.length ? `${index + 1} of ${differences.length}` : ''} <span className="muted small">(n / p)</span>
          </h3>
          <DifferenceList differences={differences} verdicts={verdicts} current={index} onChoose={choose} />
          {difference && !(authorA && authorB) && <p className="muted small">Verdicts are recorded on boxes stored in this case: import the bundle into the case to record them.</p>}
          {difference && authorA && authorB && (
            <VerdictForm
              key={`${differenceKey(difference.aId, difference.bId)}:${verdicts.get(differenceKey(difference.aId, difference.bId))?.updatedAt ?? ''}`}
              difference={difference}
              recorded={verdicts.get(differenceKey(difference.aId, difference.bId))}
              onSave={saveVerdict}
            />
          )}
        </aside>
      </div>
      {sourceA && sourceB && (
        <CaseAgreementTable agreement={agreement} fileStem={caseFileStem(caseRecord?.name ?? 'case')} sideA={sourceName(sourceA, bundle)} sideB={sourceName(sourceB, bundle)} />
      )}
    </div>
  );
}
