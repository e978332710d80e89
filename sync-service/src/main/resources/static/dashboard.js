// Login, polling and wiring of the panels. Overview and dead letters every 5 s, backfills every 10 s.
"use strict";

(() => {
  const $ = id => document.getElementById(id);
  const lagSamples = [];
  let timers = [];

  function showLogin(message) {
    timers.forEach(clearInterval);
    timers = [];
    Api.forget();
    $("dashboard").hidden = true;
    $("logout").hidden = true;
    $("login").hidden = false;
    $("login-error").textContent = message || "";
    $("status").textContent = "";
  }

  function guard(promise) {
    return promise.catch(error => {
      if (error instanceof Api.Refused) {
        showLogin(error.message);
      } else {
        $("status").textContent = "last refresh failed: " + error.message;
      }
    });
  }

  async function refreshOverview() {
    const o = await Api.get("/admin/overview?minutes=30");
    Panels.tiles($("tiles"), o);
    Charts.stackedBars($("ingest-chart"), o.minutes, o.ingest);
    const values = { inbound: o.lag.inboundSeconds };
    for (const [target, s] of Object.entries(o.lag.outboxSeconds)) values["outbox → " + target] = s;
    lagSamples.push({ at: new Date(o.at), values });
    if (lagSamples.length > 120) lagSamples.shift();
    Charts.lines($("lag-chart"), lagSamples);
    Panels.calls($("calls"), o);
    Panels.budgets($("budgets"), o);
    $("status").textContent = "updated " + time(o.at);
  }

  async function refreshDeadLetters() {
    const answer = await Api.get("/admin/dead-letters?replayed=false&limit=200");
    $("dead-count").textContent = answer.deadLetters.length;
    Panels.deadLetters($("dead-letters"), answer.deadLetters, id => guard(replay(id)));
  }

  async function replay(id) {
    const answer = await Api.post("/admin/dead-letters/" + encodeURIComponent(id) + "/replay");
    $("status").textContent = answer.status === 200 ? `dead letter #${id}: ${answer.body.replayed} replayed`
      : `replay of #${id} failed: HTTP ${answer.status}`;
    await refreshDeadLetters();
  }

  async function refreshBackfills() {
    const answer = await Api.call("GET", "/admin/jobs/executions");
    Panels.backfills($("backfills"), answer.status === 200 && Array.isArray(answer.body) ? answer.body : []);
  }

  function refreshAll() {
    guard(refreshOverview());
    guard(refreshDeadLetters());
    guard(refreshBackfills());
  }

  function showDashboard() {
    $("login").hidden = true;
    $("dashboard").hidden = false;
    $("logout").hidden = false;
    refreshAll();
    timers.push(setInterval(() => guard(refreshOverview()), 5000));
    timers.push(setInterval(() => guard(refreshDeadLetters()), 5000));
    timers.push(setInterval(() => guard(refreshBackfills()), 10000));
  }

  function search(email) {
    $("email").value = email;
    guard(Journey.show($("journey"), email.trim()));
  }

  $("login-form").addEventListener("submit", async event => {
    event.preventDefault();
    const candidate = $("token").value.trim();
    try {
      await Api.call("GET", "/admin/overview?minutes=1", candidate);
      Api.remember(candidate);
      $("token").value = "";
      showDashboard();
    } catch (error) {
      $("login-error").textContent = error instanceof Api.Refused ? "That token was refused." : error.message;
    }
  });
  $("logout").addEventListener("click", () => showLogin("Logged out."));
  $("search-form").addEventListener("submit", event => { event.preventDefault(); search($("email").value); });
  $("dead-letters").addEventListener("click", event => {
    const link = event.target.closest("a.person");
    if (link) { event.preventDefault(); search(link.dataset.email); }
  });

  if (Api.token()) showDashboard(); else showLogin();
})();
