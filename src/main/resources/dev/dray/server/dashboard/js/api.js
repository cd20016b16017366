// The dray server's REST API and live event stream, with the session's API token.

const TOKEN_KEY = 'dray.token';

/** The server rejected the token (HTTP 401). */
export class Unauthorized extends Error {}

/** Any other failed request; message is the server's {"error"} text when it sent one. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

let unauthorizedHandler = () => {};

export const session = {
  token: () => sessionStorage.getItem(TOKEN_KEY),
  save: (token) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
  /** What to do when the server answers 401 to a request made with the saved token. */
  onUnauthorized: (handler) => { unauthorizedHandler = handler; },
};

async function request(method, path, { body, token = session.token(), quiet401 = false } = {}) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, `Cannot reach the dray server (${e.message}).`);
  }
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
  if (response.status === 401) {
    const error = new Unauthorized(json?.error ?? 'The API token was not accepted.');
    if (!quiet401) unauthorizedHandler(error);
    throw error;
  }
  if (!response.ok) {
    throw new ApiError(response.status, json?.error ?? `${method} ${path} failed: HTTP ${response.status}`);
  }
  return json;
}

const app = (name) => `/api/apps/${encodeURIComponent(name)}`;

export const api = {
  /** Checks a token without saving it; throws Unauthorized when the server refuses it. */
  tryToken: (token) => request('GET', '/api/apps', { token, quiet401: true }),
  apps: () => request('GET', '/api/apps'),
  releases: (name, limit = 20) => request('GET', `${app(name)}/releases?limit=${limit}`),
  deploy: (id) => request('GET', `/api/deploys/${encodeURIComponent(id)}`),
  builds: (name, limit = 10) => request('GET', `${app(name)}/builds?limit=${limit}`),
  summary: (name) => request('GET', `/api/metrics/summary?app=${encodeURIComponent(name)}`),
  startDeploy: (name, version) => request('POST', `${app(name)}/deploy`, { body: { version } }),
  startRollback: (name, version) => request('POST', `${app(name)}/rollback`, { body: version ? { version } : {} }),
};

/**
 * Listens to /api/events (token in the query: EventSource cannot send headers). Calls
 * onEvent(kind, data) for `deploy` and `trigger` events and onState('live'|'connecting'|'lost').
 * A stream the server ends with an error is retried with backoff; the token is checked first so a
 * rotated token leads back to the login view. Returns a function that closes the stream.
 */
export function listen({ onEvent, onState }) {
  let source = null;
  let closed = false;
  let delay = 1000;
  let timer = null;

  const connect = () => {
    if (closed) return;
    onState('connecting');
    source = new EventSource(`/api/events?token=${encodeURIComponent(session.token() ?? '')}`);
    source.onopen = () => { delay = 1000; onState('live'); };
    for (const kind of ['deploy', 'trigger']) {
      source.addEventListener(kind, (e) => {
        let data;
        try { data = JSON.parse(e.data); } catch { data = { detail: e.data }; }
        onEvent(kind, data);
      });
    }
    source.onerror = () => {
      if (closed) return;
      if (source.readyState !== EventSource.CLOSED) {
        onState('connecting');
        return;
      }
      onState('lost');
      retry();
    };
  };

  const retry = () => {
    timer = setTimeout(async () => {
      try {
        await api.apps(); // a 401 here ends the session through the unauthorized handler
        connect();
      } catch (e) {
        if (!(e instanceof Unauthorized) && !closed) {
          delay = Math.min(delay * 2, 30000);
          retry();
        }
      }
    }, delay);
  };

  connect();
  return () => {
    closed = true;
    clearTimeout(timer);
    source?.close();
  };
}
