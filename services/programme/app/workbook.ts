import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Rollup } from './rollups.ts';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const yuan = (fen: number) => Math.round(fen) / 100;

/**
 * The report as a workbook (共同缔造工作报告). Reproducible: the workbook's dates are the period's last day, rows come
 * in a fixed order, and the zip is written again with one fixed time on every entry (exceljs stamps entries with the
 * time of writing) — the same roll-up always gives the same bytes.
 */
export async function reportWorkbook(r: Rollup): Promise<Uint8Array> {
  const fixed = new Date(`${r.to}T00:00:00Z`);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cocreate programme';
  wb.lastModifiedBy = 'cocreate programme';
  wb.created = fixed;
  wb.modified = fixed;
  wb.lastPrinted = fixed;

  const summary = wb.addWorksheet('汇总 Summary');
  summary.columns = [
    { header: '项目 Item', key: 'item', width: 36 },
    { header: '数值 Value', key: 'value', width: 24 },
  ];
  const f = r.figures;
  const rows: [string, string | number][] = [
    ['地区 Area', `${r.name.zh} (${r.area})`],
    ['层级 Level', r.level],
    ['期间 Period', `${r.period} (${r.from} – ${r.to})`],
    ['决策定案 Final decisions', f.decisions],
    ['竣工验收项目 Projects accepted', f.projectsAccepted],
    ['筹集资金（元） Money raised (yuan)', yuan(f.raised)],
    ['支出资金（元） Money spent (yuan)', yuan(f.spent)],
    ['群众满意度 Satisfaction (0–100)', f.satisfaction ?? '—'],
    ['满意度评价次数 Satisfaction reviews', f.satisfactionReviews],
    ['参与度 Participation score', f.participation ?? '—'],
    ['参与度评估村数 Villages assessed', f.participationAssessments],
    ['试点村 Pilot villages', f.villagesByTier.pilot],
    ['整治村 Remediation villages', f.villagesByTier.remediation],
    ['到期任务 Tasks due', r.tasks.due],
    ['逾期任务 Tasks late', r.tasks.late],
    ['未达目标任务 Targets missed', r.tasks.targetMissed],
  ];
  for (const [item, value] of rows) summary.addRow({ item, value });

  const coverage = wb.addWorksheet('试点覆盖 Coverage');
  coverage.columns = [
    { header: '批次 Batch', key: 'name', width: 36 },
    { header: '类型 Kind', key: 'kind', width: 14 },
    { header: '年度 Year', key: 'year', width: 8 },
    { header: '村数 Villages', key: 'villages', width: 10 },
    { header: '已覆盖 Covered', key: 'covered', width: 10 },
    { header: '目标村数 Target villages', key: 'targetVillages', width: 14 },
    { header: '目标比例 Target %', key: 'targetPercent', width: 12 },
    { header: '覆盖比例 Coverage %', key: 'percent', width: 12 },
    { header: '达标 Met', key: 'met', width: 8 },
  ];
  for (const b of [...r.coverage.batches].sort((a, b) => a.batchId.localeCompare(b.batchId))) {
    coverage.addRow({
      name: b.name,
      kind: b.kind,
      year: b.year,
      villages: b.villages,
      covered: b.covered,
      targetVillages: b.target.villages ?? '',
      targetPercent: b.target.percent ?? '',
      percent: b.percent,
      met: b.targetMet ? '是 yes' : '否 no',
    });
  }

  const written = new Uint8Array(await wb.xlsx.writeBuffer());
  const zip = await JSZip.loadAsync(written);
  const out = new JSZip();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    out.file(name, await entry.async('uint8array'), { date: fixed, createFolders: false });
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
