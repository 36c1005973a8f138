// The page's DOM side: a summary line, an SVG line chart of the loss per epoch, the epoch/loss
// table and the profiler's top ops. Plain DOM calls, no framework.
import { EPOCHS, type EpochRecord, type TrainResult } from './train';

const SVG = 'http://www.w3.org/2000/svg';
const CHART = { width: 560, height: 300, left: 56, right: 16, top: 16, bottom: 44 };
const records: EpochRecord[] = [];

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`page: no element #${id}`);
  return el as T;
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

function cell(tag: 'td' | 'th', text: string): HTMLTableCellElement {
  const el = document.createElement(tag);
  el.textContent = text;
  return el;
}

/** Redraws the chart from `records`: x is the epoch (0..EPOCHS, 0 before training), y the loss. */
function drawChart(): void {
  const chart = byId<HTMLElement>('chart');
  const { width, height, left, right, top, bottom } = CHART;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const yMax = Math.max(...records.map((r) => r.loss), 1e-6) * 1.05;
  const px = (epoch: number): number => left + (epoch / EPOCHS) * plotW;
  const py = (loss: number): number => top + plotH - (loss / yMax) * plotH;

  const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'training loss per epoch' });
  root.append(svg('rect', { x: left, y: top, width: plotW, height: plotH, fill: '#fafbfc', stroke: '#d0d7de' }));
  for (let i = 0; i <= 4; i++) {
    const v = (yMax * i) / 4;
    const y = py(v);
    root.append(svg('line', { x1: left, x2: left + plotW, y1: y, y2: y, stroke: '#eaeef2' }));
    root.append(svg('text', { x: left - 6, y: y + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#57606a' }, v.toFixed(2)));
  }
  const step = EPOCHS > 20 ? 5 : 1;
  for (let e = 0; e <= EPOCHS; e++) {
    if (e % step !== 0) continue;
    root.append(svg('text', { x: px(e), y: top + plotH + 16, 'text-anchor': 'middle', 'font-size': 11, fill: '#57606a' }, String(e)));
  }
  root.append(svg('text', { x: left + plotW / 2, y: height - 8, 'text-anchor': 'middle', 'font-size': 12, fill: '#24292f' }, 'epoch'));
  root.append(svg('text', { x: 14, y: top + plotH / 2, 'text-anchor': 'middle', 'font-size': 12, fill: '#24292f', transform: `rotate(-90 14 ${top + plotH / 2})` }, 'loss'));
  if (records.length > 0) {
    const points = records.map((r) => `${px(r.epoch).toFixed(1)},${py(r.loss).toFixed(1)}`).join(' ');
    root.append(svg('polyline', { points, fill: 'none', stroke: '#0969da', 'stroke-width': 2 }));
    for (const r of records) root.append(svg('circle', { cx: px(r.epoch), cy: py(r.loss), r: 2.5, fill: '#0969da' }));
  }
  chart.replaceChildren(root);
}

/** Says which backend runs and that training started. */
export function renderStart(backend: string): void {
  byId('backend').textContent = backend;
  byId('status').textContent = 'training…';
}

/** Adds an epoch to the table and the chart. */
export function renderEpoch(record: EpochRecord): void {
  records.push(record);
  const row = document.createElement('tr');
  row.append(cell('td', String(record.epoch)), cell('td', record.loss.toFixed(6)), cell('td', `${(record.accuracy * 100).toFixed(1)}%`));
  byId<HTMLTableSectionElement>('loss-rows').append(row);
  drawChart();
}

/** Shows the summary and the profiler's table once training is done. */
export function renderResult(result: TrainResult): void {
  byId('status').textContent = 'done';
  byId('summary').textContent =
    `${result.iterations} iterations in ${result.trainMs.toFixed(0)} ms: loss ${result.initialLoss.toFixed(4)} → ` +
    `${result.finalLoss.toFixed(6)}, accuracy ${(result.finalAccuracy * 100).toFixed(1)}%`;
  const body = byId<HTMLTableSectionElement>('profile-rows');
  for (const op of result.profiledOps.slice(0, 8)) {
    const row = document.createElement('tr');
    row.append(cell('td', op.name), cell('td', String(op.calls)), cell('td', (op.totalUs / 1000).toFixed(3)));
    body.append(row);
  }
}

/** Shows what went wrong. */
export function renderError(message: string): void {
  byId('status').textContent = 'failed';
  const el = byId('error');
  el.textContent = message;
  el.hidden = false;
}
