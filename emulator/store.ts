// Documents live in memory per collection (mingo queries them) and are written through to SQLite before any reply,
// so an acknowledged write survives kill -9.
import Database from 'better-sqlite3';
import { mkdirSync } from 'fs';
import { join } from 'path';
import { EJSON } from 'bson';
import type { Doc } from './ejson';

export interface StoredFile {
  path: string;
  data: Buffer;
  contentType: string;
  createdAt: number;
}

export type WriteOp = { coll: string; id: string; doc: Doc | null };

export class Store {
  private readonly db: Database.Database;
  private readonly collections = new Map<string, Map<string, Doc>>();
  private readonly versions = new Map<string, number>();
  /** lazily built equality indexes: collection → field → value → ids (the emulator's only query planning) */
  private readonly indexes = new Map<string, Map<string, Map<unknown, Set<string>>>>();
  private readonly stmt: {
    put: Database.Statement;
    del: Database.Statement;
    addColl: Database.Statement;
    putFile: Database.Statement;
    getFile: Database.Statement;
    delFile: Database.Statement;
    addMessage: Database.Statement;
    listMessages: Database.Statement;
  };

  constructor(readonly dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, 'cloudbase.sqlite'));
    this.db.pragma('journal_mode = WAL');
    // WAL + NORMAL: a committed write is in the OS before we reply, so a killed process loses nothing it acknowledged.
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY);
      CREATE TABLE IF NOT EXISTS docs (coll TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (coll, id));
      CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, data BLOB NOT NULL, content_type TEXT NOT NULL, created_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS messages (seq INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT NOT NULL);
    `);
    this.stmt = {
      put: this.db.prepare('INSERT INTO docs (coll, id, body) VALUES (?, ?, ?) ON CONFLICT (coll, id) DO UPDATE SET body = excluded.body'),
      del: this.db.prepare('DELETE FROM docs WHERE coll = ? AND id = ?'),
      addColl: this.db.prepare('INSERT OR IGNORE INTO collections (name) VALUES (?)'),
      putFile: this.db.prepare(
        'INSERT INTO files (path, data, content_type, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (path) DO UPDATE SET data = excluded.data, content_type = excluded.content_type, created_at = excluded.created_at',
      ),
      getFile: this.db.prepare('SELECT path, data, content_type AS contentType, created_at AS createdAt FROM files WHERE path = ?'),
      delFile: this.db.prepare('DELETE FROM files WHERE path = ?'),
      addMessage: this.db.prepare('INSERT INTO messages (body) VALUES (?)'),
      listMessages: this.db.prepare('SELECT seq, body FROM messages ORDER BY seq'),
    };
    this.load();
  }

  private load(): void {
    for (const row of this.db.prepare('SELECT name FROM collections').all() as { name: string }[]) {
      this.collections.set(row.name, new Map());
    }
    for (const row of this.db.prepare('SELECT coll, id, body FROM docs').iterate() as Iterable<{
      coll: string;
      id: string;
      body: string;
    }>) {
      this.collections.get(row.coll)?.set(row.id, EJSON.parse(row.body, { relaxed: true }) as Doc);
    }
  }

  hasCollection(name: string): boolean {
    return this.collections.has(name);
  }

  collectionNames(): string[] {
    return [...this.collections.keys()].sort();
  }

  /** Returns false when the collection already existed. */
  createCollection(name: string): boolean {
    if (this.collections.has(name)) return false;
    this.stmt.addColl.run(name);
    this.collections.set(name, new Map());
    return true;
  }

  /** Live documents of a collection; callers must not mutate them. */
  docs(coll: string): Doc[] {
    const c = this.collections.get(coll);
    return c ? [...c.values()] : [];
  }

  /**
   * The documents a query can possibly match, narrowed by `_id` or by one top-level equality on a primitive value
   * through an index built on first use; mingo still applies the whole query to them.
   */
  candidates(coll: string, query: Doc): Doc[] {
    const c = this.collections.get(coll);
    if (!c) return [];
    const id = query._id;
    if (typeof id === 'string') return c.has(id) ? [c.get(id)!] : [];
    if (id && typeof id === 'object' && Array.isArray((id as Doc).$in) && Object.keys(id).length === 1) {
      return ((id as Doc).$in as unknown[]).filter((x): x is string => typeof x === 'string' && c.has(x)).map((x) => c.get(x)!);
    }
    for (const [field, value] of Object.entries(query)) {
      if (field.startsWith('$') || field.includes('.')) continue;
      if (isIndexable(value)) {
        const ids = this.index(coll, field).get(value);
        return ids ? [...ids].map((x) => c.get(x)!) : [];
      }
      const list = inList(value);
      if (list) {
        const idx = this.index(coll, field);
        const ids = new Set<string>();
        for (const v of list) for (const x of idx.get(v) ?? []) ids.add(x);
        return [...ids].map((x) => c.get(x)!);
      }
    }
    return [...c.values()];
  }

  private index(coll: string, field: string): Map<unknown, Set<string>> {
    let byField = this.indexes.get(coll);
    if (!byField) this.indexes.set(coll, (byField = new Map()));
    let idx = byField.get(field);
    if (!idx) {
      byField.set(field, (idx = new Map()));
      for (const doc of this.collections.get(coll)?.values() ?? []) indexAdd(idx, doc, field);
    }
    return idx;
  }

  get(coll: string, id: string): Doc | undefined {
    return this.collections.get(coll)?.get(id);
  }

  count(coll: string): number {
    return this.collections.get(coll)?.size ?? 0;
  }

  version(coll: string, id: string): number {
    return this.versions.get(`${coll}\u0000${id}`) ?? 0;
  }

  /** Apply several writes atomically: all reach SQLite in one transaction, then memory. */
  write(ops: WriteOp[]): void {
    if (ops.length === 0) return;
    const persist = this.db.transaction((list: WriteOp[]) => {
      for (const op of list) {
        if (op.doc) this.stmt.put.run(op.coll, op.id, EJSON.stringify(op.doc, { relaxed: false }));
        else this.stmt.del.run(op.coll, op.id);
      }
    });
    persist(ops);
    for (const op of ops) {
      const c = this.collections.get(op.coll);
      if (!c) continue;
      const byField = this.indexes.get(op.coll);
      if (byField) {
        const old = c.get(op.id);
        for (const [field, idx] of byField) {
          if (old) indexRemove(idx, old, field);
          if (op.doc) indexAdd(idx, op.doc, field);
        }
      }
      if (op.doc) c.set(op.id, op.doc);
      else c.delete(op.id);
      const key = `${op.coll}\u0000${op.id}`;
      this.versions.set(key, (this.versions.get(key) ?? 0) + 1);
    }
  }

  putFile(path: string, data: Buffer, contentType: string, at: number): void {
    this.stmt.putFile.run(path, data, contentType, at);
  }

  getFile(path: string): StoredFile | undefined {
    return this.stmt.getFile.get(path) as StoredFile | undefined;
  }

  deleteFile(path: string): boolean {
    return this.stmt.delFile.run(path).changes > 0;
  }

  addMessage(message: Doc): void {
    this.stmt.addMessage.run(JSON.stringify(message));
  }

  messages(): Doc[] {
    return (this.stmt.listMessages.all() as { seq: number; body: string }[]).map((r) => ({ seq: r.seq, ...JSON.parse(r.body) }));
  }

  close(): void {
    this.db.close();
  }
}

/** `{ $in: [primitives] }` alone on a field: the union of the index entries. */
function inList(v: unknown): (string | number | boolean)[] | null {
  if (!v || typeof v !== 'object' || Array.isArray(v) || v instanceof Date) return null;
  const keys = Object.keys(v);
  const list = (v as Doc).$in;
  return keys.length === 1 && Array.isArray(list) && list.every(isIndexable) ? list : null;
}

function isIndexable(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/** Mongo equality on a field also matches arrays containing the value: index each element. */
function indexKeys(doc: Doc, field: string): unknown[] {
  const v = doc[field];
  if (Array.isArray(v)) return v.filter(isIndexable);
  return isIndexable(v) ? [v] : [];
}

function indexAdd(idx: Map<unknown, Set<string>>, doc: Doc, field: string): void {
  for (const k of indexKeys(doc, field)) {
    let ids = idx.get(k);
    if (!ids) idx.set(k, (ids = new Set()));
    ids.add(String(doc._id));
  }
}

function indexRemove(idx: Map<unknown, Set<string>>, doc: Doc, field: string): void {
  for (const k of indexKeys(doc, field)) idx.get(k)?.delete(String(doc._id));
}
