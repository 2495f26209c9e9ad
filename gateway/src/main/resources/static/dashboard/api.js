// The gateway's public API, called as the signed-in session: the session cookie goes with every request, the CSRF
// token with every request that may change something, and X-Requested-With so that a refusal never opens the
// browser's own sign-in box.

let csrf = { header: 'X-CSRF-Token', token: null };

/** A refusal of the API: its status and its problem+json body. */
export class ApiProblem extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }

  /** The problem in one line, with the field errors if any. */
  describe() {
    const fields = (this.problem.errors || []).map((e) => `${e.field}: ${e.message}`);
    return [this.message, ...fields].join('; ');
  }
}

async function send(method, path, { json, text, contentType, idempotent } = {}) {
  const headers = { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json' };
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (text !== undefined) {
    headers['Content-Type'] = contentType;
    body = text;
  }
  if (method !== 'GET') {
    if (csrf.token === null) {
      await startSession();
    }
    headers[csrf.header] = csrf.token;
  }
  if (idempotent) {
    headers['Idempotency-Key'] = crypto.randomUUID();
  }
  const response = await fetch(path, { method, headers, body, credentials: 'same-origin', cache: 'no-store' });
  const type = response.headers.get('Content-Type') || '';
  const answer = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    throw new ApiProblem(response.status, typeof answer === 'object' ? answer : { title: answer });
  }
  return answer;
}

/** Starts a session (or joins the one the cookie names) and keeps its CSRF token. */
export async function startSession() {
  const session = await send('GET', '/api/session');
  csrf = { header: session.csrfHeader, token: session.csrfToken };
}

export async function signIn(name, password) {
  await startSession();
  const caller = await send('POST', '/api/session', { json: { name, password } });
  csrf = { header: caller.csrfHeader, token: caller.csrfToken };
  return caller;
}

export async function signOut() {
  await send('DELETE', '/api/session');
  csrf = { header: csrf.header, token: null };
}

export const get = (path) => send('GET', path);
export const post = (path, json) => send('POST', path, { json, idempotent: true });
export const postCsv = (path, text) => send('POST', path, { text, contentType: 'text/csv', idempotent: true });
