import { type SheetKind } from './sheets.ts';

/**
 * Why a file is refused or a row is wrong, as codes (for programs) with zh-CN and en text (for the clerk). Texts say
 * what to fix in the file, in the clerk's terms.
 */
export interface Text {
  zh: string;
  en: string;
}

const t = (zh: string, en: string): Text => ({ zh, en });

export const ROW_REASONS = {
  'missing-value': () => t('必填项为空', 'A required value is missing'),
  'too-long': (max: number) => t(`超过 ${max} 个字`, `Longer than ${max} characters`),
  'id-number-format': () =>
    t('身份证号应为18位，前17位为数字，末位为数字或X', 'An ID number has 18 characters: 17 digits, then a digit or X'),
  'id-number-old-15': () =>
    t('15位旧身份证号不受理，请填写18位号码', 'Old 15-digit ID numbers are not accepted: give the 18-character number'),
  'id-number-birth-date': () => t('身份证号中的出生日期不存在', 'The date of birth inside the ID number does not exist'),
  'id-number-check-digit': () => t('身份证号校验位不对，请核对是否有错字', 'The ID number’s check character is wrong: a digit is mistyped'),
  'id-number-as-number': () =>
    t(
      '身份证号被 Excel 存成了数字，末几位已丢失；请把该列设为文本后重新录入',
      'Excel stored the ID number as a number and lost its last digits: format the column as text and type it again',
    ),
  'born-on-not-matching-id': (fromId: string) =>
    t(`出生日期与身份证号不符（身份证号中为 ${fromId}）`, `Date of birth does not match the ID number (which says ${fromId})`),
  'sex-not-matching-id': () => t('性别与身份证号不符', 'Sex does not match the ID number'),
  'bad-sex': () => t('性别应填“男”或“女”', 'Sex is 男 (male) or 女 (female)'),
  'bad-yes-no': () => t('应填“是”或“否”', 'Write 是 (yes) or 否 (no)'),
  'bad-date': () => t('不是有效日期，请写成 2026-01-01', 'Not a date: write it as 2026-01-01'),
  'end-before-start': () => t('结束日期不晚于开始日期', 'The end date is not after the start date'),
  'bad-area': () => t('面积应为大于 0 的数字（平方米）', 'The area is a number of m² greater than 0'),
  'bad-phone': () => t('电话号码只能包含数字、空格、“-”和“+”', 'A phone number has only digits, spaces, “-” and “+”'),
  'bad-path': () => t('编码只能用小写字母、数字和“-”，用“/”分级', 'A path is lower-case letters, digits and “-”, joined by “/”'),
  'bad-person-id': () => t('人员编号只能用小写字母、数字和“-”', 'A person id is lower-case letters, digits and “-”'),
  'unknown-place-kind': () => t('不认识的地点类型', 'Unknown kind of place'),
  'kind-not-allowed': (parent: string) => t(`此类地点不能设在“${parent}”之下`, `This kind of place cannot sit under a ${parent}`),
  'kind-changed': (was: string) =>
    t(
      `平台中此地点的类型是“${was}”，类型不能通过导入更改`,
      `The register has this place as a ${was}; an import cannot change a place’s kind`,
    ),
  'unknown-parent': () => t('上级地点不在表中也不在平台中', 'Its parent place is neither in the sheet nor in the register'),
  'duplicate-place': (line: number) => t(`与第 ${line} 行的地点编码重复`, `Same path as line ${line}`),
  'unknown-household': () => t('该户不在“地点”表中也不在平台中', 'The household is neither in the places sheet nor in the register'),
  'not-a-household': () => t('该编码不是一个户', 'That path is not a household'),
  'not-in-a-village': () => t('该户不在任何村或社区之下', 'That household lies in no village or community'),
  'duplicate-person': (line: number) => t(`与第 ${line} 行是同一人（身份证号相同）`, `The same person as line ${line} (same ID number)`),
  'duplicate-person-id': (line: number) => t(`与第 ${line} 行的人员编号重复`, `Same person id as line ${line}`),
  'id-number-of-another-person': (person: string) =>
    t(`平台中此身份证号属于人员 ${person}`, `In the register this ID number belongs to person ${person}`),
  'household-head': (heads: number) =>
    t(`每户须有且仅有一名户主，此户有 ${heads} 名`, `A household has exactly one head (户主); this one has ${heads}`),
  'unknown-person': () => t('此人不在“人口花名册”中也不在平台中', 'This person is neither in the people sheet nor in the register'),
  'name-not-matching': () => t('姓名与登记的不一致', 'The name does not match the registered one'),
  'unknown-body': () => t('不认识的组织名称', 'Unknown body'),
  'unknown-end-reason': () => t('离任原因应为 任期届满、辞职、罢免 或 更正', 'The end reason is 任期届满, 辞职, 罢免 or 更正'),
  'end-reason-without-end': () => t('填了离任原因但没有任期结束日期', 'An end reason without an end date'),
  'overlapping-terms': (line: number) =>
    t(`与第 ${line} 行是同一人在同一组织的重叠任期`, `Overlaps the term on line ${line} of the same person on the same body`),
  'duplicate-row': (line: number) => t(`与第 ${line} 行重复`, `Repeats line ${line}`),
} satisfies Record<string, (...args: never[]) => Text>;
export type RowReason = keyof typeof ROW_REASONS;

/** One wrong cell, where the clerk sees it in Excel: the header is line 1. */
export interface RowProblem {
  sheet: SheetKind;
  /** The sheet's name in the workbook, or the file's name for a CSV. */
  sheetName: string;
  line: number;
  /** The column's header as written in the file. */
  column: string;
  reason: RowReason;
  message: Text;
}

export const FILE_REASONS = {
  'file-too-large': (mb: number) => t(`文件超过 ${mb} MB`, `The file is larger than ${mb} MB`),
  'file-unpacks-too-large': (mb: number) => t(`工作簿解压后超过 ${mb} MB`, `The workbook unpacks to more than ${mb} MB`),
  'macro-enabled': () => t('含宏的工作簿（.xlsm）不受理，请另存为 .xlsx', 'Workbooks with macros (.xlsm) are not accepted: save as .xlsx'),
  'old-xls': () => t('旧版 .xls 格式不受理，请另存为 .xlsx 或 CSV', 'The old .xls format is not accepted: save as .xlsx or CSV'),
  'not-csv-or-xlsx': () => t('文件既不是 CSV 也不是 XLSX 工作簿', 'The file is neither a CSV file nor an XLSX workbook'),
  unreadable: (why: string) => t(`文件无法读取：${why}`, `The file cannot be read: ${why}`),
  empty: () => t('文件中没有数据', 'The file holds no data'),
  'wrong-columns': (missing: string[], unknown: string[], expected: string) =>
    t(
      `列与模板“${expected}”不符${missing.length ? `；缺少：${missing.join('、')}` : ''}${unknown.length ? `；无法识别：${unknown.join('、')}` : ''}`,
      `Columns do not match the ${expected} template${missing.length ? `; missing: ${missing.join(', ')}` : ''}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`,
    ),
  'duplicate-sheet': (kind: string) => t(`“${kind}”表出现了不止一次`, `More than one ${kind} sheet`),
  'too-many-rows': (max: number) => t(`一张表最多 ${max} 行`, `A sheet has at most ${max} rows`),
  'too-many-people': (max: number, village: string) =>
    t(`一个村或社区最多 ${max} 人（${village}）`, `A village or community has at most ${max} people (${village})`),
} satisfies Record<string, (...args: never[]) => Text>;
export type FileReason = keyof typeof FILE_REASONS;

/** A whole file refused before any row is looked at: nothing of it is imported. */
export interface FileRefusal {
  reason: FileReason;
  file: string;
  sheet?: string;
  /** For wrong columns: the template's headers that are missing, and the file's headers that are not the template's. */
  missing?: string[];
  unknown?: string[];
  message: Text;
}
