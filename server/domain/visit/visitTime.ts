// "A visit's time is the server's time. A visit captured offline may be submitted up to 48 h later with its device time."
import { formatCst } from '../time/cst';
import type { Problem } from './problem';

/** a phone's clock may run this far ahead of the server's and still be believed */
export const CLOCK_SKEW_MS = 5 * 60_000;

export type VisitInstant = { ok: true; at: Date; offline: boolean } | { ok: false; problem: Problem };

/** `noun` names the field work in the messages: 走访 (knock visits), 检查 (place inspections). */
export function visitInstant(
  now: Date,
  submission: { offline: boolean; deviceTime?: Date },
  offlineWindowHours: number,
  noun = '走访',
): VisitInstant {
  if (!submission.offline || !submission.deviceTime) return { ok: true, at: now, offline: false };
  const device = submission.deviceTime;
  if (device.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    return {
      ok: false,
      problem: {
        code: 'FUTURE_TIME',
        message: `${noun}时间（${formatCst(device)}）晚于当前时间，请检查手机时间设置后重新提交`,
        field: 'deviceTime',
      },
    };
  }
  if (now.getTime() - device.getTime() > offlineWindowHours * 3600_000) {
    return {
      ok: false,
      problem: {
        code: 'OFFLINE_TOO_LATE',
        message: `离线${noun}须在${offlineWindowHours}小时内提交；这次${noun}记录于${formatCst(device)}，已超过时限，不能补录`,
        field: 'deviceTime',
      },
    };
  }
  // a device clock slightly ahead never puts a visit after the moment it arrived
  return { ok: true, at: device.getTime() > now.getTime() ? now : device, offline: true };
}
