// What every page does first and last: take the token (or ask for one), run its sections side by side, and mark
// the page when done: body[data-state] is "ready" once every section has answered and every chart has drawn,
// "refused" when the reports refused the token or the team, "need-token" while it waits for one. A browser test
// waits for exactly these marks.
import { askForToken, signOutButton, takeToken } from './auth.js';
import { ReportError, getJson, reportUrl, useToken } from './api.js';
import { allDrawn } from './charts.js';
import { panel, sourceLine } from './panel.js';

function mark(state) {
  document.body.dataset.state = state;
}

/** A refusal shown across the page, in place of its sections. */
export function refuse(message) {
  const banner = document.getElementById('page-message');
  banner.textContent = message;
  banner.hidden = false;
  banner.setAttribute('role', 'alert');
  document.getElementById('sections').hidden = true;
}

/**
 * Runs the page: {@code sections} is a list of async functions; each shows its own figures or its own message.
 * {@code primary} (optional) is asked first: when it is refused, the page says so and shows nothing else.
 */
export async function run({ primary, sections }) {
  mark('loading');
  const token = takeToken();
  const main = document.getElementById('token-area');
  if (!token) {
    askForToken(main, '');
    mark('need-token');
    return;
  }
  useToken(token);
  signOutButton(document.getElementById('header-tools'));
  try {
    if (primary) {
      await primary();
    }
    const results = await Promise.allSettled(sections.map((section) => section()));
    const refused = results.find((r) => r.status === 'rejected' && r.reason instanceof ReportError
      && r.reason.status === 401);
    if (refused) {
      throw refused.reason;
    }
    await allDrawn();
    mark('ready');
  } catch (failure) {
    if (failure instanceof ReportError && failure.status === 401) {
      refuse(failure.message);
      askForToken(main, failure.message);
      mark('refused');
    } else if (failure instanceof ReportError) {
      refuse(failure.message);
      mark('refused');
    } else {
      refuse('The page could not show the reports: ' + failure.message);
      mark('error');
    }
  }
}

/** Runs one section's body, turning its failure into the section's own message (a 401 also fails the page). */
export function section(part, body) {
  return async () => {
    try {
      await body();
      part.root.dataset.state = part.root.dataset.state || 'ready';
    } catch (failure) {
      part.setMessage(failure.message, 'error');
      if (failure instanceof ReportError && failure.status === 401) {
        throw failure;
      }
    }
  };
}

/**
 * A panel drawn from one report: shows the report's URL (with its JSON and CSV, {@code csvQuery} choosing the CSV
 * view) before asking it, then hands the answer to {@code render(part, report)}. {@code path} is a report name
 * ('spend') with {@code params}, or a full path.
 */
export function reportSection(id, path, params, csvQuery, render) {
  const part = panel(id);
  const url = path.startsWith('/') ? path : reportUrl(path, params);
  sourceLine(part.root.querySelector('.panel-source'), url, id, csvQuery);
  return section(part, async () => render(part, await getJson(url)));
}

/** The range and team of the filters, as the reports take them. */
export function rangeOf({ from, to, team }) {
  return { from, to, team };
}
