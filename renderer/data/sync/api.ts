import { errorOf } from '../../../shared/protocol/errors';

/**
 * The HTTP client of the sync server: bearer token, JSON, and one place that
 * notices reachability and an expired token.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The server could not be reached at all (offline, DNS, refused, aborted by timeout). */
export class NetworkError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'NetworkError';
  }
}

/** No answer from the server at all: the network failed, or the request timed out. */
export function isUnreachable(err: unknown): boolean {
  return err instanceof NetworkError || (err instanceof Error && err.name === 'TimeoutError');
}

export interface ApiHooks {
  /** Every answer from the server (any status) proves it reachable; a failed fetch proves the opposite. */
  onReachable?(reachable: boolean): void;
  /** 401 on an authenticated call, with the token it was sent with (null: none). */
  onUnauthorized?(sentToken: string | null): void;
}

export interface Api {
  baseUrl(): Promise<string>;
  /** JSON request; throws ApiError for non-2xx and NetworkError when unreachable. */
  json<T>(method: 'GET' | 'POST', path: string, body?: unknown, init?: { auth?: boolean; signal?: AbortSignal }): Promise<T>;
  /** A raw authenticated request (the event stream). */
  raw(path: string, init: RequestInit): Promise<Response>;
}

export interface ApiOptions {
  baseUrl: () => Promise<string>;
  token: () => string | null;
  fetch?: typeof fetch;
  hooks?: ApiHooks;
  timeoutMs?: number;
}

export function createApi(options: ApiOptions): Api {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function send(path: string, init: RequestInit, auth: boolean): Promise<Response> {
    const base = (await options.baseUrl()).replace(/\/+$/, '');
    const headers = new Headers(init.headers);
    const token = options.token();
    if (auth && token) headers.set('Authorization', `Bearer ${token}`);
    let res: Response;
    try {
      res = await doFetch(`${base}${path}`, { ...init, headers });
    } catch (err) {
      options.hooks?.onReachable?.(false);
      // The cause keeps what undici's bare "fetch failed" hides (a reset, a closed socket, a timeout).
      throw new NetworkError(err instanceof Error ? err.message : 'Network request failed', { cause: err });
    }
    options.hooks?.onReachable?.(true);
    if (auth && res.status === 401) options.hooks?.onUnauthorized?.(token);
    return res;
  }

  return {
    baseUrl: options.baseUrl,
    async json<T>(method: 'GET' | 'POST', path: string, body?: unknown, init?: { auth?: boolean; signal?: AbortSignal }) {
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      const res = await send(
        path,
        { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal },
        init?.auth ?? true,
      );
      const text = await res.text();
      let data: unknown = null;
      try {
        data = text ? JSON.parse(text) : null;
      } catch {
        data = null;
      }
      if (!res.ok) {
        const error = errorOf(data);
        throw new ApiError(res.status, error?.code ?? `http_${res.status}`, error?.message ?? res.statusText);
      }
      return data as T;
    },
    raw: (path, init) => send(path, init, true),
  };
}
