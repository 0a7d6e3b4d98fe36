// The one client of the REST API: JSON in and out, the CSRF token on every change, errors as ApiError.
let csrf = null;

/** A non-2xx answer: the server's English sentence, its stable code and parameters, and the field at fault. */
export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.error) || ('HTTP ' + status));
    this.status = status;
    this.code = body && body.code ? body.code : null;
    this.params = (body && body.params) || {};
    this.field = body && body.field ? body.field : null;
    this.body = body;
  }
}

export function setCsrf(token) { csrf = token; }

export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf;
  let r;
  try {
    r = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  } catch (e) { // the server is down or the network is gone: a typed error like the others
    throw new ApiError(0, { error: 'the server cannot be reached', code: 'network.unreachable' });
  }
  const text = await r.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch (e) { data = { error: text.slice(0, 200) }; }
  }
  if (!r.ok) {
    if (r.status === 401 && !path.startsWith('/api/login') && !path.startsWith('/api/session')) {
      window.dispatchEvent(new CustomEvent('kanzen:logged-out'));
    }
    throw new ApiError(r.status, data);
  }
  return data;
}

/** Server-sent events from {@code path}, each data line parsed as JSON; returns the function that closes the stream. */
export function events(path, onMessage, onError) {
  const source = new EventSource(path, { withCredentials: true });
  source.onmessage = (m) => { try { onMessage(JSON.parse(m.data), m); } catch (e) { /* a malformed event is skipped */ } };
  source.addEventListener('error', (e) => { if (onError) onError(e); });
  return () => source.close();
}
