// "Sign in with Microsoft" for the explorer: the authorization-code flow with PKCE of a single-page
// app registration (a public client, so no secret exists to leak). The token it gets goes into the
// page's bearer-token field, which every call already reads; pasting a token keeps working.
'use strict';

(() => {
  const SETTINGS_PATH = 'explorer/sign-in';
  const PENDING_KEY = 'surrogate.signIn.pending';
  const TOKEN_KEY = 'surrogate.signIn.token';
  const field = () => document.getElementById('token');

  const base64Url = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const randomString = () => base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const redirectUri = () => `${location.origin}${location.pathname}`;

  function useToken(token) {
    field().value = token;
    // The explorer reloads its choices on a change of the field if the first load was refused.
    field().dispatchEvent(new Event('change'));
  }

  async function signIn(settings) {
    const verifier = randomString();
    const state = randomString();
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
    sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state }));
    const query = new URLSearchParams({
      client_id: settings.clientId,
      response_type: 'code',
      redirect_uri: redirectUri(),
      scope: settings.scope,
      state,
      code_challenge: base64Url(new Uint8Array(digest)),
      code_challenge_method: 'S256',
    });
    location.assign(`${settings.authorizationUrl}?${query}`);
  }

  /** Back from the sign-in page with ?code=…&state=…: redeem the code with the PKCE verifier. */
  async function redeem(settings, parameters) {
    const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) || 'null');
    sessionStorage.removeItem(PENDING_KEY);
    history.replaceState(null, '', redirectUri());
    if (!pending || pending.state !== parameters.get('state')) return;
    const response = await fetch(settings.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: settings.clientId,
        grant_type: 'authorization_code',
        code: parameters.get('code'),
        redirect_uri: redirectUri(),
        code_verifier: pending.verifier,
        scope: settings.scope,
      }),
    });
    const answer = await response.json();
    if (!response.ok) throw new Error(answer.error_description || answer.error || `HTTP ${response.status}`);
    sessionStorage.setItem(TOKEN_KEY, JSON.stringify({ token: answer.access_token, expiresAt: Date.now() + answer.expires_in * 1000 }));
    useToken(answer.access_token);
  }

  async function start() {
    const response = await fetch(SETTINGS_PATH);
    if (!response.ok) return; // No single-page registration configured: pasting a token is the way.
    const settings = await response.json();
    const button = document.getElementById('sign-in');
    button.hidden = false;
    button.addEventListener('click', () => signIn(settings));

    const parameters = new URLSearchParams(location.search);
    if (parameters.has('error')) {
      history.replaceState(null, '', redirectUri());
      throw new Error(parameters.get('error_description') || parameters.get('error'));
    }
    if (parameters.has('code')) {
      await redeem(settings, parameters);
      return;
    }
    const stored = JSON.parse(sessionStorage.getItem(TOKEN_KEY) || 'null');
    if (stored && stored.expiresAt > Date.now() + 60000 && !field().value) useToken(stored.token);
  }

  document.addEventListener('DOMContentLoaded', () => {
    start().catch((error) => { document.getElementById('sign-in-status').textContent = `Sign-in failed: ${error.message}`; });
  });
})();
