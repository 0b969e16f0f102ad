/**
 * The bearer token lives in sessionStorage: it goes with the tab, never into a cookie, so
 * no other site can send it and closing the tab signs out.
 */
const key = "adviser-hub.token";

export function readToken(): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

export function saveToken(token: string): void {
  sessionStorage.setItem(key, token);
}

export function clearToken(): void {
  sessionStorage.removeItem(key);
}

/** The Authorization header value for the token, or null when signed out. */
export function authorizationHeader(token: string | null): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}
