// The emulator's virtual clock: an offset from real time that functions and db.serverDate() both obey. Local only.
export class VirtualClock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  get offset(): number {
    return this.offsetMs;
  }

  /** Move the clock so that "now" is the given instant (time keeps running from there); null returns to real time. */
  set(iso: string | null): Date {
    if (iso === null) {
      this.offsetMs = 0;
      return this.now();
    }
    const target = Date.parse(iso);
    if (Number.isNaN(target)) throw new Error(`无法识别的时间：${iso}`);
    this.offsetMs = target - Date.now();
    return this.now();
  }
}
