import { randomBytes } from "crypto";
import { ApiError } from "./errors";

export const MAX_PAGE_SIZE = 100;
const PAGE_TTL_MS = 10 * 60 * 1000;

/** The query of every list: pagination, exact name, tags that must all be present, and filters. */
export interface ListQuery {
  pageSize?: number;
  pageLink?: string;
  name?: string;
  tag?: string[];
  [key: string]: unknown;
}

/** Where a page link leads: the list's original query and the offset of the page. */
export interface Page {
  query: ListQuery;
  offset: number;
}

/**
 * Page links of the HTTP layer, in memory for ten minutes; an unknown or expired one is 404
 * PageExpired. Owned by the server, not the platform: only lists read it.
 */
export class PageStore {
  private readonly pages = new Map<string, Page & { expires: number }>();

  save(page: Page): string {
    const now = Date.now();
    for (const [k, v] of this.pages) if (v.expires < now) this.pages.delete(k);
    const token = randomBytes(12).toString("base64url");
    this.pages.set(token, { ...page, expires: now + PAGE_TTL_MS });
    return token;
  }

  load(token: string): Page {
    const page = this.pages.get(token);
    if (!page || page.expires < Date.now())
      throw new ApiError(404, "PageExpired", `page ${token} has expired`);
    return page;
  }
}
