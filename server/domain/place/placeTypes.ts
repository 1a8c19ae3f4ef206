// The place registry's vocabulary (SPEC §7b): place types, supervising authorities, risk grades, and which township
// department supervises which type of place — the one table referrals 吹哨报到 and plans consult.
import type { Authority, Department, PlaceType, RiskGrade } from '../../../typings/place';

export const PLACE_TYPE_LABELS: Record<PlaceType, string> = {
  office: '机关办公场所',
  shop: '门市（沿街商铺）',
  market: '集贸市场/超市',
  workshop: '企业/作坊/厂房库房',
  smallVenue: '九小场所',
  multiUse: '三合一/多合一场所',
  chessRoom: '棋牌室/麻将馆',
  elderlyActivity: '老年活动室',
  healthCentre: '卫生院/诊所',
  careHome: '敬老院/养老机构',
  school: '学校/幼儿园',
  selfBuilt: '经营性自建房（出租/宿舍/经营）',
  other: '其他场所',
};

export const PLACE_TYPES = Object.keys(PLACE_TYPE_LABELS) as PlaceType[];

export function isPlaceType(value: string): value is PlaceType {
  return (PLACE_TYPES as string[]).includes(value);
}

export const DEPARTMENT_LABELS: Record<Department, string> = {
  jingfa: '经发办',
  minzheng: '民政和社会事务办',
  guijian: '规建办',
  yingji: '应急办',
};

export const DEPARTMENTS = Object.keys(DEPARTMENT_LABELS) as Department[];

export function isDepartment(value: string): value is Department {
  return (DEPARTMENTS as string[]).includes(value);
}

export const AUTHORITY_LABELS: Record<Authority, string> = {
  village: '村（社区）',
  police: '派出所',
  ...DEPARTMENT_LABELS,
};

export const AUTHORITIES = Object.keys(AUTHORITY_LABELS) as Authority[];

export const RISK_LABELS: Record<RiskGrade, string> = { high: '高风险', medium: '较高风险', low: '一般' };

/**
 * 004 §10 "经发办…工贸企业（含超市、农贸市场）…；民政和社会事务办…敬老院、其它养老机构…；规建办…农村自建房…；应急办…工业厂房库房、
 * 人员密集场所"; 003 (一) "镇经发办、应急办…棋牌室、麻将馆和老年娱乐室…食品生产企业、小作坊"、(三) "学校、卫生院、养老院以及企业"; 004 §17
 * "自建房…应急办要会公安派出所、规建办、经发办": which department a place hazard may be referred to.
 */
export const DEPARTMENT_SUPERVISES: Record<Department, readonly PlaceType[]> = {
  jingfa: ['shop', 'market', 'workshop', 'chessRoom', 'elderlyActivity', 'selfBuilt'],
  minzheng: ['careHome', 'healthCentre', 'school', 'elderlyActivity'],
  guijian: ['selfBuilt'],
  yingji: [
    'office',
    'workshop',
    'smallVenue',
    'multiUse',
    'chessRoom',
    'elderlyActivity',
    'healthCentre',
    'careHome',
    'school',
    'market',
    'selfBuilt',
    'other',
  ],
};

export function supervises(department: Department, type: PlaceType): boolean {
  return DEPARTMENT_SUPERVISES[department].includes(type);
}

export function supervisingDepartments(type: PlaceType): Department[] {
  return DEPARTMENTS.filter((d) => supervises(d, type));
}

/** 004 §17 "对自建房住宿、工作、培训超过10 人的…纳入行业重点管控范畴": such a place is high risk whatever was entered. */
export function effectiveRisk(riskGrade: RiskGrade, occupantsOver10: boolean): RiskGrade {
  return occupantsOver10 ? 'high' : riskGrade;
}
