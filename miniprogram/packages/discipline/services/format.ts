// Instants shown in China time whatever the phone's zone (SPEC §3): "2025-01-10 09:00".
const CST_MS = 8 * 3600_000;

export function cstTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = new Date(iso).getTime();
  return Number.isNaN(t) ? '' : new Date(t + CST_MS).toISOString().slice(0, 16).replace('T', ' ');
}

export function cstDay(now = new Date()): string {
  return new Date(now.getTime() + CST_MS).toISOString().slice(0, 10);
}

/** A CST day and "HH:mm" as the ISO instant the server wants. */
export function cstInstant(day: string, time: string): string {
  return `${day}T${time}:00+08:00`;
}
