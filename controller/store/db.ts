import Database from "better-sqlite3";
import * as fs from "fs";
import * as path from "path";
import type { EntityKind, EntityTypes } from "../model";
import type { Task, TaskFilter } from "../tasks/types";
import { ensurePrivateFile, makePrivateDir, PRIVATE_FILE_MODE } from "./private";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS entities (
  kind TEXT NOT NULL, id TEXT NOT NULL, parent TEXT, doc TEXT NOT NULL, PRIMARY KEY (kind, id));
CREATE INDEX IF NOT EXISTS entities_parent ON entities (kind, parent);
CREATE TABLE IF NOT EXISTS tasks (
  id TEXT PRIMARY KEY, entity_id TEXT, entity_kind TEXT, state TEXT, tenant_id TEXT, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS tasks_entity ON tasks (entity_id);
CREATE INDEX IF NOT EXISTS tasks_state ON tasks (state);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

interface DocRow {
  doc: string;
}

/**
 * The controller's only persistence: one SQLite file in WAL mode. Every call commits before it returns
 * (or with its surrounding `tx`), so a write acknowledged over HTTP survives a kill -9.
 */
export class Store {
  private readonly db: Database.Database;
  private readonly stmts: ReturnType<Store["prepare"]>;

  constructor(dataDir: string) {
    makePrivateDir(dataDir);
    const file = path.join(dataDir, "photon.sqlite");
    // SQLite makes its -wal and -shm files with the database file's mode: owner-only from the start.
    ensurePrivateFile(file);
    for (const f of [`${file}-wal`, `${file}-shm`]) if (fs.existsSync(f)) fs.chmodSync(f, PRIVATE_FILE_MODE);
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("busy_timeout = 5000");
    // One process owns the data folder, so it holds the lock for good instead of taking and dropping
    // it around every statement: reads stop paying the lock calls (decision 0111). A kill -9 releases
    // it with the process.
    this.db.pragma("locking_mode = EXCLUSIVE");
    this.db.exec(SCHEMA);
    this.stmts = this.prepare();
  }

  private prepare() {
    const db = this.db;
    return {
      get: db.prepare<[string, string], DocRow>("SELECT doc FROM entities WHERE kind = ? AND id = ?"),
      listAll: db.prepare<[string], DocRow>("SELECT doc FROM entities WHERE kind = ? ORDER BY rowid"),
      listParent: db.prepare<[string, string], DocRow>(
        "SELECT doc FROM entities WHERE kind = ? AND parent = ? ORDER BY rowid",
      ),
      put: db.prepare(
        `INSERT INTO entities (kind, id, parent, doc) VALUES (?, ?, ?, ?)
         ON CONFLICT (kind, id) DO UPDATE SET parent = excluded.parent, doc = excluded.doc`,
      ),
      del: db.prepare("DELETE FROM entities WHERE kind = ? AND id = ?"),
      putTask: db.prepare(
        `INSERT INTO tasks (id, entity_id, entity_kind, state, tenant_id, doc) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET state = excluded.state, doc = excluded.doc`,
      ),
      getTask: db.prepare<[string], DocRow>("SELECT doc FROM tasks WHERE id = ?"),
      metaGet: db.prepare<[string], { value: string }>("SELECT value FROM meta WHERE key = ?"),
      metaPut: db.prepare(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      ),
    };
  }

  get<K extends EntityKind>(kind: K, id: string): EntityTypes[K] | undefined {
    const row = this.stmts.get.get(kind, id);
    return row ? (JSON.parse(row.doc) as EntityTypes[K]) : undefined;
  }

  list<K extends EntityKind>(kind: K, parent?: string): EntityTypes[K][] {
    const rows =
      parent === undefined ? this.stmts.listAll.all(kind) : this.stmts.listParent.all(kind, parent);
    return rows.map((r) => JSON.parse(r.doc) as EntityTypes[K]);
  }

  put<K extends EntityKind>(kind: K, doc: EntityTypes[K], parent?: string): void {
    this.stmts.put.run(kind, doc.id, parent ?? null, JSON.stringify(doc));
  }

  delete(kind: EntityKind, id: string): void {
    this.stmts.del.run(kind, id);
  }

  /** Runs fn in one SQLite transaction (nested calls join the outer one). */
  tx<T>(fn: () => T): T {
    if (this.db.inTransaction) return fn();
    return this.db.transaction(fn)();
  }

  putTask(task: Task): void {
    this.stmts.putTask.run(
      task.id,
      task.entity.id,
      task.entity.kind,
      task.state,
      task.tenantId,
      JSON.stringify(task),
    );
  }

  getTask(id: string): Task | undefined {
    const row = this.stmts.getTask.get(id);
    return row ? (JSON.parse(row.doc) as Task) : undefined;
  }

  listTasks(filter: TaskFilter): Task[] {
    const where: string[] = [];
    const args: string[] = [];
    const add = (sql: string, value: string | undefined) => {
      if (value === undefined) return;
      where.push(sql);
      args.push(value);
    };
    add("entity_id = ?", filter.entityId);
    add("entity_kind = ?", filter.entityKind);
    add("state = ?", filter.state);
    if (filter.tenantIds) {
      where.push(`tenant_id IN (${filter.tenantIds.map(() => "?").join(",") || "NULL"})`);
      args.push(...filter.tenantIds);
    }
    const sql = `SELECT doc FROM tasks ${where.length ? "WHERE " + where.join(" AND ") : ""} ORDER BY rowid`;
    return this.db
      .prepare<string[], DocRow>(sql)
      .all(...args)
      .map((r) => JSON.parse(r.doc) as Task);
  }

  getMeta(key: string): string | undefined {
    return this.stmts.metaGet.get(key)?.value;
  }

  setMeta(key: string, value: string): void {
    this.stmts.metaPut.run(key, value);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
