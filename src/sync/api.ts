/**
 * The account and pairing calls of the server API (the sync calls live in
 * engine.ts). Each failure becomes an ApiError carrying the server's error
 * code, so the UI can say "the code has expired" rather than "400".
 */
import {
  SCHEMA_HEADER,
  SCHEMA_VERSION,
  type DeviceInfo,
  type DeviceTokenResponse,
  type ErrorBody,
  type ErrorCode,
  type PairingCodeResponse,
  type SessionResponse,
} from './shared/protocol';

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | 'network',
    message: string,
    readonly status = 0,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiOptions {
  baseUrl: string;
  fetch?: typeof fetch;
}

export function createApi(opts: ApiOptions) {
  const doFetch = opts.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  async function call<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
    let res: Response;
    try {
      res = await doFetch(`${opts.baseUrl}${path}`, {
        method,
        headers: {
          [SCHEMA_HEADER]: String(SCHEMA_VERSION),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
      });
    } catch (err) {
      throw new ApiError('network', String(err));
    }
    if (res.ok) return (res.status === 204 ? undefined : await res.json()) as T;
    let err: Partial<ErrorBody> = {};
    try {
      err = (await res.json()) as ErrorBody;
    } catch {
      /* not JSON */
    }
    throw new ApiError(err.error ?? 'internal', err.message ?? res.statusText, res.status);
  }
  return {
    signup: (email: string, password: string) => call<SessionResponse>('POST', '/api/accounts', { email, password }),
    login: (email: string, password: string) => call<SessionResponse>('POST', '/api/login', { email, password }),
    claimWorkplace: (session: string, id: string, name: string, deviceName: string) =>
      call<DeviceTokenResponse>('POST', '/api/workplaces', { id, name, deviceName }, session),
    createPairingCode: (session: string, workplaceId: string) => call<PairingCodeResponse>('POST', `/api/workplaces/${workplaceId}/pairing-codes`, undefined, session),
    pair: (code: string, deviceName: string) => call<DeviceTokenResponse>('POST', '/api/pair', { code, deviceName }),
    devices: (session: string, workplaceId: string) => call<DeviceInfo[]>('GET', `/api/workplaces/${workplaceId}/devices`, undefined, session),
    revokeDevice: (session: string, deviceId: string) => call<void>('DELETE', `/api/devices/${deviceId}`, undefined, session),
  };
}

export type Api = ReturnType<typeof createApi>;
