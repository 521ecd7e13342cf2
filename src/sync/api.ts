/**
 * The account and pairing calls of the server API (the sync calls live in
 * engine.ts), over the shared HTTP wrapper (http.ts). Each failure becomes an ApiError carrying the server's error
 * code, so the UI can say "the code has expired" rather than "400".
 */
import {
  type DeviceInfo,
  type DeviceTokenResponse,
  type ErrorCode,
  type PairingCodeResponse,
  type SessionResponse,
} from './shared/protocol';
import { createHttp, HttpError } from './http';

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

/** A one-time code that lets one colleague create an account (see POST /api/invites). */
export interface InviteResponse {
  code: string;
  expiresAt: string;
}

export interface ApiOptions {
  baseUrl: string;
  fetch?: typeof fetch;
}

export function createApi(opts: ApiOptions) {
  const http = createHttp({ baseUrl: opts.baseUrl, fetch: opts.fetch });
  async function call<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
    try {
      return await http.call<T>(path, { method, json: body, ...(token ? { token } : {}) });
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      throw err.status === 0 ? new ApiError('network', err.message) : new ApiError(err.body.error ?? 'internal', err.message, err.status);
    }
  }
  return {
    // an empty invite is left out: the server's schema refuses an empty string
    signup: (email: string, password: string, invite?: string) =>
      call<SessionResponse>('POST', '/api/accounts', { email, password, ...(invite ? { invite } : {}) }),
    login: (email: string, password: string) => call<SessionResponse>('POST', '/api/login', { email, password }),
    logout: (session: string, everywhere = false) => call<void>('POST', '/api/logout', everywhere ? { everywhere: true } : {}, session),
    createInvite: (session: string) => call<InviteResponse>('POST', '/api/invites', undefined, session),
    claimWorkplace: (session: string, id: string, name: string, deviceName: string) =>
      call<DeviceTokenResponse>('POST', '/api/workplaces', { id, name, deviceName }, session),
    createPairingCode: (session: string, workplaceId: string) => call<PairingCodeResponse>('POST', `/api/workplaces/${workplaceId}/pairing-codes`, undefined, session),
    pair: (code: string, deviceName: string) => call<DeviceTokenResponse>('POST', '/api/pair', { code, deviceName }),
    devices: (session: string, workplaceId: string) => call<DeviceInfo[]>('GET', `/api/workplaces/${workplaceId}/devices`, undefined, session),
    revokeDevice: (session: string, deviceId: string) => call<void>('DELETE', `/api/devices/${deviceId}`, undefined, session),
  };
}

export type Api = ReturnType<typeof createApi>;
