// Small hand-written SVG charts of the figures in /api/metrics/summary (series per day).

import { h, s } from './dom.js';
import { bytes, day, duration, percent } from './format.js';

// Titles and chart kinds of the figures the server sends, in the order they are shown; a series of
// another name follows with a title made from its name.
const KNOWN = [
  ['build_duration', 'Build duration', 'line'],
  ['cache_hit_rate', 'Cache hit rate', 'line'],
  ['image_size', 'Image size', 'line'],
  ['build_success_rate', 'Build success rate', 'line'],
  ['deploy_frequency', 'Deploys per day', 'bar'],
  ['deploy_success_rate', 'Deploy success rate', 'line'],
  ['time_to_deploy', 'Time to deploy', 'line'],
  ['rollback_frequency', 'Rollbacks per day', 'bar'],
  ['lead_time', 'Lead time (build → deploy)', 'line'],
  ['change_failure_rate', 'Change failure rate', 'line'],
  ['time_to_restore', 'Time to restore', 'line'],
];

/**
 * The series of GET /api/metrics/summary — {"series": [{"name", "unit", "points": [{"day",
 * "value"}]}]}, see docs/metrics.md — as [{key, title, unit, kind, points}], in the order of KNOWN.
 */
export function seriesOf(summary) {
  const found = (summary?.series ?? []).map((x) => {
    const known = KNOWN.find(([k]) => k === x.name);
    return {
      key: x.name,
      title: known?.[1] ?? String(x.name).replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()),
      unit: x.unit,
      kind: known?.[2] ?? (x.unit === 'count' ? 'bar' : 'line'),
      points: (x.points ?? []).map((p) => ({ day: p.day, value: p.value ?? null })),
    };
  });
  const order = (x) => { const i = KNOWN.findIndex(([k]) => k === x.key); return i < 0 ? KNOWN.length : i; };
  return found.sort((a, b) => order(a) - order(b));
}

/** Formats a value in a series' unit. */
export function valueText(unit, v) {
  if (v === null || v === undefined) return '—';
  switch (unit) {
    case 'seconds': return duration(v);
    case 'ratio': return percent(v);
    case 'bytes': return bytes(v);
    default: return Number.isInteger(v) ? String(v) : v.toFixed(1);
  }
}

const W = 320, H = 132, LEFT = 44, RIGHT = 10, TOP = 10, BOTTOM = 22;

const TIME_STEPS = [1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600, 7200, 10800, 21600, 43200, 86400];

/** The top of the y axis: a round value at or above max, halved cleanly by the middle grid line. */
function niceMax(max, unit) {
  if (unit === 'ratio') return 1;
  if (!(max > 0)) return unit === 'count' ? 2 : 1;
  if (unit === 'count') { const m = Math.max(2, Math.ceil(max)); return m % 2 ? m + 1 : m; }
  if (unit === 'seconds') { const step = TIME_STEPS.find((t) => 2 * t >= max); if (step) return 2 * step; }
  const mag = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 4, 5, 10].find((f) => f * mag >= max) ?? 10;
  return step * mag;
}

/** Short axis labels: "0", "30 s", "1.5 min", "2 h", "50 %". */
function axisText(unit, v) {
  if (v === 0) return '0';
  if (unit === 'seconds') {
    if (v < 60) return `${+v.toFixed(1)} s`;
    if (v < 3600) return `${+(v / 60).toFixed(1)} min`;
    return `${+(v / 3600).toFixed(1)} h`;
  }
  if (unit === 'ratio') return `${Math.round(v * 100)} %`;
  return valueText(unit, v);
}

/** One figure as a card: title, latest value and a line or bar chart over the days. */
export function chartCard(series) {
  const values = series.points.map((p) => p.value).filter((v) => v !== null && v !== undefined);
  const latest = [...series.points].reverse().find((p) => p.value !== null && p.value !== undefined);
  const label = `${series.title}, ${series.points.length} days` +
    (values.length ? `: latest ${valueText(series.unit, latest.value)}, lowest ${valueText(series.unit, Math.min(...values))}, highest ${valueText(series.unit, Math.max(...values))}` : ': no data');
  return h('figure', { class: 'chart', dataset: { series: series.key } },
    h('figcaption', {},
      h('span', { class: 'chart-title' }, series.title),
      h('span', { class: 'chart-latest' }, latest ? valueText(series.unit, latest.value) : '—')),
    values.length ? draw(series, label) : h('p', { class: 'empty' }, 'No data yet.'));
}

function draw(series, label) {
  const pts = series.points;
  const max = niceMax(Math.max(...pts.map((p) => p.value ?? 0)), series.unit);
  const plotW = W - LEFT - RIGHT, plotH = H - TOP - BOTTOM;
  const n = pts.length;
  const slot = plotW / n;
  const x = (i) => (series.kind === 'bar' ? LEFT + slot * (i + 0.5) : LEFT + (n === 1 ? plotW / 2 : (plotW * i) / (n - 1)));
  const y = (v) => TOP + plotH - (plotH * v) / max;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': label, class: `chart-${series.kind}` });

  for (const f of [0, 0.5, 1]) {
    const gy = y(max * f);
    svg.append(
      s('line', { x1: LEFT, x2: W - RIGHT, y1: gy, y2: gy, class: 'grid' }),
      s('text', { x: LEFT - 6, y: gy + 3.5, 'text-anchor': 'end', class: 'axis' }, axisText(series.unit, max * f)));
  }
  svg.append(
    s('text', { x: x(0), y: H - 6, 'text-anchor': series.kind === 'bar' ? 'middle' : 'start', class: 'axis' }, day(pts[0].day)),
    s('text', { x: x(n - 1), y: H - 6, 'text-anchor': series.kind === 'bar' ? 'middle' : 'end', class: 'axis' }, day(pts[n - 1].day)));

  if (series.kind === 'bar') {
    const bw = Math.max(2, Math.min(18, slot * 0.62));
    pts.forEach((p, i) => {
      if (p.value === null || p.value === undefined) return;
      const top = y(p.value);
      svg.append(s('rect', { x: x(i) - bw / 2, y: top, width: bw, height: Math.max(p.value > 0 ? 1.5 : 0, TOP + plotH - top), rx: 2, class: 'bar' },
        s('title', {}, `${day(p.day)}: ${valueText(series.unit, p.value)}`)));
    });
    return svg;
  }

  let d = '', area = '', runStart = null, prev = null;
  pts.forEach((p, i) => {
    if (p.value === null || p.value === undefined) {
      if (runStart !== null) area += `L${x(prev)},${y(0)}L${x(runStart)},${y(0)}Z`;
      runStart = null;
      return;
    }
    const cmd = runStart === null ? 'M' : 'L';
    if (runStart === null) runStart = i;
    d += `${cmd}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`;
    area += `${cmd}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`;
    prev = i;
  });
  if (runStart !== null) area += `L${x(prev)},${y(0)}L${x(runStart)},${y(0)}Z`;
  svg.append(s('path', { d: area, class: 'area' }), s('path', { d, class: 'line' }));
  pts.forEach((p, i) => {
    if (p.value === null || p.value === undefined) return;
    svg.append(s('circle', { cx: x(i), cy: y(p.value), r: i === prev ? 3.2 : 2, class: i === prev ? 'dot last' : 'dot' },
      s('title', {}, `${day(p.day)}: ${valueText(series.unit, p.value)}`)));
  });
  return svg;
}
