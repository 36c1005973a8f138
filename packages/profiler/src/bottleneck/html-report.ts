import type { FunctionEventAvg } from '../events/function-event-avg';
import { sortField, type SortKey } from '../format/sort-keys';
import { formatShare, formatTime } from '../format/format-units';
import type { EventCategory } from '../record/recording';
import type { AverageData, ChildResult, TimelineBar } from './child-result';
import type { CpuSummary } from './cpu-profile';
import type { Environment } from './environment';
import { averagesList } from './report-text';

/** What the HTML report shows. */
export interface HtmlReportInput {
  script: string;
  args: readonly string[];
  env: Environment;
  result: ChildResult;
  cpu: CpuSummary | null;
  sort: SortKey;
  top: number;
  createdAt: Date;
}

const COLORS: Record<EventCategory, string> = {
  cpu_op: '#4e79a7',
  kernel: '#f28e2b',
  user_annotation: '#59a14f',
  dataloader: '#b07aa1',
  ignite: '#76b7b2',
};

const LABELS: Record<EventCategory, string> = {
  cpu_op: '@dl op',
  kernel: 'tfjs kernel',
  user_annotation: 'recordFunction',
  dataloader: 'DataLoader',
  ignite: 'ignite event',
};

/** Escapes text for HTML content and attribute values. */
function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1f2328; background: #f6f8fa; }
header { background: #24292f; color: #fff; padding: 18px 28px; }
header h1 { margin: 0; font-size: 20px; font-weight: 600; }
header p { margin: 4px 0 0; color: #c9d1d9; font-size: 13px; }
main { max-width: 1280px; margin: 0 auto; padding: 8px 24px 40px; }
section { background: #fff; border: 1px solid #d0d7de; border-radius: 8px; margin: 18px 0; padding: 16px 20px; }
h2 { font-size: 16px; margin: 0 0 12px; }
p.note { color: #57606a; margin: 0 0 10px; font-size: 13px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { padding: 4px 10px; border-bottom: 1px solid #eaeef2; text-align: right; white-space: nowrap; }
th { background: #f6f8fa; font-weight: 600; position: sticky; top: 0; }
td.name, th.name { text-align: left; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: normal; word-break: break-all; }
td.loc { text-align: left; color: #57606a; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: normal; word-break: break-all; }
tr:hover td { background: #f6f8fa; }
.scroll { max-height: 560px; overflow: auto; border: 1px solid #eaeef2; border-radius: 6px; }
dl.env { display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px; margin: 0; }
dl.env dt { color: #57606a; }
dl.env dd { margin: 0; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 5px; vertical-align: baseline; }
.legend span.item { margin-right: 16px; font-size: 12px; color: #57606a; }
.warn { background: #fff8c5; border-color: #d4a72c; }
svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.timeline-box { overflow-x: auto; }
`;

function envSection(env: Environment, result: ChildResult): string {
  const rows: [string, string][] = [
    ...env.packages,
    ['Node.js', `${env.node} (V8 ${env.v8})`],
    ['OS', env.os],
    ['CPU', env.cpu],
    ['Memory', env.memory],
    ['tfjs backend', `${result.backend} (expected: ${env.backend})`],
  ];
  return `<section id="environment"><h2>Environment</h2><dl class="env">${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl></section>`;
}

function sortedRows(averages: readonly AverageData[], sort: SortKey, limit: number): { rows: FunctionEventAvg[]; selfTotal: number } {
  const list = averagesList(averages);
  const field = sortField(sort, 'html report');
  return { rows: [...list].sort((a, b) => b[field] - a[field]).slice(0, limit), selfTotal: list.selfCpuTimeTotal };
}

function opTable(result: ChildResult, sort: SortKey): string {
  if (result.eventCount === 0) return `<section id="ops"><h2>Op profile</h2><p class="note">No ops were recorded.</p></section>`;
  const { rows, selfTotal } = sortedRows(result.averages, sort, 50);
  const head = ['Name', 'Self CPU %', 'Self CPU', 'CPU total %', 'CPU total', 'CPU time avg', '# of Calls'];
  const body = rows
    .map(
      (a) =>
        `<tr><td class="name"><span class="swatch" style="background:${COLORS[a.category]}"></span>${esc(a.key)}</td><td>${formatShare(a.selfCpuTimeTotal, selfTotal)}</td><td>${formatTime(a.selfCpuTimeTotal)}</td><td>${formatShare(a.cpuTimeTotal, selfTotal)}</td><td>${formatTime(a.cpuTimeTotal)}</td><td>${formatTime(a.cpuTime)}</td><td>${a.count}</td></tr>`,
    )
    .join('\n');
  return `<section id="ops"><h2>Op profile</h2><p class="note">${result.eventCount} events, ${esc(formatTime(selfTotal))} self CPU time in total; ${rows.length} of ${result.averages.length} rows, sorted by ${esc(sort)}.</p>
<div class="scroll"><table id="op-table"><thead><tr>${head.map((h, i) => `<th${i === 0 ? ' class="name"' : ''}>${h}</th>`).join('')}</tr></thead><tbody>
${body}
</tbody></table></div></section>`;
}

function barChart(result: ChildResult, top: number): string {
  const rows = [...result.averages].sort((a, b) => b.selfCpuTimeTotal - a.selfCpuTimeTotal).slice(0, top).filter((a) => a.selfCpuTimeTotal > 0);
  if (rows.length === 0) return '';
  const max = rows[0].selfCpuTimeTotal;
  const labelW = 300;
  const barW = 640;
  const rowH = 24;
  const h = rows.length * rowH + 10;
  const bars = rows
    .map((a, i) => {
      const y = i * rowH + 5;
      const w = Math.max(1, (a.selfCpuTimeTotal / max) * barW);
      const label = a.key.length > 42 ? a.key.slice(0, 40) + '…' : a.key;
      return `<g><title>${esc(`${a.key}: ${formatTime(a.selfCpuTimeTotal)} self, ${a.count} calls`)}</title><text x="${labelW - 8}" y="${y + 15}" text-anchor="end" font-size="12" fill="#1f2328">${esc(label)}</text><rect class="bar" x="${labelW}" y="${y + 2}" width="${w.toFixed(1)}" height="${rowH - 6}" rx="3" fill="${COLORS[a.category]}"/><text x="${(labelW + w + 6).toFixed(1)}" y="${y + 15}" font-size="12" fill="#57606a">${esc(formatTime(a.selfCpuTimeTotal))}</text></g>`;
    })
    .join('\n');
  return `<section id="chart"><h2>Top ${rows.length} ops by self CPU time</h2>${legend(new Set(rows.map((r) => r.category)))}
<svg id="op-chart" role="img" aria-label="Top ops by self CPU time" viewBox="0 0 ${labelW + barW + 110} ${h}" width="100%" style="max-width:${labelW + barW + 110}px">${bars}</svg></section>`;
}

function legend(cats: Set<EventCategory>): string {
  return `<p class="legend">${[...cats].map((c) => `<span class="item"><span class="swatch" style="background:${COLORS[c]}"></span>${LABELS[c]}</span>`).join('')}</p>`;
}

function niceStep(spanMs: number): number {
  const raw = spanMs / 10;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

function timelineSection(result: ChildResult): string {
  const { spanUs, bars } = result.timeline;
  if (bars.length === 0 || spanUs <= 0) return `<section id="timeline-section"><h2>Timeline</h2><p class="note">Nothing to show.</p></section>`;
  const width = 1200;
  const left = 24;
  const plotW = width - 2 * left;
  const laneH = 16;
  const maxDepth = Math.min(12, Math.max(...bars.map((b) => b[4])));
  const top = 26;
  const height = top + (maxDepth + 1) * laneH + 8;
  const x = (us: number): number => left + (us / spanUs) * plotW;
  const stepMs = niceStep(spanUs / 1000);
  const ticks: string[] = [];
  for (let t = 0; t * 1000 <= spanUs + 1e-9; t += stepMs) {
    const xx = x(t * 1000).toFixed(1);
    ticks.push(`<line x1="${xx}" y1="${top - 6}" x2="${xx}" y2="${height}" stroke="#eaeef2"/><text x="${xx}" y="${top - 10}" font-size="11" fill="#57606a" text-anchor="middle">${+t.toFixed(6)} ms</text>`);
  }
  const shown = bars.filter((b) => b[4] <= maxDepth);
  const rects = shown
    .map((b: TimelineBar) => {
      const [name, cat, start, dur, depth] = b;
      const w = Math.max(0.6, (dur / spanUs) * plotW);
      const y = top + depth * laneH;
      const text = w > 60 ? `<text x="${(x(start) + 3).toFixed(1)}" y="${y + 11}" font-size="10" fill="#fff" clip-path="none">${esc(name.length * 6 > w ? name.slice(0, Math.max(1, Math.floor(w / 6) - 1)) + '…' : name)}</text>` : '';
      return `<g><title>${esc(`${name} (${LABELS[cat]}): ${formatTime(dur)} at ${formatTime(start)}`)}</title><rect class="ev" x="${x(start).toFixed(2)}" y="${y}" width="${w.toFixed(2)}" height="${laneH - 2}" fill="${COLORS[cat]}"/>${text}</g>`;
    })
    .join('\n');
  return `<section id="timeline-section"><h2>Timeline</h2><p class="note">${shown.length} longest events over ${esc(formatTime(spanUs))}; rows are nesting depth (an op above its kernels). Hover for details.</p>${legend(new Set(shown.map((b) => b[1])))}
<div class="timeline-box"><svg id="timeline" role="img" aria-label="Timeline of recorded events" viewBox="0 0 ${width} ${height}" width="100%" style="min-width:900px">${ticks.join('')}${rects}</svg></div></section>`;
}

function cpuSection(cpu: CpuSummary | null, top: number): string {
  if (cpu === null || cpu.functions.length === 0) return `<section id="cpu"><h2>JavaScript functions</h2><p class="note">No CPU samples were taken.</p></section>`;
  const rows = cpu.functions.slice(0, Math.max(top, 25));
  const pct = (v: number): string => formatShare(v, cpu.busyMs);
  const body = rows
    .map((f) => `<tr><td class="name">${esc(f.name)}</td><td>${f.selfMs.toFixed(3)}</td><td>${pct(f.selfMs)}</td><td>${f.totalMs.toFixed(3)}</td><td>${pct(f.totalMs)}</td><td class="loc">${esc(f.location)}</td></tr>`)
    .join('\n');
  return `<section id="cpu"><h2>Top JavaScript functions by self time (V8 CPU profile)</h2><p class="note">${cpu.busyMs.toFixed(1)} ms sampled, ${cpu.idleMs.toFixed(1)} ms idle not counted.</p>
<div class="scroll"><table id="cpu-table"><thead><tr><th class="name">Function</th><th>Self ms</th><th>Self %</th><th>Total ms</th><th>Total %</th><th class="name">Location</th></tr></thead><tbody>
${body}
</tbody></table></div></section>`;
}

/**
 * @internal One self-contained HTML page (inline CSS and SVG, no scripts, no network): the
 * environment, a bar chart of the top ops, the op table, a timeline and the top JS functions.
 */
export function renderHtmlReport(input: HtmlReportInput): string {
  const { result } = input;
  const title = `dl-bottleneck: ${input.script}`;
  const warnings = [...result.warnings, ...(result.traceError ? [`Chrome trace not written: ${result.traceError}`] : [])];
  const warn = warnings.length ? `<section class="warn"><h2>Warnings</h2>${warnings.map((w) => `<p>${esc(w)}</p>`).join('')}</section>` : '';
  const status = result.exitCode === 0 ? 'exited normally' : `exited with code ${result.exitCode}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style>${CSS}</style></head>
<body><header><h1>${esc(title)}</h1><p>${esc([input.script, ...input.args].join(' '))} · ${status} after ${(result.wallMs / 1000).toFixed(2)} s · tfjs ${esc(result.backend)} · ${esc(input.createdAt.toISOString())}</p></header>
<main>${warn}
${barChart(result, input.top)}
${opTable(result, input.sort)}
${timelineSection(result)}
${cpuSection(input.cpu, input.top)}
${envSection(input.env, result)}
</main></body></html>
`;
}
