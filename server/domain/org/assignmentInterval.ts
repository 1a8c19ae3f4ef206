// Visitor ↔ household assignments are validity intervals [validFrom, validTo): history is closed, never rewritten.

export interface Interval {
  validFrom: Date;
  validTo: Date | null;
}

export function isValidAt(a: Interval, at: Date): boolean {
  return a.validFrom.getTime() <= at.getTime() && (a.validTo === null || at.getTime() < a.validTo.getTime());
}

/** still open, or ending in the future: the visitor holds the household from now on */
export function isCurrent(a: Interval, now: Date): boolean {
  return a.validTo === null || a.validTo.getTime() > now.getTime();
}

// "结合镇政府干部职工和驻村工作队明确走访人的责任范围和入户走访对象" — a reassignment ends the old range at the instant the new one starts.
export function closeAt(a: Interval, at: Date): Interval {
  if (a.validTo !== null && a.validTo.getTime() <= at.getTime()) return a;
  // closing before it began leaves an empty interval rather than a negative one
  const end = at.getTime() < a.validFrom.getTime() ? a.validFrom : at;
  return { validFrom: a.validFrom, validTo: new Date(end.getTime()) };
}
