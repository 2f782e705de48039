// Zoom and cursor position in image pixels; subscribes to the view status alone.
import { useViewStatus } from '../../canvas/viewStatus';
import type { ImageRecord } from '../../model/records';

export function StatusBar({ image, boxCount }: { image: ImageRecord; boxCount: number }) {
  const scale = useViewStatus((s) => s.scale);
  const cursor = useViewStatus((s) => s.cursor);
  const inside = cursor && cursor.x >= 0 && cursor.y >= 0 && cursor.x <= image.width && cursor.y <= image.height;
  return (
    <div className="status-bar" aria-label="View status">
      <span aria-label="Zoom level">Zoom {Math.round(scale * 1000) / 10}%</span>
      <span aria-label="Cursor position">{inside ? `x ${Math.floor(cursor.x)}, y ${Math.floor(cursor.y)} px` : 'x –, y –'}</span>
      <span>
        {image.fileName} · {image.width} × {image.height} px · {boxCount} boxes
      </span>
    </div>
  );
}
