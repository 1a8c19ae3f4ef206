// Who may do what with places, plans and referrals, and the refusals decided by pure rules (SPEC §7b), each with its
// stable code and Chinese message.
import type { RoleGrant } from '../../../typings/roles';
import type { Department, InspectorRole, ReferralStatus } from '../../../typings/place';
import { addDays } from '../time/cst';
import { canManageVillage, isOffice, isTownshipWide, liaisonVillageIds } from '../org/access';
import type { Problem } from '../visit/problem';
import { FREQUENCY_LABELS, isFrequency, planKey } from './coverage';
import { DEPARTMENT_LABELS, PLACE_TYPE_LABELS, effectiveRisk, isPlaceType, supervises, supervisingDepartments } from './placeTypes';
import type { PlaceRecord, PlanRecord, ReferralRecord } from './records';

export function placeTypeProblem(type: string, field = 'type'): Problem | null {
  if (isPlaceType(type)) return null;
  return {
    code: 'PLACE_TYPE_UNKNOWN',
    message: `场所类型“${type}”不是可登记的类型，请从以下类型中选择：${Object.values(PLACE_TYPE_LABELS).join('、')}`,
    field,
  };
}

/** 004 §12 "对确定的消防安全检查对象每年检查1次": no plan may inspect less often than once a year. */
export function frequencyProblem(frequency: string, dueBy: string | undefined, startDay: string): Problem | null {
  if (!isFrequency(frequency)) {
    return {
      code: 'PLAN_FREQUENCY',
      message: `检查频次须为${Object.values(FREQUENCY_LABELS).join('、')}：每个检查对象每年至少检查1次`,
      field: 'frequency',
    };
  }
  if (frequency !== 'once') return null;
  if (!dueBy) return { code: 'PLAN_FREQUENCY', message: '限期一次的计划须填写完成期限', field: 'dueBy' };
  if (dueBy < startDay) return { code: 'DEADLINE_IN_PAST', message: `完成期限不能早于开始日期（${startDay}）`, field: 'dueBy' };
  if (dueBy > addDays(startDay, 365)) {
    return { code: 'PLAN_FREQUENCY', message: '限期一次的完成期限不能晚于开始后一年：每个检查对象每年至少检查1次', field: 'dueBy' };
  }
  return null;
}

export function emptyPlanProblem(places: number): Problem | null {
  return places > 0 ? null : { code: 'PLAN_EMPTY', message: '按所选条件没有任何场所，检查计划至少要包含一个场所', field: 'selector' };
}

/** A plan is made by the township office, or by a village liaison for its own village's inspections. */
export function mayCreatePlan(grants: readonly RoleGrant[], townshipId: string, role: InspectorRole, scope: string): boolean {
  if (isOffice(grants, townshipId)) return true;
  return role === 'liaison' && liaisonVillageIds(grants).includes(scope);
}

/** The inspector keys a person holds (coverage.planKey): each inspecting role with its scope. */
export function inspectorKeys(grants: readonly RoleGrant[], townshipId: string): string[] {
  const keys = grants
    .filter((g) => g.townshipId === townshipId && INSPECTOR_ROLES.includes(g.role as InspectorRole))
    .map((g) => planKey({ inspectorRole: g.role as InspectorRole, inspectorScope: g.scopeType === 'township' ? townshipId : g.scopeId }));
  return [...new Set(keys)];
}

export const INSPECTOR_ROLES: readonly InspectorRole[] = ['liaison', 'police', 'deptInspector', 'office'];

/** The caller inspects under the plan: it holds the plan's inspector role in the plan's scope. */
export function inspectsUnder(
  grants: readonly RoleGrant[],
  plan: Pick<PlanRecord, 'townshipId' | 'inspectorRole' | 'inspectorScope'>,
): boolean {
  return inspectorKeys(grants, plan.townshipId).includes(planKey(plan));
}

/** The departments a person inspects for. */
export function departmentsOf(grants: readonly RoleGrant[]): Department[] {
  return grants.filter((g) => g.role === 'deptInspector').map((g) => g.scopeId as Department);
}

/**
 * 004 §13 "坚持'镇街吹哨、部门报到'，对人员密集场所、'三合一'场所、易燃易爆场所等高风险场所…实施联合管控": the township refers a
 * hazard at a high-risk place to a department that supervises the place's type.
 */
export function referralProblem(
  place: Pick<PlaceRecord, 'type' | 'riskGrade' | 'occupantsOver10'>,
  department: Department,
): Problem | null {
  if (!supervises(department, place.type)) {
    const who = supervisingDepartments(place.type)
      .map((d) => DEPARTMENT_LABELS[d])
      .join('、');
    return {
      code: 'NOT_SUPERVISED',
      message: `${DEPARTMENT_LABELS[department]}不监管“${PLACE_TYPE_LABELS[place.type]}”，请转给负责该类场所的部门：${who}`,
      field: 'department',
    };
  }
  if (effectiveRisk(place.riskGrade, place.occupantsOver10) !== 'high') {
    return {
      code: 'NOT_HIGH_RISK',
      message: '只有高风险场所的隐患才转办部门（镇街吹哨、部门报到）；其他隐患由检查人员跟踪整改',
      field: 'hazardId',
    };
  }
  return null;
}

export function acknowledgeProblem(status: ReferralStatus): Problem | null {
  if (status === 'open') return null;
  return { code: 'REFERRAL_STATE', message: status === 'acknowledged' ? '该转办已签收' : '该转办已办结反馈' };
}

/** A department may report back without a separate acknowledgement (reporting back acknowledges it). */
export function answerProblem(status: ReferralStatus): Problem | null {
  return status === 'answered' ? { code: 'REFERRAL_STATE', message: '该转办已办结反馈，不能重复反馈' } : null;
}

/** Unanswered past its deadline (end of the CST day): listed for the office. */
export function referralOverdue(r: Pick<ReferralRecord, 'status' | 'deadline'>, now: Date): boolean {
  return r.status !== 'answered' && now.getTime() > new Date(r.deadline).getTime();
}

/**
 * Who reads a village's places: the office and the discipline office all of them; the police station and the
 * departments the whole township's registry (they supervise across villages, 004 §10); a liaison its own village.
 */
export function readsPlacesOf(grants: readonly RoleGrant[], townshipId: string, villageId: string): boolean {
  return readsAllPlaces(grants, townshipId) || liaisonVillageIds(grants).includes(villageId);
}

export function readsAllPlaces(grants: readonly RoleGrant[], townshipId: string): boolean {
  if (isTownshipWide(grants, townshipId)) return true;
  return grants.some((g) => g.townshipId === townshipId && (g.role === 'police' || g.role === 'deptInspector'));
}

/** Who keeps a village's places (adds them, imports them): the office, or that village's liaison. */
export const keepsPlacesOf = canManageVillage;
