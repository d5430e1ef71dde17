// A fetch that keeps cookies the way a browser does for one site, for Node: it stores every
// Set-Cookie (HttpOnly ones included, which page scripts never see) and sends back those whose
// Path matches. Enough for the API's two auth cookies; not a general cookie implementation.

/** @typedef {{ value: string, path: string }} StoredCookie */

export class CookieJar {
    /** @type {Map<string, StoredCookie>} */
    cookies = new Map();

    /** @param {string} name */
    get(name) {
        return this.cookies.get(name)?.value;
    }

    /** @param {string} name @param {string} value @param {string} [path] */
    set(name, value, path = '/') {
        this.cookies.set(name, { value, path });
    }

    /**
     * The last Set-Cookie line received for each cookie name, to check its attributes.
     * @type {Map<string, string>}
     */
    lastSetCookie = new Map();

    /**
     * A fetch for the client's `fetch` option.
     * @type {(input: RequestInfo | URL, init?: RequestInit) => Promise<Response>}
     */
    fetch = async (input, init = {}) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        const headers = new Headers(init.headers);
        const cookie = [...this.cookies]
            .filter(([, stored]) => url.pathname.startsWith(stored.path))
            .map(([name, stored]) => `${name}=${stored.value}`)
            .join('; ');
        if (cookie) {
            headers.set('Cookie', cookie);
        }
        const response = await fetch(input, { ...init, headers });
        for (const line of response.headers.getSetCookie()) {
            this.#store(line);
        }
        return response;
    };

    /** @param {string} line */
    #store(line) {
        const [pair, ...attributes] = line.split(';').map((part) => part.trim());
        const name = pair.slice(0, pair.indexOf('='));
        const value = pair.slice(pair.indexOf('=') + 1);
        this.lastSetCookie.set(name, line);
        const attribute = (/** @type {string} */ key) => attributes
            .find((part) => part.toLowerCase().startsWith(`${key.toLowerCase()}=`))?.split('=')[1];
        if (value === '' || attribute('Max-Age') === '0') {
            this.cookies.delete(name);
        } else {
            this.cookies.set(name, { value, path: attribute('Path') ?? '/' });
        }
    }
}
