// A panel: a chart or a set of figures, the table of the same figures beside it (the chart's text alternative),
// and the report it comes from: the endpoint's URL shown in full, and its JSON and CSV downloaded through fetch
// with the reader's token.
import { download } from './api.js';

/** Finds the panel {@code id} in the page and returns its parts. */
export function panel(id) {
  const root = document.getElementById(id);
  return {
    root,
    body: root.querySelector('.panel-body'),
    setMessage(text, kind) {
      const note = document.createElement('p');
      note.className = 'panel-message ' + (kind || 'info');
      note.setAttribute('role', kind === 'error' ? 'alert' : 'status');
      note.textContent = text;
      this.body.replaceChildren(note);
      root.dataset.state = kind === 'error' ? 'error' : 'empty';
    },
  };
}

/** The line under a panel naming its report: "Source: GET <url>" with JSON and CSV buttons. */
export function sourceLine(container, url, name, csvQuery) {
  const line = document.createElement('p');
  line.className = 'source';
  const code = document.createElement('code');
  code.textContent = 'GET ' + url;
  code.dataset.endpoint = url;
  line.append('Source: ', code, ' ');
  const csvUrl = csvQuery ? url + (url.includes('?') ? '&' : '?') + csvQuery : url;
  line.append(downloadButton('JSON', url, 'json', name), ' ', downloadButton('CSV', csvUrl, 'csv', name));
  container.append(line);
}

function downloadButton(label, url, format, name) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'download';
  button.textContent = label;
  button.setAttribute('aria-label', 'Download ' + label + ' of ' + url);
  button.dataset.download = format;
  button.addEventListener('click', async () => {
    try {
      await download(url, format, name);
    } catch (failure) {
      button.after(' ' + failure.message);
    }
  });
  return button;
}

/**
 * A table of {@code rows}: columns are [heading, cell(row)]; a cell is text, or {text, micros} for money so the
 * figure of record stays on the page (data-micros) beside its formatted text; {figure} names it (data-figure).
 */
export function table(caption, columns, rows) {
  const element = document.createElement('table');
  const title = document.createElement('caption');
  title.textContent = caption;
  const head = document.createElement('tr');
  columns.forEach(([heading]) => {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = heading;
    head.append(th);
  });
  const thead = document.createElement('thead');
  thead.append(head);
  const tbody = document.createElement('tbody');
  rows.forEach((row) => {
    const tr = document.createElement('tr');
    columns.forEach(([, cell]) => tr.append(tableCell(cell(row))));
    tbody.append(tr);
  });
  element.append(title, thead, tbody);
  return element;
}

function tableCell(value) {
  const td = document.createElement('td');
  if (value !== null && typeof value === 'object') {
    td.textContent = value.text;
    if (value.micros !== undefined && value.micros !== null) {
      td.dataset.micros = String(value.micros);
    }
    if (value.figure) {
      td.dataset.figure = value.figure;
    }
    td.className = 'number';
  } else {
    td.textContent = value === null || value === undefined ? '—' : String(value);
  }
  return td;
}

/** A table folded under its chart ("Table of the figures"): the chart's text alternative. */
export function foldedTable(caption, columns, rows) {
  const details = document.createElement('details');
  details.className = 'chart-table';
  const summary = document.createElement('summary');
  summary.textContent = 'Table of the figures';
  details.append(summary, table(caption, columns, rows));
  return details;
}

/** A headline figure: label and the formatted amount, with the micros it shows in data-micros. */
export function figure(label, text, micros, name) {
  const box = document.createElement('div');
  box.className = 'figure';
  const term = document.createElement('span');
  term.className = 'figure-label';
  term.textContent = label;
  const value = document.createElement('span');
  value.className = 'figure-value';
  value.textContent = text;
  if (micros !== undefined && micros !== null) {
    value.dataset.micros = String(micros);
  }
  if (name) {
    value.dataset.figure = name;
  }
  box.append(term, value);
  return box;
}

/** A sentence saying where figures come from. */
export function provenance(text) {
  const note = document.createElement('p');
  note.className = 'provenance';
  note.textContent = text;
  return note;
}
