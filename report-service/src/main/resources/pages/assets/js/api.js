// Calls to the report endpoints with the reader's token. A refusal (401, 403) or any other failure becomes a
// ReportError carrying a sentence a reader understands; pages show it in place of the figures, never only in
// the console.
import { forgetToken } from './auth.js';

export class ReportError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

let token = null;

export function useToken(value) {
  token = value;
}

/** The URL of a report, as shown beside its chart: path and query, relative to this service. */
export function reportUrl(path, params) {
  const query = new URLSearchParams();
  Object.entries(params || {}).forEach(([name, value]) => {
    if (value !== undefined && value !== null && value !== '') {
      query.set(name, value);
    }
  });
  const text = query.toString();
  return '/v1/reports/' + path + (text ? '?' + text : '');
}

async function call(url, accept) {
  let response;
  try {
    response = await fetch(url, { headers: { Authorization: 'Bearer ' + token, Accept: accept } });
  } catch (failure) {
    throw new ReportError(0, 'report-service did not answer (' + failure.message + ').');
  }
  if (response.ok) {
    return response;
  }
  throw new ReportError(response.status, await refusalText(response));
}

async function refusalText(response) {
  let detail = '';
  try {
    const body = await response.json();
    detail = body.detail || (body.errors || []).map((e) => e.field + ': ' + e.message).join('; ');
  } catch (notJson) {
    detail = '';
  }
  if (response.status === 401) {
    forgetToken();
    return 'The token was refused (401): it is invalid or has expired. Paste a new one.';
  }
  if (response.status === 403) {
    return 'This token may not read this report (403)' + (detail ? ': ' + detail : '') + '.';
  }
  return 'The report answered ' + response.status + (detail ? ': ' + detail : '') + '.';
}

export async function getJson(url) {
  return (await call(url, 'application/json')).json();
}

/** Downloads the report behind {@code url} as a file, through fetch, because the endpoint needs the token. */
export async function download(url, format, name) {
  const withFormat = url + (url.includes('?') ? '&' : '?') + 'format=' + format;
  const blob = await (await call(withFormat, format === 'csv' ? 'text/csv' : 'application/json')).blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name + '.' + format;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}
