import uPlot from 'uplot';
import type { BarChart } from '../pages/charts.ts';

/** Bars with uPlot (a maintained charting library, bundled: no CDN), side by side per label. */
function barChart(host: HTMLElement, { labels, series }: BarChart): void {
  const width = Math.max(280, Math.min(host.clientWidth || 320, 960));
  const xs = labels.map((_, i) => i);
  const bars = uPlot.paths.bars!({ size: [0.7 / series.length, 60], align: 0 });
  const offset = (k: number) => (series.length === 1 ? 0 : (k - (series.length - 1) / 2) * (0.7 / series.length));
  new uPlot(
    {
      width,
      height: 220,
      legend: { show: true, live: false },
      cursor: { show: false },
      scales: { x: { time: false, range: [-0.6, labels.length - 0.4] }, y: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.1] } },
      axes: [
        { stroke: '#222', grid: { show: false }, splits: () => xs, values: (_u, splits) => splits.map((i) => labels[i] ?? ''), size: 40 },
        { stroke: '#222', size: 64, values: (_u, splits) => splits.map((v) => v.toLocaleString('zh-CN')) },
      ],
      series: [
        {},
        ...series.map((s, k) => ({
          label: s.label,
          stroke: s.color,
          fill: s.color,
          width: 0,
          points: { show: false },
          paths: (u: uPlot, seriesIdx: number, idx0: number, idx1: number) => {
            // Side by side: each series' bars shifted within the slot of its label.
            const data = u.data[0] as number[];
            const shifted = data.map((x) => x + offset(k));
            const saved = u.data[0];
            (u.data as unknown as number[][])[0] = shifted;
            const p = bars(u, seriesIdx, idx0, idx1);
            (u.data as unknown as (typeof saved)[])[0] = saved;
            return p;
          },
        })),
      ],
    },
    [xs, ...series.map((s) => s.values)],
    host,
  );
}

/** Draws every chart the page carries (`data-chart`, written by the page's renderer on the server or here). */
export function drawCharts(root: HTMLElement): void {
  for (const host of Array.from(root.querySelectorAll<HTMLElement>('.chart[data-chart]'))) {
    if (host.dataset.drawn) continue;
    host.dataset.drawn = 'true';
    barChart(host, JSON.parse(host.dataset.chart!) as BarChart);
  }
}
