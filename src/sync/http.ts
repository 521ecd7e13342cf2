/**
 * The one HTTP wrapper of the sync client: every call to the server carries
 * the protocol version and (when there is one) the bearer token, and every
 * failure becomes an HttpError with the server's error body, or status 0 when
 * the network did not answer. The engine and the account API turn these into
 * their own errors (SyncError, ApiError) that the UI can explain.
 */
import { SCHEMA_HEADER, SCHEMA_VERSION, type ErrorBody } from './shared/protocol';

export class HttpError extends Error {
  constructor(
    /** 0: no answer (offline, DNS, refused connection) */
    readonly status: number,
    readonly body: Partial<ErrorBody>,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface HttpOptions {
  baseUrl: string;
  fetch?: typeof fetch;
  /** sent as a bearer token unless a request brings its own */
  token?: string;
}

export interface HttpRequest {
  method?: string;
  /** a JSON body (sets the content type) */
  json?: unknown;
  /** a raw body (bytes of a blob) */
  body?: BodyInit;
  headers?: Record<string, string>;
  token?: string;
}

export function createHttp(opts: HttpOptions) {
  const doFetch = opts.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));

  /** The server's response, whatever its status; throws HttpError(0) when there is none. */
  async function send(path: string, req: HttpRequest = {}): Promise<Response> {
    const token = req.token ?? opts.token;
    try {
      return await doFetch(`${opts.baseUrl}${path}`, {
        method: req.method ?? 'GET',
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          [SCHEMA_HEADER]: String(SCHEMA_VERSION),
          ...(req.json !== undefined ? { 'content-type': 'application/json' } : {}),
          ...req.headers,
        },
        body: req.json !== undefined ? JSON.stringify(req.json) : req.body,
      });
    } catch (err) {
      throw new HttpError(0, {}, String(err));
    }
  }

  /** The JSON answer of a successful call (undefined for 204); throws HttpError otherwise. */
  async function call<T>(path: string, req: HttpRequest = {}): Promise<T> {
    const res = await send(path, req);
    if (res.ok) return (res.status === 204 ? undefined : await res.json()) as T;
    let body: Partial<ErrorBody> = {};
    try {
      body = (await res.json()) as ErrorBody;
    } catch {
      /* not JSON: a proxy or a dying server */
    }
    throw new HttpError(res.status, body, body.message ?? res.statusText);
  }

  return { send, call };
}
