// Zoom, cursor position in image pixels, and how many boxes there are and are selected;
// subscribes to the view status and the selection's size alone.
import { useViewStatus } from '../../canvas/viewStatus';
import type { ImageRecord } from '../../model/records';
import { useSession } from '../app/services';

export function StatusBar({ image, boxCount }: { image: ImageRecord; boxCount: number }) {
  const scale = useViewStatus((s) => s.scale);
  const cursor = useViewStatus((s) => s.cursor);
  const selected = useSession((s) => s.selectedIds.length);
  const inside = cursor && cursor.x >= 0 && cursor.y >= 0 && cursor.x <= image.width && cursor.y <= image.height;
  return (
    <div className="status-bar" aria-label="View status">
      <span aria-label="Zoom level">Zoom {Math.round(scale * 1000) / 10}%</span>
      <span aria-label="Cursor position">{inside ? `x ${Math.floor(cursor.x)}, y ${Math.floor(cursor.y)} px` : 'x –, y –'}</span>
      <span>
        {image.fileName} · {image.width} × {image.height} px · {boxCount} boxes
      </span>
      {selected > 0 && <span aria-label="Selection">{selected} selected</span>}
    </div>
  );
}
