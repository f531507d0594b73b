import uPlot from 'uplot';
import qrcode from 'qrcode-generator';

/**
 * Bars with uPlot (a maintained charting library, bundled: no CDN). The chart is a picture of the table printed
 * under it, so it is one labelled image to a screen reader, which reads the table instead.
 */
export function barChart(
  host: HTMLElement,
  labels: string[],
  series: { label: string; values: number[]; color: string }[],
  label: string,
): void {
  host.setAttribute('role', 'img');
  host.setAttribute('aria-label', label);
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

/** A QR code (qrcode-generator) as an inline SVG image with its words for screen readers. */
export function qrSvg(text: string, alt: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const svg = qr.createSvgTag({ cellSize: 4, margin: 4, scalable: true }).replace('<svg ', '<svg aria-hidden="true" focusable="false" ');
  return `<div class="qr" role="img" aria-label="${alt.replace(/"/g, '&quot;')}">${svg}</div>`;
}
