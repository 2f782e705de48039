// What the shapes mean, drawn with the same classes as the marks so the two cannot drift apart.
const ENTRIES = [
  { label: 'Claim date', kind: 'claim-date', shape: <path className="tl-shape" d="M7,1L13,7L7,13L1,7Z" /> },
  { label: 'Claim period', kind: 'claim-period', shape: <rect className="tl-shape" x={0} y={5} width={22} height={4} rx={2} /> },
  { label: 'Image (captured)', kind: 'image', shape: <circle className="tl-shape" cx={7} cy={7} r={5.5} /> },
  { label: 'Image (released; capture date unknown)', kind: 'image tl-released', shape: <circle className="tl-shape" cx={7} cy={7} r={5.5} /> },
] as const;

export function TimelineLegend() {
  return (
    <ul className="tl-legend" aria-label="Legend">
      {ENTRIES.map((e) => (
        <li key={e.label}>
          <svg className={`tl-${e.kind}`} width={e.kind === 'claim-period' ? 22 : 14} height={14} aria-hidden="true">{e.shape}</svg>
          {e.label}
        </li>
      ))}
    </ul>
  );
}
