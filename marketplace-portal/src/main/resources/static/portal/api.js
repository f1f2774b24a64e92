/** The portal's only way to the marketplace: the public GraphQL API at /graphql. */
import {current, signOut} from './session.js';

/** A refusal from the API: each problem has the rule's code and, for bad input, the field at fault. */
export class ApiError extends Error {
  constructor(problems) {
    super(problems.map(p => p.code).join(', '));
    this.problems = problems;
  }
}

function headers(accept) {
  const session = current();
  return {
    'Content-Type': 'application/json',
    'Accept': accept,
    ...(session ? {'Authorization': `Bearer ${session.token}`} : {}),
  };
}

function problemsOf(errors) {
  return errors.map(e => ({
    code: e.extensions?.code || e.extensions?.classification || 'UNKNOWN',
    field: e.extensions?.field,
  }));
}

async function refusal(response) {
  if (response.status === 401) {
    // The token expired or was refused: the visitor is signed out and sees the catalogue only.
    signOut();
    return new ApiError([{code: 'UNAUTHENTICATED'}]);
  }
  if (response.status === 429) return new ApiError([{code: 'RATE_LIMITED'}]);
  if (response.status === 413) return new ApiError([{code: 'TOO_LARGE'}]);
  return new ApiError([{code: 'UNAVAILABLE'}]);
}

/** Runs a query or mutation; resolves to its data or rejects with an ApiError. */
export async function graphql(document, variables = {}) {
  let response;
  try {
    response = await fetch('/graphql', {
      method: 'POST', headers: headers('application/graphql-response+json, application/json'),
      body: JSON.stringify({query: document, variables}),
    });
  } catch (e) {
    throw new ApiError([{code: 'OFFLINE'}]);
  }
  if (!response.ok && response.status !== 400) throw await refusal(response);
  let body;
  try {
    body = await response.json();
  } catch (e) {
    // Not the API's answer (a proxy's page, a cut-off body): say the service is unavailable, never a parse error.
    throw new ApiError([{code: 'UNAVAILABLE'}]);
  }
  if (body.errors?.length) throw new ApiError(problemsOf(body.errors));
  return body.data;
}

/**
 * Uploads a package zip (POST /packages) and reports progress as a fraction from 0 to 1; resolves to the stored
 * package's {digest, size}, or rejects with an ApiError whose one problem has the refusal's code and message.
 * XMLHttpRequest rather than fetch: only it reports upload progress.
 */
export function uploadPackage(file, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/packages');
    request.setRequestHeader('Content-Type', 'application/zip');
    const session = current();
    if (session) request.setRequestHeader('Authorization', `Bearer ${session.token}`);
    request.upload.onprogress = e => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    request.onerror = () => reject(new ApiError([{code: 'OFFLINE'}]));
    request.onload = () => {
      let body = {};
      try {
        body = JSON.parse(request.responseText);
      } catch (e) {
        // not the marketplace's answer: reported as unavailable below
      }
      if (request.status === 201 && body.digest) return resolve(body);
      if (request.status === 429) return reject(new ApiError([{code: 'RATE_LIMITED'}]));
      reject(new ApiError([{code: body.code || 'UNAVAILABLE', message: body.message}]));
    };
    request.send(file);
  });
}

/**
 * Follows a subscription over server-sent events (POST /graphql, Accept: text/event-stream), which unlike a
 * browser WebSocket can carry the Authorization header. Reconnects after a dropped stream until closed.
 * {@code onOpen} runs each time the stream is (re)established. Returns a function that closes it.
 */
export function subscribe(document, variables, onData, onError, onOpen) {
  const controller = new AbortController();
  let closed = false;

  async function follow() {
    let refused = false;
    try {
      const response = await fetch('/graphql', {
        method: 'POST', headers: headers('text/event-stream'), signal: controller.signal,
        body: JSON.stringify({query: document, variables}),
      });
      if (!response.ok) throw await refusal(response);
      if (onOpen) onOpen();
      await readEvents(response.body, message => {
        if (message.errors?.length) {
          refused = true;
          onError(new ApiError(problemsOf(message.errors)));
        } else if (message.data) {
          onData(message.data);
        }
      });
    } catch (e) {
      if (closed) return;
      if (e instanceof ApiError) {
        onError(e);
        return;
      }
    }
    if (!closed && !refused) setTimeout(follow, 2000);
  }

  follow();
  return () => {
    closed = true;
    controller.abort();
  };
}

/** Reads "event: next / data: {...}" frames separated by blank lines; comments (keep-alives) are skipped. */
async function readEvents(body, onMessage) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const {value, done} = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const lines = frame.split('\n');
      const event = lines.find(l => l.startsWith('event:'))?.slice(6).trim() || 'message';
      const data = lines.filter(l => l.startsWith('data:')).map(l => l.slice(5).trimStart()).join('\n');
      if (event === 'complete') return;
      if (event === 'next' && data) onMessage(JSON.parse(data));
    }
  }
}

/**
 * Uploads an image (POST /media): resolves to {digest, width, height, contentType}, or rejects with an ApiError
 * whose problem names why the marketplace refused the image (NOT_AN_IMAGE, DIMENSIONS, TOO_LARGE, ...).
 */
export async function uploadImage(file) {
  const session = current();
  let response;
  try {
    response = await fetch('/media', {method: 'POST', body: file,
                                      headers: session ? {'Authorization': `Bearer ${session.token}`} : {}});
  } catch (e) {
    throw new ApiError([{code: 'OFFLINE'}]);
  }
  if (response.status === 201) return response.json();
  if (response.status === 422) {
    const body = await response.json();
    throw new ApiError([{code: `IMAGE_${body.code}`, message: body.message}]);
  }
  throw await refusal(response);
}
