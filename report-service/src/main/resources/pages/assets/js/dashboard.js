// The dashboard (/): spend over time by team, model and purpose; budget burn-down with forecast and cap; cost per
// merged PR by usage tier; spend per active person and adoption; phases and badges; flagged spend; the ledger's
// verification. Every panel names the report it comes from and offers its JSON and CSV.
import { getJson, reportUrl } from './api.js';
import { budgetSection } from './budgets.js';
import { currentFilters, bindFilterForm } from './filters.js';
import { anomalySection, gamificationSection, ledgerSection } from './governance.js';
import { distributionSection, efficiencySection } from './outcomes.js';
import { run } from './page.js';
import { spendSection } from './spend.js';

let filters;

run({
  primary: async () => {
    filters = await currentFilters();
    document.getElementById('range').textContent = filters.from + ' to ' + filters.to
      + (filters.team ? ', team ' + filters.team : ', all teams');
    // The teams to choose from: those with spend in the range (a team-scoped token only sees its own).
    const teams = await getJson(reportUrl('spend', { from: filters.from, to: filters.to, team: filters.team }))
      .then((report) => report.rows.map((row) => row.team).filter(Boolean), () => []);
    bindFilterForm(filters, teams);
  },
  sections: [
    () => spendSection('spend-team', 'team', filters, 'spend-total')(),
    () => spendSection('spend-model', 'model', filters)(),
    () => spendSection('spend-purpose', 'purpose', filters)(),
    () => budgetSection('budgets', { period: filters.from.slice(0, 7), onlyTeam: filters.team })(),
    () => efficiencySection('efficiency', filters)(),
    () => distributionSection('distribution', filters)(),
    () => gamificationSection('gamification', filters)(),
    () => anomalySection('anomalies', filters, false)(),
    () => ledgerSection('ledger')(),
  ],
});
