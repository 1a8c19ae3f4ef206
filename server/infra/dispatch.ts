// One entry shape for every cloud function: validate the event with zod, establish identity from getWXContext(),
// check the action's roles, run it, and map any failure to { ok:false, code, message } in one place.
import { z } from 'zod';
import type { Fail, Result } from '../../typings/result';
import type { Contract, FunctionName } from '../../typings/contract';
import type { Role } from '../../typings/roles';
import { AppError } from './errors';
import { getCloud, getDb, type Database } from './cloud';
import { now } from './clock';
import { loadActor, type Actor } from './auth';
import { guardEvent } from './eventGuard';
import { invocationMarks, isTimerInvocation } from './invocation';
import { CONFLICT_MESSAGE, isTransactionConflict } from './store';

z.config(z.locales.zhCN());

export interface ActionContext {
  /** OPENID injected by the WeChat runtime; null for timers and anonymous callers */
  openid: string | null;
  /** the bound person, when the OPENID belongs to one */
  actor: Actor | null;
  now: Date;
  db: Database;
  idempotencyKey?: string;
}

export interface ActionDef<S extends z.ZodType = z.ZodType, R = unknown> {
  schema: S;
  /** 'anonymous': anyone, even unbound; 'member': a bound person; or the roles allowed (any of them) */
  access: 'anonymous' | 'member' | readonly Role[];
  run(ctx: ActionContext, input: z.infer<S>): Promise<R>;
  /** warnings to show beside a successful result (e.g. a micro-grid under 5 households) */
  warnings?(result: R): string[] | undefined;
}

export function defineAction<S extends z.ZodType, R>(def: ActionDef<S, R>): ActionDef<S, R> {
  return def;
}

/** What crosses the wire: JSON turns a Date into its ISO string. */
type OverTheWire<T> = T extends Date
  ? string
  : T extends readonly (infer E)[]
    ? OverTheWire<E>[]
    : T extends object
      ? { [K in keyof T]: OverTheWire<T[K]> }
      : T;
/** One flat, comparable form of a type (interfaces, intersections and zod's mapped types alike). */
type Plain<T> = T extends readonly (infer E)[] ? Plain<E>[] : T extends object ? { [K in keyof T]: Plain<T[K]> } : T;
type Same<A, B> = (<X>() => X extends Plain<A> ? 1 : 2) extends <X>() => X extends Plain<B> ? 1 : 2 ? true : false;

/** Each action checked against its contract row; a mismatch becomes a type naming both sides, so tsc shows them. */
export type ContractChecked<C, T> = {
  [A in keyof C]: A extends keyof T
    ? T[A] extends { schema: infer S extends z.ZodType; run(...args: never[]): Promise<infer R> }
      ? C[A] extends { request: infer Req; response: infer Res }
        ? Same<z.input<S>, Req> extends false
          ? { requestMismatch: { contract: Req; schema: z.input<S> } }
          : [OverTheWire<R>] extends [Res]
            ? T[A]
            : { responseMismatch: { contract: Res; handler: OverTheWire<R> } }
        : never
      : ActionDef
    : ActionDef;
};

/**
 * A function's action table, checked against its contract table in typings/contract: the same action names, each
 * schema's input exactly the contract's request, each result assignable to the contract's response.
 */
export function contractActions<F extends FunctionName, T extends Record<keyof Contract[F], ActionDef<any, any>>>(
  _fn: F,
  table: T & ContractChecked<Contract[F], T> & Record<Exclude<keyof T, keyof Contract[F]>, never>,
): T {
  return table;
}

export interface TimerDef {
  run(ctx: ActionContext): Promise<unknown>;
}

const eventEnvelope = z.object({
  action: z.string({ error: '缺少操作名 action' }).min(1, '缺少操作名 action'),
  idempotencyKey: z.string().min(8, '幂等键过短').max(64, '幂等键过长').optional(),
});

/** Own entries only: `toString`, `constructor`, `__proto__` are names on every object, never actions. */
function ownEntry<T>(table: Record<string, T>, name: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
}

export const TIMER_ONLY_MESSAGE = '定时任务只能由云开发定时触发器启动';

/** Build a CloudBase `main(event, context)` from an action table and optional timer table. */
export function createMain(actions: Record<string, ActionDef<any, any>>, timers: Record<string, TimerDef> = {}) {
  return async function main(event: Record<string, unknown>, context?: unknown): Promise<Result<unknown>> {
    const cloud = getCloud();
    const wx = cloud.getWXContext();
    const openid = (wx.OPENID as string | undefined) || null;
    const db = getDb();
    try {
      guardEvent(event);
      if (event && typeof event === 'object' && (event as { Type?: unknown }).Type === 'Timer') {
        // the event's shape proves nothing (a phone can send it); only the runtime's invocation marks do
        if (!isTimerInvocation(invocationMarks(openid, wx.SOURCE, context))) throw new AppError('FORBIDDEN', TIMER_ONLY_MESSAGE);
        const timer = ownEntry(timers, String(event.TriggerName));
        if (!timer) throw new AppError('UNKNOWN_ACTION', `未知的定时任务：${String(event.TriggerName)}`);
        const data = await timer.run({ openid: null, actor: null, now: now(), db });
        return { ok: true, data };
      }
      const envelope = eventEnvelope.safeParse(event ?? {});
      if (!envelope.success) return invalid(envelope.error);
      const def = ownEntry(actions, envelope.data.action);
      if (!def) throw new AppError('UNKNOWN_ACTION', `未知的操作：${envelope.data.action}`);
      const actor = openid ? await loadActor(db, openid) : null;
      authorize(def, openid, actor);
      const { action: _a, idempotencyKey: _k, ...rest } = event;
      const parsed = def.schema.safeParse(rest);
      if (!parsed.success) return invalid(parsed.error);
      const ctx: ActionContext = { openid, actor, now: now(), db, idempotencyKey: envelope.data.idempotencyKey };
      const data = await def.run(ctx, parsed.data);
      const warnings = def.warnings?.(data);
      return warnings && warnings.length ? { ok: true, data, warnings } : { ok: true, data };
    } catch (err) {
      if (err instanceof AppError) return err.toFail();
      if (isTransactionConflict(err)) return new AppError('CONFLICT', CONFLICT_MESSAGE).toFail();
      console.error('[internal]', err);
      return { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' };
    }
  };
}

function authorize(def: ActionDef<any, any>, openid: string | null, actor: Actor | null): void {
  if (def.access === 'anonymous') return;
  if (!openid || !actor) throw new AppError('UNAUTHENTICATED', '请先通过邀请码加入您的网格');
  if (def.access === 'member') return;
  const allowed = def.access;
  if (!actor.grants.some((g) => allowed.includes(g.role))) throw new AppError('FORBIDDEN', '您没有权限进行此操作');
}

function invalid(error: z.ZodError): Fail {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') || undefined;
  const message = issue ? issue.message : '输入有误';
  return field ? { ok: false, code: 'INVALID_INPUT', message, field } : { ok: false, code: 'INVALID_INPUT', message };
}
