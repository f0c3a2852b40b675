/**
 * Where each page of a list starts: page numbers (react-admin) mapped onto the API's cursors.
 * Page n starts after the `endCursor` of page n − 1; page 1 after nothing. Kept per list
 * (resource, filter, sort and page size), forgotten when anything is written.
 */
export class CursorBook {
  private readonly lists = new Map<string, Map<number, string | null>>();

  private pagesOf(list: string): Map<number, string | null> {
    let pages = this.lists.get(list);
    if (!pages) {
      pages = new Map([[0, null]]);
      this.lists.set(list, pages);
    }
    return pages;
  }

  /** The highest page at or before `page` whose end is known (0: the start of the list), and its end cursor. */
  nearestKnown(list: string, page: number): { page: number; endCursor: string | null } {
    const pages = this.pagesOf(list);
    for (let known = page; known > 0; known -= 1) {
      if (pages.has(known)) return { page: known, endCursor: pages.get(known)! };
    }
    return { page: 0, endCursor: null };
  }

  remember(list: string, page: number, endCursor: string | null): void {
    this.pagesOf(list).set(page, endCursor);
  }

  forgetAll(): void {
    this.lists.clear();
  }
}
