import type { Store } from '../cosmos';
import { Repository, type Stored } from '../repository';
import { PublishedFiguresSchema, type PublishedFigures } from './schema';

/** The business unit's recorded published figures, one document per reporting year. */
export class NumbersRepository {
  readonly published: Repository<typeof PublishedFiguresSchema>;

  constructor(
    store: Store,
    readonly pk: string,
  ) {
    this.published = new Repository(store, 'numbers', PublishedFiguresSchema, 'publishedFigures');
  }

  /** `2025/26` → `published-2025-26`: ids may not contain a slash. */
  yearId(year: string) {
    return `published-${year.replace('/', '-')}`;
  }

  year(year: string): Promise<Stored<PublishedFigures> | undefined> {
    return this.published.get(this.yearId(year), this.pk);
  }

  /**
   * Writes a year's figures only if nobody changed them since `etag` was read ('' = the year had no
   * document yet). Throws StaleError (replace) or ConflictError (create) when someone else got there first.
   */
  async save(year: string, etag: string, doc: Omit<PublishedFigures, 'type' | 'id' | 'pk' | 'year'>): Promise<Stored<PublishedFigures>> {
    const full: PublishedFigures = { ...doc, type: 'publishedFigures', id: this.yearId(year), pk: this.pk, year };
    if (!etag) return this.published.create(full);
    return this.published.replace({ ...full, _etag: etag });
  }
}
