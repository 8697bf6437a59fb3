// A team's page (/teams/{team}[?month=2026-10]), for its lead: the team's spend, budget status, badges and flags in
// the month asked for, else the ledger clock's. Every report is asked with team=<team>, so the service answers only
// that team's figures (and refuses, 403, a token of another team: the page then says so instead of showing anything).
import { ReportError, getJson, reportUrl } from './api.js';
import { budgetSection } from './budgets.js';
import { monthOf } from './filters.js';
import { anomalySection, gamificationSection } from './governance.js';
import { run } from './page.js';
import { spendSection } from './spend.js';

const team = decodeURIComponent(location.pathname.split('/')[2] || '');
const asked = new URLSearchParams(location.search).get('month') || '';
const month = /^\d{4}-\d{2}$/.test(asked) ? asked : undefined;
let filters;

document.querySelector('h1').textContent = 'Team ' + team;
document.title = 'AI spend: team ' + team;

run({
  primary: async () => {
    try {
      const budgets = await getJson(reportUrl('budgets', { team }));
      const shown = month ? month + '-01T00:00:00Z' : budgets.ledgerClock || new Date().toISOString();
      filters = { ...monthOf(shown), period: 'day', team };
    } catch (failure) {
      if (failure instanceof ReportError && failure.status === 403) {
        throw new ReportError(403, 'This token may not read the reports of team ' + team + ' (403): a team lead '
          + 'or member sees only their own team. Ask for a token of team ' + team + '.');
      }
      throw failure;
    }
    document.getElementById('range').textContent = filters.from + ' to ' + filters.to
      + (month ? ' (the month asked for)' : ' (the month of the latest use recorded)');
  },
  sections: [
    () => spendSection('team-spend', 'model', filters, 'team-spend-total')(),
    () => budgetSection('team-budgets', { period: month, onlyTeam: team })(),
    () => gamificationSection('team-badges', filters)(),
    () => anomalySection('team-flags', filters, true)(),
  ],
});
