// Boots the dashboard: login, the app view, routing (#/app/<app>/deploy/<id>) and live updates.

import { api, listen, session, Unauthorized } from './api.js';
import { seriesOf, chartCard } from './charts.js';
import { confirmAction } from './dialog.js';
import { $, fill, h } from './dom.js';
import { deployDetail, LiveLog, releasesTable } from './releases.js';
import { buildsTable, proxyBadge, servicesTable } from './views.js';

const POLL_MS = 10000;
const state = { apps: [], app: null, deployId: null, releases: [], stopEvents: null, poll: null, live: null, detailTimer: null };

function show(view) {
  $('#login-view').hidden = view !== 'login';
  $('#app-view').hidden = view !== 'app';
  for (const el of ['#app-nav', '#live-status', '#logout']) $(el).hidden = view !== 'app';
}

// ---- session ---------------------------------------------------------------------------------

function showLogin(message = '') {
  stop();
  show('login');
  const error = $('#login-error');
  error.textContent = message;
  error.hidden = !message;
  $('#token').value = '';
  $('#token').focus();
}

async function login(event) {
  event.preventDefault();
  const token = $('#token').value.trim();
  const button = $('#login-form button[type=submit]');
  if (!token) return showLogin('Enter the API token.');
  button.disabled = true;
  try {
    const apps = await api.tryToken(token);
    session.save(token);
    $('#login-error').hidden = true;
    start(apps);
  } catch (e) {
    const message = e instanceof Unauthorized
      ? 'That token was not accepted. Check for a typo, or create a new one with “dray server token”.'
      : e.message;
    showLogin(message);
  } finally {
    button.disabled = false;
  }
}

function signOut(message) {
  session.clear();
  showLogin(message);
}

function stop() {
  state.stopEvents?.();
  state.stopEvents = null;
  clearInterval(state.poll);
  state.poll = null;
}

// ---- app view --------------------------------------------------------------------------------

async function start(apps) {
  show('app');
  state.live = new LiveLog($('#live'));
  state.stopEvents = listen({ onEvent, onState: liveState });
  state.poll = setInterval(() => refreshApps().catch(() => {}), POLL_MS);
  try {
    setApps(apps ?? (await api.apps()));
    route();
  } catch (e) {
    if (!(e instanceof Unauthorized)) notice(e.message, true);
  }
}

function setApps(apps) {
  state.apps = apps ?? [];
  const select = $('#app-select');
  const chosen = select.value;
  fill(select, state.apps.map((a) => h('option', { value: a.app }, a.app)));
  if (chosen) select.value = chosen;
  $('#app-nav').classList.toggle('single', state.apps.length < 2);
  if (state.app) renderServices();
}

async function refreshApps() {
  setApps(await api.apps());
}

function parseHash() {
  const m = /^#\/app\/([^/]+)(?:\/deploy\/([^/]+))?/.exec(location.hash);
  return m ? { app: decodeURIComponent(m[1]), deployId: m[2] ? decodeURIComponent(m[2]) : null } : { app: null, deployId: null };
}

function route() {
  if ($('#app-view').hidden) return;
  let { app, deployId } = parseHash();
  if (!state.apps.length) {
    fill($('#app-title'), 'No apps yet');
    fill($('#services'), h('p', { class: 'empty' }, 'Deploy an app with “dray deploy” and it shows up here.'));
    return;
  }
  if (!app || !state.apps.some((a) => a.app === app)) app = state.apps[0].app;
  const appChanged = app !== state.app;
  state.app = app;
  $('#app-select').value = app;
  if (appChanged) loadApp(app);
  showDeploy(deployId);
}

function loadApp(app) {
  document.title = `${app} · dray`;
  renderServices();
  state.releases = [];
  fill($('#releases'), h('p', { class: 'loading' }, 'Loading releases…'));
  fill($('#builds'), h('p', { class: 'loading' }, 'Loading builds…'));
  fill($('#figures'), h('p', { class: 'loading' }, 'Loading figures…'));
  refreshReleases(true);
  section('#builds', api.builds(app), buildsTable, 'builds');
  section('#figures', api.summary(app), figures, 'figures');
}

/** Fills a section from a request; a failure shows in that section only. */
async function section(selector, request, render, what) {
  const app = state.app;
  try {
    const data = await request;
    if (app === state.app) fill($(selector), render(data));
  } catch (e) {
    if (!(e instanceof Unauthorized) && app === state.app) fill($(selector), h('p', { class: 'error', role: 'alert' }, `Could not load ${what}: ${e.message}`));
  }
}

function renderServices() {
  const app = state.apps.find((a) => a.app === state.app);
  if (!app) return;
  fill($('#app-title'), app.app);
  const versions = [...new Set((app.services ?? []).map((s) => s.version).filter(Boolean))];
  fill($('#app-summary'),
    h('span', {}, `${(app.services ?? []).length} service${(app.services ?? []).length === 1 ? '' : 's'}`),
    versions.length ? h('span', {}, versions.length === 1 ? 'serving ' : 'versions ', versions.map((v, i) => [i ? ', ' : '', h('code', {}, v)])) : null,
    proxyBadge(app.proxy));
  fill($('#services'), servicesTable(app));
}

async function refreshReleases(seedLive = false) {
  const app = state.app;
  try {
    const releases = await api.releases(app);
    if (app !== state.app) return;
    state.releases = releases ?? [];
    fill($('#releases'), releasesTable(app, state.releases, state.deployId));
    fill($('#known-versions'), [...new Set(state.releases.map((r) => r.version).filter(Boolean))].map((v) => h('option', { value: v })));
    const tracked = state.releases.find((r) => r.id === state.live.deployId);
    if (tracked && tracked.outcome !== 'RUNNING') { state.live.status = tracked.outcome; state.live.render(); }
    const running = state.releases.find((r) => r.outcome === 'RUNNING');
    if (seedLive && running && running.id !== state.live.deployId) state.live.seed(await api.deploy(running.id));
  } catch (e) {
    if (!(e instanceof Unauthorized) && app === state.app) fill($('#releases'), h('p', { class: 'error', role: 'alert' }, `Could not load releases: ${e.message}`));
  }
}

async function showDeploy(deployId) {
  state.deployId = deployId;
  for (const row of document.querySelectorAll('table.releases tbody tr')) {
    const selected = row.dataset.deploy === deployId;
    row.classList.toggle('selected', selected);
    if (selected) row.setAttribute('aria-current', 'true'); else row.removeAttribute('aria-current');
  }
  const panel = $('#deploy-panel');
  panel.hidden = !deployId;
  if (!deployId) return;
  const app = state.app;
  try {
    const deploy = await api.deploy(deployId);
    if (state.deployId !== deployId || app !== state.app) return;
    fill($('#deploy-detail'), deployDetail(deploy));
  } catch (e) {
    if (!(e instanceof Unauthorized)) fill($('#deploy-detail'), h('p', { class: 'error', role: 'alert' }, `Could not load deploy ${deployId}: ${e.message}`));
  }
}

function figures(summary) {
  const series = seriesOf(summary);
  if (!series.length) return h('p', { class: 'empty' }, 'No figures yet: they appear after the first builds and deploys.');
  return h('div', { class: 'charts' }, series.map(chartCard));
}

// ---- live events -----------------------------------------------------------------------------

function onEvent(kind, e) {
  const app = e.app ?? e.trigger?.app;
  const mine = !app || app === state.app;
  if (mine) state.live.add(kind, e);
  // a queued rollout's trigger events (started, superseded, skipped) name its deployId too
  if (e.deployId && e.deployId === state.deployId) {
    clearTimeout(state.detailTimer);
    state.detailTimer = setTimeout(() => showDeploy(state.deployId), 150);
  }
  if (kind !== 'deploy') return;
  if (mine && (e.type === 'DeployStarted' || e.type === 'DeployFinished')) refreshReleases();
  if (e.type === 'DeployFinished' || e.type === 'Switched') refreshApps().catch(() => {});
  if (mine && e.type === 'DeployFinished') section('#figures', api.summary(state.app), figures, 'figures');
}

function liveState(s) {
  const el = $('#live-status');
  el.dataset.state = s;
  const [icon, text] = { live: ['●', 'Live'], connecting: ['◌', 'Connecting…'], lost: ['✕', 'Offline, retrying'] }[s];
  fill(el, h('span', { class: 'icon', 'aria-hidden': 'true' }, icon), text);
}

// ---- actions ---------------------------------------------------------------------------------

function notice(message, isError = false, link = null) {
  const el = $('#action-status');
  el.className = isError ? 'notice error' : 'notice ok';
  el.setAttribute('role', isError ? 'alert' : 'status');
  fill(el, message, link ? [' ', link] : null);
}

function queuedLink(result) {
  return result?.deployId
    ? h('a', { href: `#/app/${encodeURIComponent(state.app)}/deploy/${encodeURIComponent(result.deployId)}` }, 'Show steps')
    : null;
}

async function deploy(event) {
  event.preventDefault();
  const version = $('#deploy-version').value.trim();
  if (!version) return;
  const app = state.app;
  const answer = await confirmAction({
    title: `Deploy ${app} ${version}?`,
    message: `Every service of ${app} starts ${version} next to the current version; traffic moves once the new containers pass their health checks, and a failure rolls back on its own.`,
    okLabel: `Deploy ${version}`,
  });
  if (!answer.ok) return;
  try {
    const result = await api.startDeploy(app, version);
    notice(`Deploy of ${app} ${version} queued.`, false, queuedLink(result));
    $('#deploy-version').value = '';
  } catch (e) {
    if (!(e instanceof Unauthorized)) notice(`Deploy not started: ${e.message}`, true);
  }
}

async function rollback() {
  const app = state.app;
  const current = state.releases.find((r) => r.outcome === 'SUCCEEDED');
  const answer = await confirmAction({
    title: `Roll back ${app}?`,
    message: `${app} goes back to the release before the current one${current ? ` (${current.version} serves now)` : ''}, with the same health-gated switch as a deploy.`,
    okLabel: 'Roll back',
    danger: true,
    field: { label: 'Version (optional)', placeholder: 'previous release', hint: 'Leave empty to roll back to the previous release.' },
  });
  if (!answer.ok) return;
  try {
    const result = await api.startRollback(app, answer.value || null);
    notice(`Rollback of ${app}${answer.value ? ` to ${answer.value}` : ''} queued.`, false, queuedLink(result));
  } catch (e) {
    if (!(e instanceof Unauthorized)) notice(`Rollback not started: ${e.message}`, true);
  }
}

// ---- boot ------------------------------------------------------------------------------------

session.onUnauthorized(() =>
  signOut('The server no longer accepts your token (it may have been rotated with “dray server token”). Sign in again.'));
$('#login-form').addEventListener('submit', login);
$('#logout').addEventListener('click', () => signOut(''));
$('#deploy-form').addEventListener('submit', deploy);
$('#rollback').addEventListener('click', rollback);
$('#app-select').addEventListener('change', (e) => { location.hash = `#/app/${encodeURIComponent(e.target.value)}`; });
window.addEventListener('hashchange', route);

if (session.token()) start(null);
else showLogin();
