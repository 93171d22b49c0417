import type { Store } from '../cosmos';
import { Repository, type Stored } from '../repository';
import { ContentOverrideSchema, ContentVersionSchema, type ContentOverride } from './schema';

const VERSION_ID = 'content-version';

/** The business unit's content overrides and the version counter every instance watches. */
export class ContentRepository {
  readonly overrides: Repository<typeof ContentOverrideSchema>;
  readonly versions: Repository<typeof ContentVersionSchema>;

  constructor(
    store: Store,
    readonly pk: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.overrides = new Repository(store, 'content', ContentOverrideSchema, 'contentOverride');
    this.versions = new Repository(store, 'content', ContentVersionSchema, 'contentVersion');
  }

  /** The current version: one point read. 0 before the first change. */
  async version(): Promise<number> {
    return (await this.versions.get(VERSION_ID, this.pk))?.version ?? 0;
  }

  /** Records that something changed; every instance reloads on its next read. */
  async bump(): Promise<number> {
    const at = this.now().toISOString();
    const created = await this.versions.createIfAbsent({ type: 'contentVersion', id: VERSION_ID, pk: this.pk, version: 1, updatedAt: at });
    if (created.created) return 1;
    const { doc } = await this.versions.mutate(VERSION_ID, this.pk, (v) => ({ ...v, version: v.version + 1, updatedAt: at }));
    return doc.version;
  }

  all(): Promise<Stored<ContentOverride>[]> {
    return this.overrides.query('c.pk = @pk AND c.type = @t', [{ name: '@pk', value: this.pk }, { name: '@t', value: 'contentOverride' }], { orderBy: 'c.createdAt ASC' });
  }

  get(id: string) {
    return this.overrides.get(id, this.pk);
  }
}
