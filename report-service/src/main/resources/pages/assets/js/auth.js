// The reader's bearer token. Pages hold no data: every figure comes from /v1/reports with this token. It arrives
// in the address's fragment (#token=..., never sent to a server or kept in logs), is kept for this tab only
// (sessionStorage), and is taken out of the address bar at once so that it is not bookmarked or shared by copy.
const KEY = 'aispend.token';

export function takeToken() {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const given = fragment.get('token');
  if (given) {
    sessionStorage.setItem(KEY, given.trim());
    fragment.delete('token');
    const rest = fragment.toString();
    history.replaceState(null, '', location.pathname + location.search + (rest ? '#' + rest : ''));
  }
  return sessionStorage.getItem(KEY);
}

export function forgetToken() {
  sessionStorage.removeItem(KEY);
}

/** Shows the small form that asks for a token; pasting one and pressing the button reloads the page's figures. */
export function askForToken(container, reason) {
  const form = document.createElement('form');
  form.className = 'token-form';
  form.setAttribute('aria-labelledby', 'token-form-title');
  form.innerHTML = `
    <h2 id="token-form-title">A token is needed to read the reports</h2>
    <p class="token-reason"></p>
    <p>Get one with <code>./run-local token finance-auditor</code> (or
      <code>./run-local token team-lead --team=T</code> for a team's page) and paste it here. It is kept in this
      browser tab only.</p>
    <label for="token-input">Bearer token</label>
    <textarea id="token-input" rows="3" required autocomplete="off" spellcheck="false"></textarea>
    <button type="submit">Show the figures</button>`;
  form.querySelector('.token-reason').textContent = reason || '';
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = form.querySelector('textarea').value.trim();
    if (value) {
      sessionStorage.setItem(KEY, value);
      location.reload();
    }
  });
  container.replaceChildren(form);
}

/** A button that forgets the token (for a shared screen). */
export function signOutButton(container) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'sign-out';
  button.textContent = 'Forget token';
  button.addEventListener('click', () => {
    forgetToken();
    location.reload();
  });
  container.append(button);
}
