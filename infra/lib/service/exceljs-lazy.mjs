// What `exceljs` resolves to in a Lambda bundle (the `alias` of `lambdaBundling`): exceljs itself, loaded from
// `workbook.cjs` on first use (see workbook-load.mjs). Code uses it as `new ExcelJS.Workbook()`.
import { workbooks } from './workbook-load.mjs';

export default new Proxy({}, { get: (_, key) => workbooks().ExcelJS[key] });
