// "Import annotations": COCO, Pascal VOC, YOLO or DOTA files onto the case's images, matched by
// file name, with a report of what matched, what did not, and images the files name but the case
// does not hold.
import { useState } from 'react';
import { readAnnotationFiles } from '../../bundle/readAnnotationFiles';
import { listImages } from '../../db/images';
import { getCase } from '../../db/cases';
import { caseLabels } from '../../model/labels';
import { formatBytes } from '../../model/limits';
import { chooseFiles } from '../../platform/fileChooser';
import { importAnnotations, type AnnotationImportReport } from '../../state/importAnnotations';
import { useServices, useSession } from '../app/services';

const MAX_ANNOTATION_FILE_BYTES = 50 * 1024 * 1024;

export function ImportAnnotationsButton() {
  const services = useServices();
  const caseId = useSession((s) => s.caseId);
  const [reports, setReports] = useState<AnnotationImportReport[] | null>(null);

  const run = async () => {
    if (!caseId) return;
    const files = await chooseFiles('.json,.xml,.txt', true);
    if (!files.length) return;
    const tooBig = files.filter((f) => f.size > MAX_ANNOTATION_FILE_BYTES);
    const texts = await Promise.all(files.filter((f) => !tooBig.includes(f)).map(async (f) => ({ name: f.name, text: await f.text() })));
    const images = await listImages(services.db, caseId);
    const labels = caseLabels(await getCase(services.db, caseId)).map((l) => l.name);
    const result = await importAnnotations(services, caseId, readAnnotationFiles(texts, images, labels));
    setReports([
      ...tooBig.map((f) => ({ file: f.name, format: 'unknown' as const, matched: [], absent: [], problems: [`${f.name} is ${formatBytes(f.size)}, over the 50 MiB limit; it was not read.`] })),
      ...result,
    ]);
  };

  const placed = reports?.reduce((n, r) => n + r.matched.reduce((m, x) => m + x.boxes, 0), 0) ?? 0;
  const troubles = reports?.filter((r) => r.absent.length || r.problems.length) ?? [];
  return (
    <>
      <button onClick={() => void run()} disabled={!caseId} title="COCO (.json), Pascal VOC (.xml), YOLO (.txt with classes.txt) or DOTA (.txt)">
        Import annotations
      </button>
      {reports && (
        <div className="import-report">
          <div role="status" className="info">
            <p>
              Placed {placed} {placed === 1 ? 'box' : 'boxes'} from {reports.length} {reports.length === 1 ? 'file' : 'files'}
              {placed ? ' (one undo step)' : ''}.
            </p>
            {reports.flatMap((r) => r.matched.map((m) => <p key={`${r.file}:${m.fileName}`}>{`${r.file} (${r.format}): ${m.boxes} on ${m.fileName}`}</p>))}
          </div>
          {troubles.length > 0 && (
            <div role="alert" className="error">
              {troubles.map((r) => (
                <div key={r.file}>
                  {r.absent.length > 0 && <p>{`${r.file}: images not in this case: ${r.absent.join(', ')}`}</p>}
                  {r.problems.map((p, i) => (
                    <p key={i}>{`${r.file}: ${p}`}</p>
                  ))}
                </div>
              ))}
            </div>
          )}
          <button className="link" onClick={() => setReports(null)}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}
