// The overview panels: headline tiles, outbound answers, rate budgets, dead letters (with replay)
// and running backfills. Each takes the JSON the admin API returned and redraws its container.
"use strict";

const Panels = (() => {
  const ANSWER_TONE = { "2xx": "ok", "207": "warn", "429": "warn", "4xx": "bad", "5xx": "bad", "no-answer": "bad" };

  function seconds(s) {
    if (!Number.isFinite(s)) return "?";
    if (s < 120) return Math.round(s) + " s";
    if (s < 7200) return Math.round(s / 60) + " min";
    return Math.round(s / 3600) + " h";
  }

  function tile(label, value, alert, id) {
    return el("div", { class: "tile" + (alert ? " alert" : ""), id }, el("div", { class: "value" }, value),
              el("div", { class: "label" }, label));
  }

  function tiles(container, o) {
    const received = Object.values(o.ingest).reduce((sum, counts) => sum + counts.reduce((a, b) => a + b, 0), 0);
    const outbox = Object.entries(o.lag.outboxSeconds).map(([target, s]) =>
      tile(`oldest unsent command → ${target}`, seconds(s), s > 600));
    container.replaceChildren(
      tile(`events received, last ${o.windowMinutes} min`, received, false, "tile-received"),
      tile("oldest unprocessed event", seconds(o.lag.inboundSeconds), o.lag.inboundSeconds > 300),
      tile("events waiting", o.lag.inboundBacklog, false),
      tile("events failing to process", o.lag.inboundFailing, o.lag.inboundFailing > 0, "tile-failing"),
      ...outbox,
      tile("dead letters", o.deadLetters, o.deadLetters > 0, "tile-dead"));
  }

  function calls(container, o) {
    const targets = Object.keys(o.calls);
    if (!targets.length) {
      container.replaceChildren(el("p", { class: "muted" }, `no outbound attempts in the last ${o.windowMinutes} min`));
      return;
    }
    container.replaceChildren(el("table", { id: "calls-table" },
      el("tr", null, el("th", null, "target"), ...o.answers.map(a => el("th", null, el("span", { class: "badge " + ANSWER_TONE[a] }, a)))),
      ...targets.map(t => el("tr", { "data-target": t }, el("td", null, t),
        ...o.answers.map(a => el("td", { class: "num", "data-answer": a }, o.calls[t][a] || 0))))),
      el("p", { class: "muted" }, `command attempts in the last ${o.windowMinutes} min; 207: a batch with some inputs refused; `
        + "no-answer: timeout or connection failure"));
  }

  function budgets(container, o) {
    const rows = Object.entries(o.budgets).map(([target, b]) => {
      const fill = el("span");
      fill.style.width = Math.round(100 * b.available / Math.max(1, b.limit)) + "%";
      const vendor = b.vendorRemaining >= 0 ? `${b.vendorRemaining} of ${b.vendorMax}` : "not reported yet";
      return el("tr", null, el("td", null, target), el("td", null, el("div", { class: "bar" }, fill)),
        el("td", { class: "num" }, `${b.available}/${b.limit}`), el("td", null, vendor),
        el("td", null, b.pausedUntil ? el("span", { class: "badge warn" }, "paused until " + time(b.pausedUntil)) : ""));
    });
    container.replaceChildren(rows.length ? el("table", null,
      el("tr", null, ...["target", "our bucket", "left this period", "vendor says left", ""].map(h => el("th", null, h))),
      ...rows) : el("p", { class: "muted" }, "no rate-limited targets"));
  }

  function deadLetters(container, list, onReplay) {
    if (!list.length) {
      container.replaceChildren(el("p", { class: "muted", id: "no-dead-letters" }, "no dead letters"));
      return;
    }
    container.replaceChildren(el("table", { id: "dead-letter-table" },
      el("tr", null, ...["#", "when", "target", "person", "kind", "error", "reason", ""].map(h => el("th", null, h))),
      ...list.map(d => {
        const button = el("button", { type: "button", class: "replay", "data-id": d.id }, "Replay");
        button.addEventListener("click", () => { button.disabled = true; onReplay(d.id); });
        return el("tr", { class: "dead-letter", "data-id": d.id }, el("td", null, d.id), el("td", null, time(d.createdAt)),
          el("td", null, d.target), el("td", null, el("a", { href: "#", class: "person", "data-email": d.email }, d.email)),
          el("td", null, d.kind), el("td", null, el("span", { class: "badge bad" }, d.errorKind)),
          el("td", null, d.reason), el("td", null, button));
      })));
  }

  function backfills(container, executions) {
    if (!executions || !executions.length) {
      container.replaceChildren(el("p", { class: "muted", id: "no-backfills" }, "no backfills"));
      return;
    }
    const STATUS_TONE = { COMPLETED: "ok", FAILED: "bad", STOPPED: "warn", STARTED: "info", STARTING: "info" };
    container.replaceChildren(el("table", { id: "backfill-table" },
      el("tr", null, ...["#", "job", "status", "read", "written", "skipped", "rate", "eta", "started", "ended"].map(h => el("th", null, h))),
      ...executions.map(x => el("tr", null, el("td", null, x.executionId),
        el("td", null, x.jobName, x.dryRun ? " " : null, x.dryRun ? el("span", { class: "badge" }, "dry run") : null),
        el("td", null, el("span", { class: "badge " + (STATUS_TONE[x.status] || "") }, x.status)),
        el("td", { class: "num" }, x.readCount), el("td", { class: "num" }, x.writeCount), el("td", { class: "num" }, x.skipCount),
        el("td", { class: "num" }, Number.isFinite(x.ratePerSecond) ? x.ratePerSecond.toFixed(1) + "/s" : ""),
        el("td", { class: "num" }, Number.isFinite(x.etaSeconds) ? seconds(x.etaSeconds) : ""),
        el("td", null, time(x.startTime)), el("td", null, time(x.endTime))))));
  }

  return { tiles, calls, budgets, deadLetters, backfills };
})();
