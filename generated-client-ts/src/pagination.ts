/** The page query parameters of a list operation, as the generated request types name them. */
export interface PageParams {
    page?: number;
    pageSize?: number;
}

/**
 * Reads `page` and `page_size` from a `next`/`previous` URL of a paginated answer, so the next
 * call goes through the typed client: `client.courses.listCourses({ ...filters, ...pageParams(list.next) })`.
 * Undefined when there is no such page (the URL is null).
 */
export function pageParams(url: string | null | undefined): PageParams | undefined {
    if (!url) {
        return undefined;
    }
    const query = new URL(url, 'http://relative.invalid').searchParams;
    const params: PageParams = {};
    const page = Number(query.get('page'));
    if (Number.isInteger(page) && page > 0) {
        params.page = page;
    }
    const pageSize = Number(query.get('page_size'));
    if (Number.isInteger(pageSize) && pageSize > 0) {
        params.pageSize = pageSize;
    }
    return params;
}

/** The parameters of the page after `list`, or undefined on the last page. */
export function nextPageParams(list: { next?: string | null }): PageParams | undefined {
    return pageParams(list.next);
}

/** The parameters of the page before `list`, or undefined on the first page. */
export function previousPageParams(list: { previous?: string | null }): PageParams | undefined {
    return pageParams(list.previous);
}
