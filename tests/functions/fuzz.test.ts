// Malformed events for every action of every function (enumerated from server/handlers/*/index.ts), generated with
// fast-check from each action's zod schema, fixed seed, sent in-process through the real runner, wx-server-sdk and
// emulator by a caller the action admits (so validation, not the role check, is what answers). Every answer must be a
// Result and never INTERNAL; a refused event must leave the store exactly as it was (pre-images of every write it made
// are compared after the call); a sample goes through the dev API over HTTP and must never get a 5xx.
import { readdirSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import { z } from 'zod';
import { EJSON } from 'bson';
import { startBackend, type Backend } from '../helpers/backend';
import { RunnerError } from '../../emulator/runner';
import type { WriteOp } from '../../emulator/store';
import type { ActionDef, TimerDef } from '../../server/infra/dispatch';
import type { Role } from '../../typings/roles';

const SEED = 20261130;
// 100 per action in the suite's main time zone (about 14,000 events over 140 actions); the input shapes do not depend
// on the zone, so the other two passes send fewer to keep CI inside its time (FUZZ_EVENTS=1000 hunts longer)
const EVENTS_PER_ACTION = Number(process.env.FUZZ_EVENTS ?? ((process.env.TZ ?? 'Asia/Shanghai') === 'Asia/Shanghai' ? 100 : 25));
const HTTP_SAMPLE_PER_FUNCTION = 12;

interface HandlerModule {
  actions: Record<string, ActionDef<any, any>>;
  timers?: Record<string, TimerDef>;
}
const HANDLERS = join(__dirname, '../../server/handlers');
const FUNCTIONS = readdirSync(HANDLERS).sort();

/** a demo identity holding each role (the fuzz wants validation to answer, not the role check) */
const AS_ROLE: Record<Role, string> = {
  office: 'demo-office',
  discipline: 'demo-discipline',
  liaison: 'demo-liaison-1',
  visitor: 'demo-visitor-1',
  gridLeader: 'demo-leader-1',
  villager: 'demo-villager-1',
  helper: 'demo-helper-1',
  police: 'demo-police',
  deptInspector: 'demo-inspector-yingji',
};
function callerFor(def: ActionDef<any, any>): string {
  if (def.access === 'anonymous') return 'fuzz-unbound-phone';
  if (def.access === 'member') return 'demo-office';
  return AS_ROLE[def.access[0]];
}

// ---- hostile values -------------------------------------------------------------------------------------------------

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];
const OPERATORS: Record<string, unknown>[] = [
  { $gt: '' },
  { $ne: null },
  { $regex: '.*' },
  { $where: 'sleep(1000)' },
  { $in: [] },
  { $exists: true },
  { $nin: [''] },
  { $or: [{}] },
];
const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\uD800',
  '\uDFFF\uD800',
  '\u202Eevil',
  '\u200B\u200B',
  'e\u0301\u0301\u0301',
  '🔥🧯👨‍👩‍👧',
  '\uFEFF',
  '${1+1}',
  '<script>alert(1)</script>',
  "'; DROP TABLE x; --",
  '../../etc/passwd',
  'cloud://other-env.bucket/x.jpg',
  'NaN',
  'undefined',
  'null',
  '[object Object]',
];
const IMPOSSIBLE_DATES = [
  '2024-02-30T10:00:00+08:00',
  '2025-02-29',
  '2024-13-01T00:00:00+08:00',
  '0000-00-00T00:00:00Z',
  '2024-12-31T24:00:01+08:00',
  '2024-12-10T10:61:00+08:00',
  '9999-99-99',
  '2024-12',
  '1970-01-01T00:00:00+99:00',
  '-271821-04-19T00:00:00Z',
  '+275760-09-13T00:00:01Z',
  'Invalid Date',
  '2024-1-1',
];
const ODD_NUMBERS = [NaN, Infinity, -Infinity, -0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -1, 0.5, 2 ** 31, -(2 ** 53)];

function nested(depth: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}
/** an object with a prototype key as its own property, as JSON.parse would build it from a phone's text */
function withOwnKey(key: string, value: unknown): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  Object.defineProperty(o, key, { value, enumerable: true, configurable: true, writable: true });
  return o;
}

const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...ODD_STRINGS),
  fc.constantFrom(...IMPOSSIBLE_DATES),
  fc.constantFrom(...ODD_NUMBERS),
  fc.constantFrom(...OPERATORS),
  fc.constantFrom(null, true, false, 0, 1, [], {}, [null], [{}], { _id: 'x' }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer({ min: 2_000, max: 60_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 20_000, max: 40_000 }).map((n) => '汉'.repeat(n)),
  fc.integer({ min: 33, max: 64 }).map(nested),
  fc.constantFrom(...PROTO_KEYS).map((k) => withOwnKey(k, { polluted: true })),
  fc.array(fc.constantFrom<unknown>('a', 1, null, {}, { $gt: '' }), { maxLength: 5 }),
  fc.dictionary(fc.constantFrom('$set', '$inc', 'a.b', '$where', '__proto__'), fc.constantFrom<unknown>(1, 'x', {}), { maxKeys: 3 }),
);

// ---- events from a schema -------------------------------------------------------------------------------------------

interface Field {
  name: string;
  type: string;
  required: boolean;
  plausible: unknown;
}

/** The schema's top-level fields with a plausible value of the right type, from zod's JSON Schema of the input. */
function fieldsOf(schema: z.ZodType): Field[] {
  let js: { properties?: Record<string, any>; required?: string[] };
  try {
    js = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as typeof js;
  } catch {
    return [];
  }
  const required = new Set(js.required ?? []);
  return Object.entries(js.properties ?? {}).map(([name, p]) => {
    const alt = p.anyOf?.find((x: any) => x.type && x.type !== 'null') ?? p;
    const type: string = alt.enum ? 'enum' : alt.const !== undefined ? 'enum' : Array.isArray(alt.type) ? alt.type[0] : (alt.type ?? 'any');
    const plausible =
      alt.enum?.[0] ??
      alt.const ??
      (
        {
          string: alt.format === 'date-time' ? '2024-12-10T10:00:00+08:00' : `demo-${name}`,
          number: 1,
          integer: 1,
          boolean: true,
          array: [],
          object: {},
        } as Record<string, unknown>
      )[type] ??
      'x';
    return { name, type, required: required.has(name), plausible };
  });
}

function typeOfValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

type Defect = 'wrongType' | 'missing' | 'extra' | 'operator' | 'protoKey' | 'hostile' | 'notAnObject';

/** A malformed event for `action`: a plausible event with at least one defect, or not an object at all. */
function malformedEvents(action: string, fields: Field[]): fc.Arbitrary<{ defect: Defect; event: unknown }> {
  const base = (): Record<string, unknown> => Object.fromEntries(fields.map((f) => [f.name, f.plausible]));
  const anyField = fields.length ? fc.constantFrom(...fields) : fc.constant(null);
  const requiredFields = fields.filter((f) => f.required);
  const key = fc.option(fc.string({ minLength: 8, maxLength: 64, unit: fc.constantFrom(...'abcdef0123456789-'.split('')) }), {
    nil: undefined,
  });
  const withKey = (e: Record<string, unknown>, k: string | undefined) => (k ? { ...e, idempotencyKey: k } : e);
  const event = (defect: Defect, e: Record<string, unknown>, k?: string) => ({ defect, event: withKey({ action, ...e }, k) });
  const strategies: fc.Arbitrary<{ defect: Defect; event: unknown }>[] = [
    fc
      .tuple(anyField, hostile, key)
      .filter(([f, v]) => !f || (typeOfValue(v) !== f.type && !(f.type === 'number' && typeOfValue(v) === 'integer')))
      .map(([f, v, k]) => event('wrongType', f ? { ...base(), [f.name]: v } : { field: v }, k)),
    fc
      .tuple(fc.constantFrom(...OPERATORS), anyField, key)
      .map(([op, f, k]) => event('operator', f ? { ...base(), [f.name]: op } : { where: op }, k)),
    fc
      .tuple(fc.dictionary(fc.string({ maxLength: 12 }), hostile, { minKeys: 1, maxKeys: 4 }), key)
      .map(([extra, k]) => event('extra', { ...base(), ...extra }, k)),
    fc
      .tuple(fc.constantFrom(...PROTO_KEYS), hostile, anyField)
      .map(([pk, v, f]) => event('protoKey', f ? { ...base(), [f.name]: withOwnKey(pk, v) } : withOwnKey(pk, v))),
    fc
      .constantFrom<unknown>(
        null,
        [],
        'text',
        42,
        [{ action }],
        { action: [action] },
        { action: withOwnKey('toString', 1) },
        { action: '' },
        { action, idempotencyKey: 'short' },
        { action, idempotencyKey: { $gt: '' } },
      )
      .map((e) => ({ defect: 'notAnObject' as const, event: e })),
  ];
  if (fields.length) {
    strategies.push(
      fc
        .tuple(
          fc.subarray(
            fields.map((f) => f.name),
            { minLength: 1 },
          ),
          fc.constantFrom(...PROTO_KEYS),
          hostile,
        )
        .map(([drop, pk, v]) => {
          const e = base();
          for (const n of drop) delete e[n];
          return event('missing', { ...e, ...withOwnKey(pk, v) });
        }),
    );
  }
  if (requiredFields.length) {
    strategies.push(
      fc.tuple(fc.constantFrom(...requiredFields), key).map(([f, k]) => {
        const e = base();
        delete e[f.name];
        return event('missing', e, k);
      }),
    );
  }
  strategies.push(
    fc.tuple(fc.array(fc.tuple(anyField, hostile), { minLength: 1, maxLength: 4 }), key).map(([pairs, k]) => {
      const e = base();
      for (const [f, v] of pairs) if (f) e[f.name] = v;
      return event('hostile', e, k);
    }),
  );
  return fc.oneof(...strategies);
}

// ---- what a refused event may leave behind: nothing -----------------------------------------------------------------

/** Pre-images of every document written since mark(); a refused event must leave each one as it was. */
function watchWrites(b: Backend) {
  const store = b.emulator.store;
  const before = new Map<string, string | null>();
  const original = store.write.bind(store);
  store.write = (ops: WriteOp[]) => {
    for (const op of ops) {
      const k = `${op.coll}\u0000${op.id}`;
      if (!before.has(k)) {
        const doc = store.get(op.coll, op.id);
        before.set(k, doc ? EJSON.stringify(doc, { relaxed: false }) : null);
      }
    }
    original(ops);
  };
  return {
    mark: () => before.clear(),
    /** the documents whose content differs from before the mark */
    changed(): string[] {
      const out: string[] = [];
      for (const [k, was] of before) {
        const [coll, id] = k.split('\u0000');
        const doc = store.get(coll, id);
        if ((doc ? EJSON.stringify(doc, { relaxed: false }) : null) !== was) out.push(`${coll}/${id}`);
      }
      return out;
    },
  };
}

let b: Backend;
let writes: ReturnType<typeof watchWrites>;
const totals = { actions: 0, events: 0, refused: 0, accepted: 0, internal: 0, partialWrites: 0, http: 0, http5xx: 0, platformRefused: 0 };
const byCode = new Map<string, number>();

beforeAll(async () => {
  b = await startBackend({ demo: true });
  b.setClock('2024-12-10T10:00:00+08:00');
  writes = watchWrites(b);
});
afterAll(async () => {
  const codes = [...byCode]
    .sort((x, y) => y[1] - x[1])
    .map(([c, n]) => `${c} ${n}`)
    .join(', ');
  console.log(
    `fuzz: ${totals.events} malformed events to ${totals.actions} actions of ${FUNCTIONS.length} functions (seed ${SEED}, ${EVENTS_PER_ACTION} per action) — ${totals.refused} refused, ${totals.accepted} accepted, ` +
      `${totals.platformRefused} refused by the runner (over 100 KB); INTERNAL ${totals.internal}, partial writes ${totals.partialWrites}; ` +
      `over HTTP ${totals.http} calls, 5xx ${totals.http5xx}\n  codes: ${codes}`,
  );
  await b?.stop();
});

function seedOf(name: string): number {
  let h = SEED;
  for (const ch of name) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

describe.each(FUNCTIONS)('fuzz: function %s', (fn) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(join(HANDLERS, fn)) as HandlerModule;
  const actionNames = Object.keys(mod.actions);

  it(`${EVENTS_PER_ACTION} malformed events for each action: no INTERNAL, no partial write`, async () => {
    const problems: string[] = [];
    const httpSample: { event: unknown; openid: string }[] = [];
    for (const action of actionNames) {
      totals.actions++;
      const def = mod.actions[action];
      const openid = callerFor(def);
      const events = fc.sample(malformedEvents(action, fieldsOf(def.schema)), {
        seed: seedOf(`${fn}.${action}`),
        numRuns: EVENTS_PER_ACTION,
      });
      expect(events).toHaveLength(EVENTS_PER_ACTION);
      for (const [i, { defect, event }] of events.entries()) {
        totals.events++;
        writes.mark();
        let r: any;
        try {
          r = await b.emulator.runner.invoke(fn, event, { openid, source: 'wx_client' });
        } catch (err) {
          if (err instanceof RunnerError && err.code === 'EVENT_TOO_LARGE') {
            totals.platformRefused++;
            continue;
          }
          problems.push(`${action}#${i} (${defect}) crashed the runner: ${(err as Error).message}`);
          continue;
        }
        if (!r || typeof r !== 'object' || typeof r.ok !== 'boolean') {
          problems.push(`${action}#${i} (${defect}) answered no Result: ${JSON.stringify(r)?.slice(0, 200)}`);
          continue;
        }
        if (r.ok) {
          totals.accepted++;
          continue;
        }
        totals.refused++;
        byCode.set(r.code, (byCode.get(r.code) ?? 0) + 1);
        if (r.code === 'INTERNAL') {
          totals.internal++;
          problems.push(`${action}#${i} (${defect}) INTERNAL for ${JSON.stringify(event)?.slice(0, 300)}`);
        }
        if (!/[\u4e00-\u9fff]/.test(String(r.message))) problems.push(`${action}#${i} (${defect}) ${r.code} without a Chinese message`);
        const changed = writes.changed();
        if (changed.length) {
          totals.partialWrites++;
          problems.push(`${action}#${i} (${defect}) refused with ${r.code} but changed ${changed.join(', ')}`);
        }
        if (i % Math.ceil((EVENTS_PER_ACTION * actionNames.length) / HTTP_SAMPLE_PER_FUNCTION) === 0) httpSample.push({ event, openid });
      }
    }
    // timer-shaped events from phones and from anonymous callers: never the timer
    for (const trigger of [...Object.keys(mod.timers ?? {}), 'toString', '__proto__']) {
      for (const openid of ['demo-office', null]) {
        const r: any = await b.call(fn, { Type: 'Timer', TriggerName: trigger, Time: new Date().toISOString(), Message: '' }, openid);
        totals.events++;
        if (r.ok || r.code !== 'FORBIDDEN')
          problems.push(`timer-shaped ${trigger} from ${openid ?? 'anonymous'} answered ${JSON.stringify(r).slice(0, 120)}`);
      }
    }
    // the same kinds of events over the dev API, plus the two the runner itself must survive: none may get a 5xx
    const bodies = httpSample.map(({ event, openid }) => ({ text: JSON.stringify(event), openid }));
    bodies.push({ text: `{"action":"${actionNames[0]}","deep":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`, openid: 'demo-office' });
    bodies.push({ text: JSON.stringify({ action: actionNames[0], big: 'x'.repeat(150_000) }), openid: 'demo-office' });
    bodies.push({ text: '[1,2,3]', openid: 'demo-office' }, { text: '{"action":', openid: 'demo-office' });
    for (const { text, openid } of bodies) {
      const res = await fetch(`${b.emulator.url}/fn/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
        body: text,
      });
      totals.http++;
      const body = (await res.json()) as { ok?: boolean; code?: string };
      if (res.status >= 500) {
        totals.http5xx++;
        problems.push(`HTTP ${res.status} for ${text.slice(0, 200)}: ${JSON.stringify(body)}`);
      } else if (typeof body.ok !== 'boolean' || body.code === 'INTERNAL')
        problems.push(`HTTP ${res.status} answered ${JSON.stringify(body).slice(0, 200)}`);
    }
    expect(problems).toEqual([]);
  }, 240_000);
});
