/**
 * fetch for /api/v1: JSON in and out, the bearer token from localStorage, problem+json turned into ApiError, and any
 * 401 on an authenticated call treated as "signed out" (the token expired or was revoked).
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

interface RequestOptions {
  /** false for signup and login, which need no token and whose 401 means "wrong password", not "signed out". */
  authenticated?: boolean;
  signal?: AbortSignal;
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

  const response = await fetch(`/api/v1${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: options.signal,
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
}

/** A message for anything a request can throw: the server's words for an ApiError, else a network failure. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof DOMException && error.name === 'AbortError') return '';
  return 'Cannot reach Kadence. Check your connection and try again.';
}
