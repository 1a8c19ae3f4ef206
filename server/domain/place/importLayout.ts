// The documented .xlsx layout of a place list (townships keep these lists in Excel) and the check of every row: the
// sheet's first row is the header below, each later row one place. Pure: the cells come in as text, the places and
// every row's errors go out; nothing is written unless no row has an error.
import type { Authority, ImportRowError, PlaceType, RiskGrade } from '../../../typings/place';
import { AUTHORITY_LABELS, PLACE_TYPE_LABELS, PLACE_TYPES } from './placeTypes';
import { placeFieldsSchema, type PlaceFields } from './schemas';
import { placeTypeProblem } from './rules';

export interface ImportColumn {
  field: keyof PlaceFields | 'seq' | 'village' | 'latitude' | 'longitude';
  header: string;
  width: number;
  required: boolean;
}

/** The columns, in order (README "Places": the import layout). */
export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { field: 'seq', header: '序号', width: 6, required: false },
  { field: 'village', header: '村（社区）', width: 12, required: true },
  { field: 'name', header: '场所名称', width: 24, required: true },
  { field: 'type', header: '场所类型', width: 16, required: true },
  { field: 'address', header: '地址', width: 28, required: true },
  { field: 'responsibleName', header: '负责人', width: 10, required: true },
  { field: 'responsiblePhone', header: '联系电话', width: 14, required: false },
  { field: 'authority', header: '监管主体', width: 14, required: true },
  { field: 'riskGrade', header: '风险等级', width: 10, required: true },
  { field: 'occupantsOver10', header: '住宿工作培训超过10人', width: 12, required: false },
  { field: 'listed', header: '列管单位', width: 10, required: false },
  { field: 'listName', header: '列管清单', width: 20, required: false },
  { field: 'latitude', header: '纬度', width: 10, required: false },
  { field: 'longitude', header: '经度', width: 10, required: false },
];

export const IMPORT_HEADERS = IMPORT_COLUMNS.map((c) => c.header);

/** a township's list is hundreds of rows; this bounds one file */
export const MAX_IMPORT_ROWS = 2000;

// the labels of the registry, and the names townships commonly write in their lists
const TYPE_NAMES: Record<string, PlaceType> = {
  ...Object.fromEntries(PLACE_TYPES.map((t) => [PLACE_TYPE_LABELS[t], t])),
  ...Object.fromEntries(PLACE_TYPES.map((t) => [t, t])),
  机关: 'office',
  办公场所: 'office',
  门市: 'shop',
  商铺: 'shop',
  沿街商铺: 'shop',
  市场: 'market',
  集贸市场: 'market',
  农贸市场: 'market',
  超市: 'market',
  企业: 'workshop',
  作坊: 'workshop',
  小作坊: 'workshop',
  厂房库房: 'workshop',
  仓库: 'workshop',
  小商店: 'smallVenue',
  小餐饮: 'smallVenue',
  小旅馆: 'smallVenue',
  小歌舞娱乐: 'smallVenue',
  小网吧: 'smallVenue',
  小美容洗浴: 'smallVenue',
  小生产加工: 'smallVenue',
  三合一场所: 'multiUse',
  多合一场所: 'multiUse',
  棋牌室: 'chessRoom',
  麻将馆: 'chessRoom',
  老年娱乐室: 'elderlyActivity',
  卫生院: 'healthCentre',
  诊所: 'healthCentre',
  敬老院: 'careHome',
  养老院: 'careHome',
  养老机构: 'careHome',
  学校: 'school',
  幼儿园: 'school',
  自建房: 'selfBuilt',
  经营性自建房: 'selfBuilt',
  出租房: 'selfBuilt',
  群租房: 'selfBuilt',
  其他: 'other',
};

const AUTHORITY_NAMES: Record<string, Authority> = {
  ...Object.fromEntries(Object.entries(AUTHORITY_LABELS).map(([k, v]) => [v, k as Authority])),
  村: 'village',
  社区: 'village',
  村委会: 'village',
  居委会: 'village',
  公安派出所: 'police',
  民政办: 'minzheng',
  社会事务办: 'minzheng',
};

const RISK_NAMES: Record<string, RiskGrade> = {
  高风险: 'high',
  高: 'high',
  较高风险: 'medium',
  较高: 'medium',
  中: 'medium',
  一般: 'low',
  低: 'low',
};
const YES = new Set(['是', 'Y', 'y', '√', '1']);
const NO = new Set(['', '否', 'N', 'n', '×', '0']);

/** A row as read from the sheet: its Excel row number and its cells' text by column. */
export interface SheetRow {
  row: number;
  cells: string[];
}

export interface ParsedImport {
  places: PlaceFields[];
  errors: ImportRowError[];
}

export function headerProblem(header: readonly string[]): ImportRowError | null {
  const ok = IMPORT_HEADERS.every((h, i) => (header[i] ?? '').trim() === h);
  return ok ? null : { row: 1, column: '表头', message: `第1行须为模板表头：${IMPORT_HEADERS.join('、')}（请下载模板填写）` };
}

const columnOf = (field: string) => IMPORT_COLUMNS.find((c) => c.field === field)?.header ?? field;

/**
 * Every data row checked with the registry's own schema (placeFieldsSchema, as the form is), plus what only a sheet
 * can get wrong: names instead of keys, yes/no cells, a village not in the township, the same place twice.
 * `villageIds` maps village names of the township to their ids.
 */
export function parseImport(header: readonly string[], rows: readonly SheetRow[], villageIds: ReadonlyMap<string, string>): ParsedImport {
  const headerError = headerProblem(header);
  if (headerError) return { places: [], errors: [headerError] };
  const data = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (!data.length) return { places: [], errors: [{ row: 2, column: '全表', message: '文件中没有场所数据' }] };
  if (data.length > MAX_IMPORT_ROWS) {
    return { places: [], errors: [{ row: data[MAX_IMPORT_ROWS].row, column: '全表', message: `一次最多导入${MAX_IMPORT_ROWS}行` }] };
  }
  const places: PlaceFields[] = [];
  const errors: ImportRowError[] = [];
  const seen = new Map<string, number>();
  for (const r of data) {
    const rowErrors: ImportRowError[] = [];
    const fail = (field: string, message: string) => rowErrors.push({ row: r.row, column: columnOf(field), message });
    const cell = (field: ImportColumn['field']) => (r.cells[IMPORT_COLUMNS.findIndex((c) => c.field === field)] ?? '').trim();
    const yesNo = (field: 'occupantsOver10' | 'listed'): boolean => {
      const v = cell(field);
      if (YES.has(v)) return true;
      if (!NO.has(v)) fail(field, `“${columnOf(field)}”只能填“是”或“否”`);
      return false;
    };

    const villageName = cell('village');
    const villageId = villageIds.get(villageName);
    if (!villageName) fail('village', '请填写村（社区）');
    else if (!villageId) fail('village', `村（社区）“${villageName}”不在本镇，请先在系统中建立该村（社区）或改正名称`);
    const typeText = cell('type');
    const type = TYPE_NAMES[typeText] ?? typeText;
    const typeProblem = typeText ? placeTypeProblem(type) : null;
    if (typeProblem) fail('type', typeProblem.message);
    const authorityText = cell('authority');
    const riskText = cell('riskGrade');
    const lat = cell('latitude');
    const lon = cell('longitude');
    if (!!lat !== !!lon) fail(lat ? 'longitude' : 'latitude', '经纬度须同时填写或都不填');
    const phone = cell('responsiblePhone');
    const candidate = {
      villageId: villageId ?? 'unknown-village',
      type,
      name: cell('name'),
      address: cell('address'),
      responsibleName: cell('responsibleName'),
      responsiblePhone: phone ? phone : null,
      authority: AUTHORITY_NAMES[authorityText] ?? authorityText,
      riskGrade: RISK_NAMES[riskText] ?? riskText,
      occupantsOver10: yesNo('occupantsOver10'),
      listed: yesNo('listed'),
      listName: cell('listName'),
      location: lat && lon ? { latitude: Number(lat), longitude: Number(lon) } : null,
    };
    const parsed = placeFieldsSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        if (field === 'villageId' || (field === 'type' && typeProblem)) continue;
        fail(field === 'location' ? 'latitude' : field, issue.message);
      }
    }
    const key = `${villageName}\u0000${candidate.name}\u0000${candidate.address}`;
    const first = seen.get(key);
    if (first !== undefined) fail('name', `与第${first}行是同一场所（村、名称、地址相同）`);
    else seen.set(key, r.row);
    if (rowErrors.length || !parsed.success) errors.push(...rowErrors);
    else places.push(parsed.data);
  }
  return { places, errors };
}

/** The key the registry treats as "the same place": village, name and address. */
export function placeKey(p: { villageId: string; name: string; address: string }): string {
  return `${p.villageId}\u0000${p.name.trim()}\u0000${p.address.trim()}`;
}
