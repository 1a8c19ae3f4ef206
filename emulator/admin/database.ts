// database.* actions of the /admin protocol, executed with mingo over the store, with CloudBase's own limits.
import { randomBytes } from 'crypto';
import { find, aggregate, update as applyUpdate } from 'mingo';
import { calculateObjectSize } from 'bson';
import type { Store, WriteOp } from '../store';
import { decode, encode, type Doc } from '../ejson';
import { ProtocolError } from './protocol-error';

/** CloudBase server-side get(): 100 documents unless limited, never more than 1000. */
export const GET_DEFAULT_LIMIT = 100;
export const GET_MAX_LIMIT = 1000;
/** CloudBase aggregate(): 20 results unless the pipeline has its own $limit. */
export const AGGREGATE_DEFAULT_LIMIT = 20;
const TRANSACTION_TTL_MS = 30_000;
/** CloudBase (like MongoDB) refuses a document over 16 MB */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

interface Transaction {
  id: string;
  startedAt: number;
  /** version of every document the transaction touched, when it first touched it */
  seen: Map<string, { coll: string; id: string; version: number }>;
  /** pending writes, keyed like seen; null = delete */
  writes: Map<string, WriteOp>;
}

type Params = Record<string, any>;

export interface DatabaseStats {
  requests: number;
  docsReturned: number;
  /** requests CloudBase bills as reads (get, count, aggregate) and as writes (insert, update, remove, commit) */
  reads: number;
  writes: number;
}

const READS = new Set(['database.getDocument', 'database.calculateDocument', 'database.aggregateDocuments']);
const WRITES = new Set([
  'database.insertDocument',
  'database.modifyDocument',
  'database.modifyAndReturnDoc',
  'database.removeDocument',
  'database.commitTransaction',
]);

export class DatabaseService {
  private readonly transactions = new Map<string, Transaction>();
  /** counted for the benchmark: requests served and documents sent back to functions */
  readonly stats: DatabaseStats = { requests: 0, docsReturned: 0, reads: 0, writes: 0 };

  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  handle(action: string, p: Params): unknown {
    this.stats.requests++;
    if (READS.has(action)) this.stats.reads++;
    else if (WRITES.has(action)) this.stats.writes++;
    switch (action) {
      case 'database.addCollection':
        return this.addCollection(p);
      case 'database.getDocument':
        return this.getDocument(p);
      case 'database.insertDocument':
        return this.insertDocument(p);
      case 'database.modifyDocument':
        return this.modifyDocument(p);
      case 'database.modifyAndReturnDoc':
        return this.modifyAndReturnDoc(p);
      case 'database.removeDocument':
        return this.removeDocument(p);
      case 'database.calculateDocument':
        return this.calculateDocument(p);
      case 'database.aggregateDocuments':
        return this.aggregateDocuments(p);
      case 'database.startTransaction':
        return this.startTransaction();
      case 'database.commitTransaction':
        return this.commitTransaction(p);
      case 'database.abortTransaction':
        return this.abortTransaction(p);
      default:
        throw new ProtocolError('INVALID_PARAM', `unsupported action ${action}`);
    }
  }

  private addCollection(p: Params) {
    const name = requireName(p.collectionName);
    if (!this.store.createCollection(name)) {
      throw new ProtocolError('DATABASE_COLLECTION_ALREADY_EXIST', `collection ${name} already exists`);
    }
    return { data: {} };
  }

  private getDocument(p: Params) {
    const coll = this.collection(p);
    const tx = this.tx(p);
    if (tx) {
      const id = this.docIdOnly(p, 'get');
      const doc = this.txRead(tx, coll, id);
      if (doc) this.stats.docsReturned++;
      return { data: { list: doc ? [encode(doc)] : [] } };
    }
    const query = this.query(p);
    const limit = p.limit === undefined || p.limit === null ? GET_DEFAULT_LIMIT : Number(p.limit);
    if (!Number.isInteger(limit) || limit < 0) throw new ProtocolError('INVALID_PARAM', 'limit must be a non-negative integer');
    const offset = Number(p.offset ?? 0);
    const order = p.order ? (decode(p.order, this.now) as Record<string, 1 | -1>) : undefined;
    const projection = p.projection ? (decode(p.projection, this.now) as Record<string, 0 | 1>) : undefined;
    let cursor = find(this.store.candidates(coll, query), query, projection && Object.keys(projection).length ? projection : undefined);
    if (order && Object.keys(order).length) cursor = cursor.sort(order);
    if (offset > 0) cursor = cursor.skip(offset);
    cursor = cursor.limit(Math.min(limit === 0 ? GET_DEFAULT_LIMIT : limit, GET_MAX_LIMIT));
    const list = cursor.all() as Doc[];
    this.stats.docsReturned += list.length;
    return { data: { list: list.map(encode) } };
  }

  private insertDocument(p: Params) {
    const coll = this.collection(p);
    const items: unknown[] = Array.isArray(p.data) ? p.data : [p.data];
    const docs = items.map((item) => {
      const doc = (typeof item === 'string' ? decode(item, this.now) : decode(JSON.stringify(item), this.now)) as Doc;
      if (doc === null || typeof doc !== 'object' || Array.isArray(doc))
        throw new ProtocolError('INVALID_PARAM', 'document must be an object');
      if (doc._id === undefined) doc._id = newId();
      doc._id = String(doc._id);
      return withinSizeLimit(doc);
    });
    const tx = this.tx(p);
    if (tx) {
      for (const doc of docs) {
        if (this.txRead(tx, coll, doc._id)) throw new ProtocolError('DATABASE_DUPLICATE_WRITE', `duplicate _id ${doc._id}`);
        tx.writes.set(key(coll, doc._id), { coll, id: doc._id, doc });
      }
      return { data: { insertedIds: docs.map((d) => d._id) } };
    }
    const ids = new Set<string>();
    for (const doc of docs) {
      if (this.store.get(coll, doc._id) || ids.has(doc._id))
        throw new ProtocolError('DATABASE_DUPLICATE_WRITE', `duplicate _id ${doc._id}`);
      ids.add(doc._id);
    }
    this.store.write(docs.map((doc) => ({ coll, id: doc._id, doc })));
    return { data: { insertedIds: docs.map((d) => d._id) } };
  }

  private modifyDocument(p: Params) {
    const coll = this.collection(p);
    const data = typeof p.data === 'string' ? decode(p.data, this.now) : p.data;
    if (data === null || typeof data !== 'object' || Array.isArray(data))
      throw new ProtocolError('INVALID_PARAM', 'update data must be an object');
    const replace = p.merge === false;
    const upsert = p.upsert === true;
    const tx = this.tx(p);
    if (tx) {
      const id = this.docIdOnly(p, 'update');
      const current = this.txRead(tx, coll, id);
      if (!current && !upsert) return { data: { updated: 0 } };
      const next = withinSizeLimit(replace ? replaceDoc(id, data) : modify(current ?? { _id: id }, data));
      tx.writes.set(key(coll, id), { coll, id, doc: next });
      return current ? { data: { updated: 1 } } : { data: { updated: 0, upsert_id: id } };
    }
    const query = this.query(p);
    const matches = find(this.store.candidates(coll, query), query)
      .limit(p.multi ? Number.MAX_SAFE_INTEGER : 1)
      .all() as Doc[];
    if (matches.length === 0) {
      if (!upsert) return { data: { updated: 0 } };
      const seed = equalityFields(query);
      const id = seed._id !== undefined ? String(seed._id) : newId();
      const doc = withinSizeLimit(replace ? replaceDoc(id, data) : modify({ ...seed, _id: id }, data));
      this.store.write([{ coll, id, doc }]);
      return { data: { updated: 0, upsert_id: id } };
    }
    const ops: WriteOp[] = [];
    for (const current of matches) {
      const next = withinSizeLimit(replace ? replaceDoc(current._id, data) : modify(current, data));
      if (encode(next) !== encode(current)) ops.push({ coll, id: current._id, doc: next });
    }
    this.store.write(ops);
    return { data: { updated: ops.length } };
  }

  /** where().updateAndReturn(): one document, changed, and returned as it is after the change. */
  private modifyAndReturnDoc(p: Params) {
    const coll = this.collection(p);
    if (this.tx(p)) throw notInTransaction('updateAndReturn');
    const data = typeof p.data === 'string' ? decode(p.data, this.now) : p.data;
    const query = this.query(p);
    const current = (find(this.store.candidates(coll, query), query).limit(1).all() as Doc[])[0];
    if (!current) return { data: { updated: 0, doc: null } };
    const next = withinSizeLimit(modify(current, data as Doc));
    this.store.write([{ coll, id: current._id, doc: next }]);
    return { data: { updated: 1, doc: encode(next) } };
  }

  private removeDocument(p: Params) {
    const coll = this.collection(p);
    const tx = this.tx(p);
    if (tx) {
      const id = this.docIdOnly(p, 'remove');
      const current = this.txRead(tx, coll, id);
      tx.writes.set(key(coll, id), { coll, id, doc: null });
      return { data: { deleted: current ? 1 : 0 } };
    }
    const query = this.query(p);
    const matches = find(this.store.candidates(coll, query), query)
      .limit(p.multi ? Number.MAX_SAFE_INTEGER : 1)
      .all() as Doc[];
    this.store.write(matches.map((d) => ({ coll, id: d._id, doc: null })));
    return { data: { deleted: matches.length } };
  }

  private calculateDocument(p: Params) {
    const coll = this.collection(p);
    if (this.tx(p)) throw notInTransaction('count');
    const query = this.query(p);
    const total = Object.keys(query).length === 0 ? this.store.count(coll) : find(this.store.candidates(coll, query), query).all().length;
    return { data: { total } };
  }

  private aggregateDocuments(p: Params) {
    const coll = this.collection(p);
    if (this.tx(p)) throw notInTransaction('aggregate');
    const stages: { stageKey: string; stageValue: string }[] = Array.isArray(p.stages) ? p.stages : [];
    const pipeline = stages.map((s) => ({ [s.stageKey]: decode(s.stageValue, this.now) }));
    for (const stage of pipeline) {
      const lookup = stage.$lookup as Doc | undefined;
      if (lookup && !this.store.hasCollection(String(lookup.from))) {
        throw new ProtocolError('DATABASE_COLLECTION_NOT_EXIST', `collection ${String(lookup.from)} does not exist`);
      }
    }
    if (!pipeline.some((s) => '$limit' in s)) pipeline.push({ $limit: AGGREGATE_DEFAULT_LIMIT });
    const first = pipeline[0]?.$match as Doc | undefined;
    const source = first && typeof first === 'object' ? this.store.candidates(coll, first) : this.store.docs(coll);
    const list = this.runPipeline(source, pipeline);
    this.stats.docsReturned += list.length;
    return { data: { list: list.map(encode) } };
  }

  /**
   * The pipeline in runs split at each equality `$lookup` (localField/foreignField), whose foreign side is then looked
   * up through the store's field index for just the local values, as a database index would serve it, instead of
   * handing mingo the whole foreign collection. Same result as one mingo run; only the cost differs.
   */
  private runPipeline(source: Doc[], pipeline: Doc[]): Doc[] {
    let docs = source;
    let run: Doc[] = [];
    const flush = () => {
      if (run.length) docs = aggregate(docs, run, { collectionResolver: (name: string) => this.store.docs(name) }) as Doc[];
      run = [];
    };
    for (const stage of pipeline) {
      const lookup = stage.$lookup as Doc | undefined;
      const equality = lookup && typeof lookup.localField === 'string' && typeof lookup.foreignField === 'string' && !lookup.pipeline;
      if (!equality) {
        run.push(stage);
        continue;
      }
      flush();
      const values = new Set<unknown>();
      let indexable = true;
      for (const d of docs) {
        const got = (lookup.localField as string)
          .split('.')
          .reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Doc)[k] : undefined), d);
        for (const x of Array.isArray(got) ? got : [got]) {
          if (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') values.add(x);
          else indexable = false; // null, missing or an object: let mingo compare against the whole collection
        }
      }
      const from = String(lookup.from);
      const foreign = indexable
        ? this.store.candidates(from, { [lookup.foreignField as string]: { $in: [...values] } })
        : this.store.docs(from);
      docs = aggregate(docs, [stage], { collectionResolver: () => foreign }) as Doc[];
    }
    flush();
    return docs;
  }

  private startTransaction() {
    this.expireTransactions();
    const id = `tx-${newId()}`;
    this.transactions.set(id, { id, startedAt: Date.now(), seen: new Map(), writes: new Map() });
    return { transactionId: id };
  }

  private commitTransaction(p: Params) {
    const tx = this.requireTx(p.transactionId);
    this.transactions.delete(tx.id);
    for (const s of tx.seen.values()) {
      if (this.store.version(s.coll, s.id) !== s.version) {
        throw new ProtocolError('DATABASE_TRANSACTION_CONFLICT', 'database transaction conflict');
      }
    }
    for (const w of tx.writes.values()) {
      if (!this.store.hasCollection(w.coll)) throw collectionMissing(w.coll);
    }
    this.store.write([...tx.writes.values()]);
    return {};
  }

  private abortTransaction(p: Params) {
    this.transactions.delete(String(p.transactionId));
    return {};
  }

  private tx(p: Params): Transaction | undefined {
    return p.transactionId ? this.requireTx(p.transactionId) : undefined;
  }

  private requireTx(id: unknown): Transaction {
    const tx = this.transactions.get(String(id));
    if (!tx) throw new ProtocolError('DATABASE_TRANSACTION_FAIL', `transaction ${String(id)} does not exist or has ended`);
    return tx;
  }

  private txRead(tx: Transaction, coll: string, id: string): Doc | undefined {
    const k = key(coll, id);
    if (!tx.seen.has(k)) tx.seen.set(k, { coll, id, version: this.store.version(coll, id) });
    const pending = tx.writes.get(k);
    if (pending) return pending.doc ?? undefined;
    return this.store.get(coll, id);
  }

  /** CloudBase transactions allow single-document operations only: by _id, never a where() or aggregate. */
  private docIdOnly(p: Params, op: string): string {
    if (p.queryType !== 'DOC') throw notInTransaction(`${op} with where()`);
    const q = decode(p.query, this.now) as Doc;
    if (!q || Object.keys(q).length !== 1 || typeof q._id !== 'string') throw notInTransaction(`${op} with where()`);
    return q._id;
  }

  private expireTransactions(): void {
    const cutoff = Date.now() - TRANSACTION_TTL_MS;
    for (const [id, tx] of this.transactions) if (tx.startedAt < cutoff) this.transactions.delete(id);
  }

  private collection(p: Params): string {
    const name = requireName(p.collectionName);
    if (!this.store.hasCollection(name)) throw collectionMissing(name);
    return name;
  }

  private query(p: Params): Doc {
    if (p.query === undefined || p.query === null || p.query === '') return {};
    const q = typeof p.query === 'string' ? decode(p.query, this.now) : p.query;
    if (q === null || typeof q !== 'object' || Array.isArray(q)) throw new ProtocolError('INVALID_PARAM', 'query must be an object');
    return q as Doc;
  }
}

function requireName(name: unknown): string {
  if (typeof name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/.test(name)) {
    throw new ProtocolError('INVALID_PARAM', 'invalid collectionName');
  }
  return name;
}

function collectionMissing(name: string): ProtocolError {
  return new ProtocolError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${name}`);
}

function notInTransaction(what: string): ProtocolError {
  return new ProtocolError('DATABASE_REQUEST_FAILED', `transactions support single-document operations only; ${what} is not allowed`);
}

function key(coll: string, id: string): string {
  return `${coll}\u0000${id}`;
}

/** CloudBase ids are 32 hex characters. */
export function newId(): string {
  return randomBytes(16).toString('hex');
}

function withinSizeLimit(doc: Doc): Doc {
  const bytes = calculateObjectSize(doc);
  if (bytes > MAX_DOCUMENT_BYTES) {
    throw new ProtocolError('DATABASE_REQUEST_FAILED', `document is ${bytes} bytes, over the ${MAX_DOCUMENT_BYTES}-byte (16 MB) limit`);
  }
  return doc;
}

function replaceDoc(id: string, data: Doc): Doc {
  const { _id: _ignored, ...rest } = data;
  return { _id: id, ...rest };
}

function modify(current: Doc, expr: Doc): Doc {
  const next = structuredClone(current);
  const hasOperators = Object.keys(expr).some((k) => k.startsWith('$'));
  const modifier = hasOperators ? expr : { $set: expr };
  for (const fields of Object.values(modifier)) {
    if (fields && typeof fields === 'object' && '_id' in fields)
      throw new ProtocolError('DATABASE_REQUEST_FAILED', '_id cannot be modified');
  }
  applyUpdate(next, modifier as any);
  return next;
}

/** For an upsert, the plain equality fields of the query become fields of the new document. */
function equalityFields(query: Doc): Doc {
  const out: Doc = {};
  for (const [k, v] of Object.entries(query)) {
    if (k.startsWith('$') || k.includes('.')) continue;
    if (v !== null && typeof v === 'object' && !(v instanceof Date) && Object.keys(v).some((x) => x.startsWith('$'))) continue;
    out[k] = v;
  }
  return out;
}
