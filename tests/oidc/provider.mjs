// A real OpenID Connect provider (panva's oidc-provider) for the test suite, on loopback only.
//
//   OIDC_TEST_ACCOUNTS=/path/accounts.json node tests/oidc/provider.mjs
//
// Listens on a free port of 127.0.0.1 and prints one JSON line {"issuer": "..."} when ready.
// The accounts file is read at every login, so tests can change a person's claims:
//   {"anna": {"password": "...", "claims": {"email": "...", "groups": ["..."]}}}
// The account's key is its `sub`. Clients are registered by the tests through dynamic client
// registration (POST /reg), with exactly the redirect URIs they need.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

import Provider from 'oidc-provider';

const accountsFile = process.env.OIDC_TEST_ACCOUNTS;
if (!accountsFile) {
  console.error('OIDC_TEST_ACCOUNTS must name the accounts file');
  process.exit(2);
}
const readAccounts = () => JSON.parse(readFileSync(accountsFile, 'utf8'));

const escape = (value) => String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (title, body) => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escape(title)}</title></head>
<body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;

const loginPage = (uid, error = '', login = '') => page('Test identity provider: sign in', `
${error ? `<p role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
  <p><label for="login">Username</label> <input id="login" name="login" value="${escape(login)}" autofocus></p>
  <p><label for="password">Password</label> <input id="password" name="password" type="password"></p>
  <p><button type="submit">Sign in</button></p>
</form>`);

const readBody = (req) => new Promise((resolve, reject) => {
  let data = '';
  req.on('data', (chunk) => { data += chunk; });
  req.on('end', () => resolve(new URLSearchParams(data)));
  req.on('error', reject);
});

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' };

const server = createServer();
server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name', 'preferred_username'],
      groups: ['groups'],
      roles: ['realm_access'],
    },
    // Claims in the ID token too, as Entra ID and Keycloak put groups and roles there.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      registration: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.body = page('Test identity provider: sign out', `${form}
<p><button type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign me out</button></p>`);
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.body = page('Test identity provider: signed out', '<p>You are signed out.</p>');
        },
      },
    },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    // First-party portal: no consent screen, every requested scope is granted.
    loadExistingGrant: async (ctx) => {
      const { Grant } = ctx.oidc.provider;
      const grantId = ctx.oidc.result?.consent?.grantId
        || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      const grant = (grantId && await Grant.find(grantId))
        || new Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope([...ctx.oidc.requestParamScopes].join(' '));
      await grant.save();
      return grant;
    },
    findAccount: async (ctx, sub) => {
      const account = readAccounts()[sub];
      if (!account) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...account.claims }) };
    },
    ttl: { Session: 3600, Interaction: 600, Grant: 3600 },
  });
  const handle = provider.callback();

  server.on('request', async (req, res) => {
    const match = req.url.match(/^\/interaction\/([\w-]+)(\/login)?$/);
    if (!match) {
      handle(req, res);
      return;
    }
    try {
      const details = await provider.interactionDetails(req, res);
      res.setHeader('Cache-Control', 'no-store');
      if (req.method === 'GET' && !match[2]) {
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.end(loginPage(details.uid));
        return;
      }
      if (req.method === 'POST' && match[2]) {
        const form = await readBody(req);
        const login = form.get('login') || '';
        const account = readAccounts()[login];
        if (!account || account.password !== form.get('password')) {
          res.setHeader('Content-Type', 'text/html; charset=utf-8');
          res.end(loginPage(details.uid, 'Wrong username or password.', login));
          return;
        }
        await provider.interactionFinished(req, res, { login: { accountId: login } }, {
          mergeWithLastSubmission: false,
        });
        return;
      }
      res.statusCode = 405;
      res.end();
    } catch (error) {
      res.statusCode = 400;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end(`interaction failed: ${error.message}`);
    }
  });

  console.log(JSON.stringify({ issuer }));
});
