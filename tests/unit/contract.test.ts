// The contract table (typings/contract) against what exists: every action of every function's action table is either
// called by the mini program or marked server-only with a reason, and every page call names an action that exists.
// The table and the call sites are read with the TypeScript compiler, so `FN` constants and narrowed unions count.
import { readdirSync } from 'fs';
import { join, relative } from 'path';
import ts from 'typescript';
import type { ActionDef } from '../../server/infra/dispatch';

const root = join(__dirname, '../..');

interface Row {
  caller: 'page' | 'server';
  reason: string | null;
}

interface CallSite {
  fn: string;
  action: string;
  at: string;
}

function miniprogramProgram(): ts.Program {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.miniprogram.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error('tsconfig.miniprogram.json did not parse');
  return ts.createProgram(config.fileNames, config.options);
}

/** The literal values a type can take: `'visit'`, `'a' | 'b'`; anything wider is reported as unreadable. */
function literals(type: ts.Type): string[] | null {
  const parts = type.isUnion() ? type.types : [type];
  const values = parts.map((t) => (t.isStringLiteral() ? t.value : null));
  return values.every((v): v is string => v !== null) ? values : null;
}

function contractRows(program: ts.Program): Map<string, Map<string, Row>> {
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(join(root, 'typings/contract/index.ts'));
  if (!file) throw new Error('typings/contract/index.ts is not in the mini program build');
  const contract = checker.getExportsOfModule(checker.getSymbolAtLocation(file)!).find((s) => s.name === 'Contract');
  if (!contract) throw new Error('typings/contract/index.ts exports no Contract');
  const table = new Map<string, Map<string, Row>>();
  for (const fn of checker.getDeclaredTypeOfSymbol(contract).getProperties()) {
    const rows = new Map<string, Row>();
    for (const action of checker.getTypeOfSymbol(fn).getProperties()) {
      const entry = checker.getTypeOfSymbol(action);
      const field = (name: string) => {
        const p = entry.getProperty(name);
        return p ? literals(checker.getTypeOfSymbol(p)) : null;
      };
      const caller = field('caller');
      if (!caller || caller.length !== 1 || (caller[0] !== 'page' && caller[0] !== 'server'))
        throw new Error(`${fn.name}.${action.name}: caller is not 'page' or 'server'`);
      rows.set(action.name, { caller: caller[0], reason: field('reason')?.[0] ?? null });
    }
    table.set(fn.name, rows);
  }
  return table;
}

/** Every `callCloud(fn, action, …)` and `submitOrQueue(fn, action, …)` in miniprogram/, with the literal values of both. */
function callSites(program: ts.Program): { sites: CallSite[]; unreadable: string[] } {
  const checker = program.getTypeChecker();
  const sites: CallSite[] = [];
  const unreadable: string[] = [];
  for (const file of program.getSourceFiles()) {
    if (!file.fileName.startsWith(join(root, 'miniprogram') + '/')) continue;
    const visit = (node: ts.Node): void => {
      if (
        ts.isCallExpression(node) &&
        ts.isIdentifier(node.expression) &&
        (node.expression.text === 'callCloud' || node.expression.text === 'submitOrQueue')
      ) {
        const { line } = file.getLineAndCharacterOfPosition(node.getStart());
        const at = `${relative(root, file.fileName)}:${line + 1}`;
        const [fnArg, actionArg] = node.arguments;
        const fns = fnArg && literals(checker.getTypeAtLocation(fnArg));
        const actions = actionArg && literals(checker.getTypeAtLocation(actionArg));
        if (!fns || !actions) unreadable.push(at);
        else for (const fn of fns) for (const action of actions) sites.push({ fn, action, at });
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return { sites, unreadable };
}

function actionTables(): Map<string, Record<string, ActionDef<any, any>>> {
  const dir = join(root, 'server/handlers');
  const tables = new Map<string, Record<string, ActionDef<any, any>>>();
  for (const fn of readdirSync(dir).sort()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(join(dir, fn, 'index')) as { actions?: Record<string, ActionDef<any, any>> };
    if (mod.actions) tables.set(fn, mod.actions);
  }
  return tables;
}

describe('the contract table', () => {
  let contract: Map<string, Map<string, Row>>;
  let sites: CallSite[];
  let unreadable: string[];
  let tables: Map<string, Record<string, ActionDef<any, any>>>;

  beforeAll(() => {
    const program = miniprogramProgram();
    contract = contractRows(program);
    ({ sites, unreadable } = callSites(program));
    tables = actionTables();
  });

  it('has one table per cloud function, with exactly the actions of its action table', () => {
    expect([...contract.keys()].sort()).toEqual([...tables.keys()].sort());
    expect([...contract.keys()].sort()).toEqual(readdirSync(join(root, 'cloudfunctions')).sort());
    for (const [fn, rows] of contract)
      expect({ fn, actions: [...rows.keys()].sort() }).toEqual({ fn, actions: Object.keys(tables.get(fn)!).sort() });
  });

  it('finds the page calls, and can read the function and action of every one', () => {
    expect(unreadable).toEqual([]);
    // guards the scan itself: the visit form's submission and the outbox's path are found
    expect(sites.some((s) => s.fn === 'visit' && s.action === 'recordVisit')).toBe(true);
    expect(sites.some((s) => s.fn === 'grid' && s.action === 'confirmContact')).toBe(true);
  });

  it('every page call names an action the table lets pages call and the function dispatches', () => {
    const wrong = sites.filter(
      (s) =>
        contract.get(s.fn)?.get(s.action)?.caller !== 'page' || !Object.prototype.hasOwnProperty.call(tables.get(s.fn) ?? {}, s.action),
    );
    expect(wrong).toEqual([]);
  });

  it('every action has a caller in miniprogram/ or is marked server-only with its reason', () => {
    const called = new Set(sites.map((s) => `${s.fn}.${s.action}`));
    const problems: string[] = [];
    for (const [fn, rows] of contract) {
      for (const [action, row] of rows) {
        const name = `${fn}.${action}`;
        if (row.caller === 'page' && !called.has(name)) problems.push(`${name} is marked page-called but no page calls it`);
        if (row.caller === 'server' && called.has(name)) problems.push(`${name} is marked server-only but a page calls it`);
        if (row.caller === 'server' && !/^(timer|script|no page yet): \S.{10,}/.test(row.reason ?? ''))
          problems.push(`${name} is server-only without a reason`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('page-called and server-only actions add up to every action', () => {
    const rows = [...contract.values()].flatMap((r) => [...r.values()]);
    const page = rows.filter((r) => r.caller === 'page').length;
    const server = rows.filter((r) => r.caller === 'server').length;
    const all = [...tables.values()].reduce((n, t) => n + Object.keys(t).length, 0);
    expect(page + server).toBe(all);
    expect(page).toBeGreaterThan(0);
  });
});
