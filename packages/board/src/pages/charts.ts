import qrcode from 'qrcode-generator';
import { esc } from './ui.ts';

/** What a bar chart shows: a label per bar group and one series per colour (drawn by uPlot in the browser). */
export interface BarChart {
  label: string;
  labels: string[];
  series: { label: string; values: number[]; color: string }[];
}

/**
 * Where a chart goes: the chart's data rides on the element, so the page rendered on the server carries it and the
 * script only draws. The chart is a picture of the table printed under it: one labelled image to a screen reader.
 */
export function chartHost(id: string, chart: BarChart): string {
  return `<div class="chart" id="${esc(id)}" role="img" aria-label="${esc(chart.label)}" data-chart="${esc(JSON.stringify(chart))}"></div>`;
}

/** A QR code (qrcode-generator) as an inline SVG image with its words for screen readers. */
export function qrSvg(text: string, alt: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const svg = qr.createSvgTag({ cellSize: 4, margin: 4, scalable: true }).replace('<svg ', '<svg aria-hidden="true" focusable="false" ');
  return `<div class="qr" role="img" aria-label="${esc(alt)}" data-url="${esc(text)}">${svg}</div>`;
}
