// The period and team the dashboard shows, from the page's query (?from=&to=&period=&team=). Without a range it
// shows the month the ledger clock is in (the latest time of use recorded, as every report's "now"), so the
// default never depends on the reader's own clock unless the ledger is empty.
import { getJson, reportUrl } from './api.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TEAM = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function monthOf(isoInstant) {
  const start = isoInstant.slice(0, 7) + '-01';
  const next = new Date(Date.parse(start + 'T00:00:00Z'));
  next.setUTCMonth(next.getUTCMonth() + 1);
  next.setUTCDate(0);
  return { from: start, to: next.toISOString().slice(0, 10) };
}

/** The filters asked for, completed with the ledger clock's month. */
export async function currentFilters() {
  const query = new URLSearchParams(location.search);
  const team = TEAM.test(query.get('team') || '') ? query.get('team') : '';
  const period = ['day', 'week', 'month'].includes(query.get('period')) ? query.get('period') : 'day';
  let from = query.get('from');
  let to = query.get('to');
  if (!DATE.test(from || '') || !DATE.test(to || '')) {
    const budgets = await getJson(reportUrl('budgets', { team }));
    ({ from, to } = monthOf(budgets.ledgerClock || new Date().toISOString()));
  }
  return { from, to, period, team };
}

/** Fills the filter form and reloads the page with the new query when it is applied. */
export function bindFilterForm(filters, teams) {
  const form = document.getElementById('filters');
  form.elements.from.value = filters.from;
  form.elements.to.value = filters.to;
  form.elements.period.value = filters.period;
  const select = form.elements.team;
  [...new Set([...teams, filters.team].filter(Boolean))].sort().forEach((team) => {
    const option = document.createElement('option');
    option.value = team;
    option.textContent = team;
    select.append(option);
  });
  select.value = filters.team;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = new URLSearchParams();
    ['from', 'to', 'period', 'team'].forEach((name) => {
      if (form.elements[name].value) {
        query.set(name, form.elements[name].value);
      }
    });
    location.search = query.toString();
  });
  form.hidden = false;
}
