"use client";
/**
 * A small map drawn as SVG from the app's own data (no tiles, no map library, so it works
 * offline and costs almost no script): grid outlines, must-reach points with their radius,
 * the phone's position with its accuracy. With `onPick`, a tap moves the marked point.
 */
import type { MultiPolygon, Polygon } from "geojson";

export interface MapPoint {
  lat: number;
  lng: number;
  radiusM?: number;
  label?: string;
  done?: boolean;
}

const M_PER_DEG = 111_320;

export function MiniMap({
  areas,
  points = [],
  me,
  mark,
  onPick,
  height = 200,
  label,
}: {
  areas: (Polygon | MultiPolygon)[];
  points?: MapPoint[];
  me?: { lat: number; lng: number; accuracyM: number | null } | null;
  mark?: { lat: number; lng: number } | null;
  onPick?: (p: { lat: number; lng: number }) => void;
  height?: number;
  label: string;
}) {
  const coords: [number, number][] = [];
  for (const a of areas)
    for (const poly of a.type === "Polygon" ? [a.coordinates] : a.coordinates)
      for (const ring of poly) for (const [x, y] of ring) coords.push([x, y]);
  for (const p of [...points, ...(me ? [me] : []), ...(mark ? [mark] : [])]) coords.push([p.lng, p.lat]);
  if (!coords.length) return null;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of coords)
    [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
  const pad = Math.max(maxX - minX, maxY - minY, 0.004) * 0.15;
  [minX, minY, maxX, maxY] = [minX - pad, minY - pad, maxX + pad, maxY + pad];
  const kx = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const W = 1000;
  const H = Math.max(200, Math.round((W * (maxY - minY)) / ((maxX - minX) * kx)));
  const px = (lng: number) => ((lng - minX) / (maxX - minX)) * W;
  const py = (lat: number) => ((maxY - lat) / (maxY - minY)) * H;
  const metres = (m: number) => (m / (M_PER_DEG * kx) / (maxX - minX)) * W;
  const path = (a: Polygon | MultiPolygon) =>
    (a.type === "Polygon" ? [a.coordinates] : a.coordinates)
      .flatMap((poly) =>
        poly.map((ring) => "M" + ring.map(([x, y]) => `${px(x).toFixed(1)},${py(y).toFixed(1)}`).join("L") + "Z"),
      )
      .join("");

  const pick = (e: React.MouseEvent<SVGSVGElement>) => {
    if (!onPick) return;
    const r = e.currentTarget.getBoundingClientRect();
    const x = ((e.clientX - r.left) / r.width) * W;
    const y = ((e.clientY - r.top) / r.height) * H;
    onPick({ lng: minX + (x / W) * (maxX - minX), lat: maxY - (y / H) * (maxY - minY) });
  };

  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={label}
      data-testid="mini-map"
      onClick={pick}
      style={{ height, width: "100%" }}
      className={`rounded-lg border border-slate-300 bg-slate-50 ${onPick ? "cursor-crosshair" : ""}`}
      preserveAspectRatio="xMidYMid meet"
    >
      {areas.map((a, i) => (
        <path key={i} d={path(a)} fill="#dbeafe" stroke="#1d4ed8" strokeWidth={4} fillRule="evenodd" />
      ))}
      {points.map((p, i) => (
        <g key={i}>
          <circle
            cx={px(p.lng)}
            cy={py(p.lat)}
            r={Math.max(8, metres(p.radiusM ?? 0))}
            fill={p.done ? "#bbf7d0" : "#fff"}
            stroke="#0f172a"
            strokeWidth={3}
            opacity={0.9}
          />
          {p.label && (
            <text x={px(p.lng) + 14} y={py(p.lat) - 10} fontSize={34} fill="#0f172a">
              {p.label}
            </text>
          )}
        </g>
      ))}
      {me && (
        <g>
          {me.accuracyM != null && (
            <circle
              cx={px(me.lng)}
              cy={py(me.lat)}
              r={Math.max(10, metres(me.accuracyM))}
              fill="#3b82f6"
              opacity={0.2}
            />
          )}
          <circle cx={px(me.lng)} cy={py(me.lat)} r={12} fill="#2563eb" stroke="#fff" strokeWidth={4} />
        </g>
      )}
      {mark && (
        <path
          d={`M${px(mark.lng)},${py(mark.lat)}l-16,-40a20,20 0 1 1 32,0Z`}
          fill="#dc2626"
          stroke="#fff"
          strokeWidth={3}
        />
      )}
    </svg>
  );
}
