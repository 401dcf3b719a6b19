/**
 * fetch for /api/v1: JSON in and out, the bearer token from localStorage, problem+json turned into ApiError, any
 * 401 on an authenticated call treated as "signed out" (the token expired or was revoked), and a time limit: a request
 * the server has not answered within {@link REQUEST_TIMEOUT_MS} is aborted and fails with a RequestTimeout.
 */
import type { Problem } from './types';

const TOKEN_KEY = 'kadence.token';

export function storedToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function storeToken(token: string): void {
  localStorage.setItem(TOKEN_KEY, token);
}

export function clearToken(): void {
  localStorage.removeItem(TOKEN_KEY);
}

let onUnauthorized: () => void = () => {};

/** What to do when the server says the token is no longer good (the app goes to /login). */
export function handleUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

/** A failed request: the server's problem, with its field messages by field name ("recurrence.rule"). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly fieldErrors: Record<string, string>;

  constructor(status: number, problem: Problem) {
    const text = problem.detail || problem.title || `Request failed (${status})`;
    // The server writes details as clauses ("wrong email or password"); they are shown as sentences.
    super(text.charAt(0).toUpperCase() + text.slice(1));
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code;
    this.fieldErrors = {};
    for (const error of problem.errors ?? []) {
      // Two messages for one field read as one sentence rather than the last one winning.
      const earlier = this.fieldErrors[error.field];
      this.fieldErrors[error.field] = earlier ? `${earlier}; ${error.message}` : error.message;
    }
  }
}

/** How long any request may take, answer and body included. */
export const REQUEST_TIMEOUT_MS = 15_000;

/**
 * A request the server did not answer in time. A change (anything but GET) may still have been made: the browser
 * cannot tell whether the request reached the server, so the message says so.
 */
export class RequestTimeout extends Error {
  readonly changes: boolean;

  constructor(method: string, timeoutMs: number) {
    const changes = method !== 'GET';
    const seconds = Math.round(timeoutMs / 1000);
    super(
      changes
        ? `Kadence did not answer within ${seconds} seconds. The change may still have been made.`
        : `Kadence did not answer within ${seconds} seconds.`,
    );
    this.name = 'RequestTimeout';
    this.changes = changes;
  }
}

interface RequestOptions {
  /** false for signup and login, which need no token and whose 401 means "wrong password", not "signed out". */
  authenticated?: boolean;
  signal?: AbortSignal;
  timeoutMs?: number;
}

async function problemOf(response: Response): Promise<Problem> {
  try {
    return (await response.json()) as Problem;
  } catch {
    return { status: response.status, title: response.statusText };
  }
}

export async function request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const authenticated = options.authenticated ?? true;
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const token = storedToken();
  if (authenticated && token) headers.Authorization = `Bearer ${token}`;

  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const abort = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    abort.abort();
  }, timeoutMs);
  const callerAborted = () => abort.abort(options.signal?.reason);
  if (options.signal?.aborted) callerAborted();
  options.signal?.addEventListener('abort', callerAborted);
  try {
    const response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: abort.signal,
    });
    if (response.status === 401 && authenticated) {
      clearToken();
      onUnauthorized();
    }
    if (!response.ok) {
      throw new ApiError(response.status, await problemOf(response));
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  } catch (error) {
    throw timedOut ? new RequestTimeout(method, timeoutMs) : error;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', callerAborted);
  }
}

/** A message for anything a request can throw: the server's words for an ApiError, else a timeout or network failure. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError || error instanceof RequestTimeout) return error.message;
  if (error instanceof DOMException && error.name === 'AbortError') return '';
  return "Can't reach Kadence. Check your connection and try again.";
}

/** Whether trying again may work: no answer, or the server's own failure (5xx), as against its "no" (4xx). */
export function isTransient(error: unknown): boolean {
  if (error instanceof ApiError) return error.status >= 500;
  return !(error instanceof DOMException && error.name === 'AbortError');
}
