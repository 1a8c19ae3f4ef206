// How many households a micro-grid may hold (SPEC §2, seed 001 §三.1).

export const GRID_MIN_HOUSEHOLDS = 5;
export const GRID_MAX_HOUSEHOLDS = 15;

export type GridAdmission = { ok: true } | { ok: false; message: string };

// "每村按5-10户（最多不超过15户）设立一个微网格"
export function admitHousehold(gridName: string, activeHouseholds: number): GridAdmission {
  if (activeHouseholds + 1 > GRID_MAX_HOUSEHOLDS) {
    return {
      ok: false,
      message: `微网格“${gridName}”已有${activeHouseholds}户，每个微网格最多不超过${GRID_MAX_HOUSEHOLDS}户，请新建微网格或调整到其他网格`,
    };
  }
  return { ok: true };
}

// "每村按5-10户（最多不超过15户）设立一个微网格" — under 5 is allowed, but said out loud.
export function gridSizeWarning(gridName: string, activeHouseholds: number): string | undefined {
  if (activeHouseholds >= GRID_MIN_HOUSEHOLDS) return undefined;
  return `微网格“${gridName}”目前只有${activeHouseholds}户，少于${GRID_MIN_HOUSEHOLDS}户（按每网格5-10户设立），请继续补充或与相邻网格合并`;
}
