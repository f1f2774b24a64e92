/**
 * Who is signed in: a bearer token kept in sessionStorage (gone when the tab closes) with the user id and roles it
 * names. The embedded marketplace's development sign-in issues tokens; a token from a real identity provider can be
 * pasted instead.
 */
const KEY = 'portal.session';
const listeners = new Set();

export function current() {
  const stored = sessionStorage.getItem(KEY);
  if (!stored) return null;
  const session = JSON.parse(stored);
  if (session.expiresAt && Date.parse(session.expiresAt) <= Date.now()) {
    sessionStorage.removeItem(KEY);
    return null;
  }
  return session;
}

/** True when the signed-in user acts in the role; ADMIN may do everything. */
export function can(role) {
  const session = current();
  return Boolean(session && (session.roles.includes(role) || session.roles.includes('ADMIN')));
}

export function onChange(listener) {
  listeners.add(listener);
}

function store(session) {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
  listeners.forEach(listener => listener(session));
}

export class SignInRefused extends Error {}

/** The development sign-in of the embedded default: POST /dev/token with a user id and roles. */
export async function signIn(userId, roles) {
  const response = await fetch('/dev/token', {
    method: 'POST',
    headers: {'Content-Type': 'application/x-www-form-urlencoded'},
    body: new URLSearchParams({userId, roles: roles.join(',')}),
  });
  if (response.status === 404) throw new SignInRefused('DEV_SIGN_IN_OFF');
  if (response.status === 403) throw new SignInRefused('ADMIN_NOT_ALLOWED');
  if (!response.ok) throw new SignInRefused('SIGN_IN_REFUSED');
  const body = await response.json();
  store({token: body.token, userId: body.userId, roles: body.roles, expiresAt: body.expiresAt});
}

/** A token from the configured identity provider: its claims say who and which roles. */
export function useToken(token) {
  let claims;
  try {
    const payload = token.trim().split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    claims = JSON.parse(atob(payload));
  } catch (e) {
    throw new SignInRefused('TOKEN_UNREADABLE');
  }
  if (!claims.sub) throw new SignInRefused('TOKEN_UNREADABLE');
  store({token: token.trim(), userId: claims.sub, roles: claims.roles || [],
         expiresAt: claims.exp ? new Date(claims.exp * 1000).toISOString() : null});
}

export function signOut() {
  store(null);
}
