// The time axis: tick labels along the top and grid lines down through the lanes.
import { timeTicks, type TimeDomain } from '../../model/timeline';
import { AXIS_HEIGHT, timeToX } from './marks';

/** Room a tick label needs ("Sep 2023" plus a gap), which sets how many ticks fit. */
const TICK_SPACING_PX = 90;

interface TimelineAxisProps {
  domain: TimeDomain;
  width: number;
  height: number;
}

export function TimelineAxis({ domain, width, height }: TimelineAxisProps) {
  const ticks = timeTicks(domain, Math.max(2, Math.floor(width / TICK_SPACING_PX)));
  return (
    <g className="tl-axis" aria-hidden="true">
      <rect className="tl-axis-bg" x={0} y={0} width={width} height={AXIS_HEIGHT} />
      {ticks.map((t) => {
        const x = Math.round(timeToX(domain, width, t.ms)) + 0.5;
        // New Year lines stand out, so months and days still read against their year.
        const d = new Date(t.ms);
        const yearStart = d.getUTCMonth() === 0 && d.getUTCDate() === 1;
        return (
          <g key={t.ms}>
            <line className={yearStart ? 'tl-grid tl-grid-year' : 'tl-grid'} x1={x} x2={x} y1={AXIS_HEIGHT - 6} y2={height} />
            <text className="tl-tick" x={x + 4} y={14}>{t.label}</text>
            {t.context && <text className="tl-tick-context" x={x + 4} y={27}>{t.context}</text>}
          </g>
        );
      })}
      <line className="tl-axis-line" x1={0} x2={width} y1={AXIS_HEIGHT + 0.5} y2={AXIS_HEIGHT + 0.5} />
    </g>
  );
}
