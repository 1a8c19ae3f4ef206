// Who invoked this function, as CloudBase marks it — never as the event claims. A timer invocation carries
// TRIGGER_SRC=timer in the invocation environment (read by @cloudbase/node-sdk 3.17.2 `utils/tcbcontext.js` and
// `utils/wxCloudToken.js` from process.env and from the `context.environment` of main(event, context)), and
// getWXContext().SOURCE (env TCB_SOURCE) ends with `wx_trigger` (WeChat docs, Cloud.getWXContext: "wx_trigger
// 云函数定时触发器调用"; the value follows the call chain, comma-separated, e.g. `wx_client,scf`). Neither can be set by
// a phone, and a timer has no OPENID.

/** The invocation variables the runtime hands to main(event, context): `environment` (JSON) or the older `environ` (k=v;…). */
export function contextEnvironment(context: unknown): Record<string, string> {
  if (!context || typeof context !== 'object') return {};
  const c = context as { environment?: unknown; environ?: unknown };
  try {
    if (typeof c.environment === 'string') {
      const parsed = JSON.parse(c.environment) as unknown;
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
    }
    if (c.environment && typeof c.environment === 'object') return c.environment as Record<string, string>;
    if (typeof c.environ === 'string') {
      const out: Record<string, string> = {};
      for (const part of c.environ.split(';')) {
        const eq = part.indexOf('=');
        if (eq > 0) out[part.slice(0, eq)] = part.slice(eq + 1);
      }
      return out;
    }
  } catch {
    return {};
  }
  return {};
}

export interface InvocationMarks {
  openid: string | null;
  /** getWXContext().SOURCE, i.e. TCB_SOURCE: the call chain */
  source: string | undefined;
  /** TRIGGER_SRC of the invocation */
  triggerSrc: string | undefined;
}

export function invocationMarks(openid: string | null, wxSource: unknown, context: unknown): InvocationMarks {
  const env = contextEnvironment(context);
  const source = typeof wxSource === 'string' && wxSource ? wxSource : env.TCB_SOURCE || process.env.TCB_SOURCE || undefined;
  const triggerSrc = env.TRIGGER_SRC || process.env.TRIGGER_SRC || undefined;
  return { openid, source, triggerSrc };
}

/** the SOURCE values of invocations that are certainly not the timer (WeChat's documented list) */
const NOT_TIMER = new Set(['wx_devtools', 'wx_client', 'wx_http', 'wx_paycallback', 'wx_crawler', 'wx_localdebug', 'wx_unknown', 'scf']);

/** Really the timer: no user, marked as a timer, and no later hop (a function called by a timer-run function is not the timer). */
export function isTimerInvocation(m: InvocationMarks): boolean {
  if (m.openid) return false;
  const lastHop = m.source?.split(',').pop()?.trim();
  if (lastHop && NOT_TIMER.has(lastHop)) return false;
  return m.triggerSrc === 'timer' || lastHop === 'wx_trigger';
}
