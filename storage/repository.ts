import type { Container, SqlParameter } from '@azure/cosmos';
import type { z } from 'zod';
import { ConflictError, NotFoundError, StaleError, StorageUnavailableError, translate as translateError } from './errors';
import { storageTimeout, type StorageHealth } from './health';
import type { Store } from './cosmos';
import type { ContainerName } from './containers';

/** What Cosmos adds to every stored document; `_etag` guards read-modify-write. */
export type Stored<T> = T & { _etag: string; _ts?: number };

export interface Keyed {
  id: string;
  pk: string;
}

export const MAX_MUTATE_ATTEMPTS = 5;

/**
 * Whether a string can be a Cosmos id or partition key: 1 to 255 characters, none of / \ ? # and no
 * control characters. Ids arrive from cards a user could tamper with; one that cannot exist is simply
 * not found, without a request (which would otherwise fail in the SDK and look like an outage).
 */
export function isStorableId(id: unknown): id is string {
  return typeof id === 'string' && id.length > 0 && id.length <= 255 && !/[/\\?#\u0000-\u001f\u007f]/.test(id);
}

/**
 * Typed access to one document type in a container. Reads are parsed with the type's zod schema so a
 * malformed document is caught at the boundary, not three calls later.
 */
export class Repository<S extends z.ZodType<Keyed & { type: string }>> {
  readonly container: Container;
  private readonly health: StorageHealth;

  constructor(
    store: Pick<Store, 'containers' | 'health'>,
    containerName: ContainerName,
    readonly schema: S,
    readonly type: string,
  ) {
    this.container = store.containers[containerName];
    this.health = store.health;
  }

  /** Translates an SDK error and records an outage, so the next turn can fail fast. */
  private fail(e: unknown): Error {
    const err = translateError(e);
    if (err instanceof StorageUnavailableError) this.health.markDown();
    return err;
  }

  private ok<T>(value: T): T {
    if (this.health.down) this.health.markUp();
    return value;
  }

  parse(raw: unknown): Stored<z.infer<S>> {
    const etag = (raw as { _etag?: string })._etag ?? '';
    const ts = (raw as { _ts?: number })._ts;
    return { ...(this.schema.parse(raw) as z.infer<S>), _etag: etag, _ts: ts };
  }

  async get(id: string, pk: string): Promise<Stored<z.infer<S>> | undefined> {
    if (!isStorableId(id) || !isStorableId(pk)) return undefined;
    try {
      const { resource, statusCode } = await this.container.item(id, pk).read(storageTimeout());
      this.ok(undefined);
      if (!resource || statusCode === 404) return undefined;
      return this.parse(resource);
    } catch (e) {
      const err = this.fail(e);
      if (err instanceof NotFoundError) return undefined;
      throw err;
    }
  }

  async require(id: string, pk: string): Promise<Stored<z.infer<S>>> {
    const doc = await this.get(id, pk);
    if (!doc) throw new NotFoundError(`${this.type} ${id} not found`);
    return doc;
  }

  /** Creates the document; throws ConflictError if the id exists (the basis of exactly-once work). */
  async create(doc: z.infer<S>): Promise<Stored<z.infer<S>>> {
    const valid = this.schema.parse(doc);
    try {
      const { resource } = await this.container.items.create(valid, storageTimeout());
      return this.parse(resource);
    } catch (e) {
      throw this.fail(e);
    }
  }

  /** Creates the document unless it exists; returns whether this call created it. */
  async createIfAbsent(doc: z.infer<S>): Promise<{ created: boolean; doc?: Stored<z.infer<S>> }> {
    try {
      return { created: true, doc: await this.create(doc) };
    } catch (e) {
      if (e instanceof ConflictError) return { created: false };
      throw e;
    }
  }

  async upsert(doc: z.infer<S>): Promise<Stored<z.infer<S>>> {
    const valid = this.schema.parse(doc);
    try {
      const { resource } = await this.container.items.upsert(valid, storageTimeout());
      return this.parse(resource);
    } catch (e) {
      throw this.fail(e);
    }
  }

  /** Replaces only if the stored ETag still matches; throws StaleError otherwise. */
  async replace(doc: Stored<z.infer<S>>): Promise<Stored<z.infer<S>>> {
    const { _etag, _ts, ...body } = doc as Stored<Keyed & { type: string }>;
    void _ts;
    const valid = this.schema.parse(body) as Keyed;
    try {
      const { resource } = await this.container
        .item(valid.id, valid.pk)
        .replace(valid, { accessCondition: { type: 'IfMatch', condition: _etag }, ...storageTimeout() });
      return this.parse(resource);
    } catch (e) {
      throw this.fail(e);
    }
  }

  /**
   * Read-modify-write with ETag and a bounded retry. `change` returns the new document, or undefined to
   * leave it as it is; it may run more than once, so it must not have side effects.
   */
  async mutate(
    id: string,
    pk: string,
    change: (current: Stored<z.infer<S>>) => z.infer<S> | undefined,
    attempts = MAX_MUTATE_ATTEMPTS,
  ): Promise<{ doc: Stored<z.infer<S>>; changed: boolean }> {
    for (let i = 0; ; i++) {
      const current = await this.require(id, pk);
      const next = change(current);
      if (!next) return { doc: current, changed: false };
      try {
        const doc = await this.replace({ ...(next as object), _etag: current._etag } as Stored<z.infer<S>>);
        return { doc, changed: true };
      } catch (e) {
        if (!(e instanceof StaleError) || i + 1 >= attempts) throw e;
      }
    }
  }

  async delete(id: string, pk: string): Promise<void> {
    if (!isStorableId(id) || !isStorableId(pk)) return;
    try {
      await this.container.item(id, pk).delete(storageTimeout());
    } catch (e) {
      const err = this.fail(e);
      if (!(err instanceof NotFoundError)) throw err;
    }
  }

  /**
   * Runs a query scoped to this type. Always pass the partition in WHERE (`c.pk = @pk`): the embedded
   * server ignores the partitionKey option.
   */
  async query(where: string, parameters: SqlParameter[] = [], opts: { orderBy?: string; top?: number } = {}) {
    const top = opts.top ? `TOP ${Math.floor(opts.top)} ` : '';
    const order = opts.orderBy ? ` ORDER BY ${opts.orderBy}` : '';
    const query = `SELECT ${top}* FROM c WHERE c.type = @type AND (${where})${order}`;
    try {
      const { resources } = await this.container.items
        .query({ query, parameters: [{ name: '@type', value: this.type }, ...parameters] }, storageTimeout(10_000))
        .fetchAll();
      this.ok(undefined);
      return resources.map((r) => this.parse(r));
    } catch (e) {
      throw this.fail(e);
    }
  }

  async count(where: string, parameters: SqlParameter[] = []): Promise<number> {
    try {
      const { resources } = await this.container.items
        .query<number>({
          query: `SELECT VALUE COUNT(1) FROM c WHERE c.type = @type AND (${where})`,
          parameters: [{ name: '@type', value: this.type }, ...parameters],
        }, storageTimeout(10_000))
        .fetchAll();
      return resources[0] ?? 0;
    } catch (e) {
      throw this.fail(e);
    }
  }
}
