// Times on screen are China time whatever the phone's zone (SPEC §3): "12月1日 09:00" (subpackages cannot share files).
const CST_MS = 8 * 3600_000;

export function cstShort(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(new Date(iso).getTime() + CST_MS);
  if (Number.isNaN(d.getTime())) return '';
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}
