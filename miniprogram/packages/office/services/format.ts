// China time (UTC+8) whatever the phone's zone: instants shown as `YYYY-MM-DD HH:mm`.
const CST_OFFSET_MS = 8 * 3600 * 1000;

export function cstTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  return new Date(t + CST_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** A percentage or "—" when there is nothing to measure. */
export function pctText(pct: number | null): string {
  return pct === null ? '—' : `${pct}%`;
}
