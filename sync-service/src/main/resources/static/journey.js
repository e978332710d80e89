// One person's journey from GET /admin/trace?email=: webhook received, translated, each decision with
// its reason, each command and each call with the target's answer, as a vertical timeline.
"use strict";

const Journey = (() => {
  const DECISION_TONE = { "applied": "ok", "conflict-resolved": "ok", "skipped-echo": "info", "skipped-stale": "warn",
                          "skipped-backward": "warn", "skipped-ownership": "other", "retry-later": "warn",
                          "unrecognized": "bad", "no-change": "" };
  const CALL_TONE = { "written": "ok", "retry": "warn", "rate-limited": "warn", "dead-letter": "bad" };

  function badge(text, tone) { return el("span", { class: "badge " + (tone || "") }, text); }

  function shortOutcome(outcome) { return (outcome || "").replace(/^skipped-/, ""); }

  function answer(entry) {
    if (entry.httpStatus === null || entry.httpStatus === undefined) return "no HTTP answer";
    return "HTTP " + entry.httpStatus;
  }

  function details(label, text) {
    if (!text) return null;
    let shown = text;
    try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch (e) { /* not JSON: shown as is */ }
    return el("details", null, el("summary", null, label), el("pre", null, shown));
  }

  function describe(e) {
    switch (e.type) {
      case "received":
        return [el("span", { class: "title" }, "Webhook received"), badge(e.source, "info"), " ", e.eventType,
                el("div", { class: "reason" }, `event #${e.eventId}, auth ${e.auth || "?"}, occurred ${time(e.occurredAt) || "?"}`),
                details("payload", e.payload)];
      case "waiting":
        return [el("span", { class: "title" }, "Waiting to be processed"), badge(`attempt ${e.attempts}`, "bad"),
                el("div", { class: "reason" }, `event #${e.eventId} (${e.source} ${e.eventType}) next try at ${time(e.at)}`
                   + (e.lastError ? `; last error: ${e.lastError}` : ""))];
      case "translated":
        return [el("span", { class: "title" }, "Translated"), badge(`${e.decisions} decision(s)`, "other"),
                el("div", { class: "reason" }, `event #${e.eventId} became a canonical change and went through the rules`)];
      case "decision":
        return [el("span", { class: "title" }, `Decision for ${e.target}`), badge(shortOutcome(e.outcome), DECISION_TONE[e.outcome]),
                " ", el("code", null, e.subject), e.value !== null && e.value !== undefined ? ` = ${e.value}` : "",
                el("div", { class: "reason" }, e.reason)];
      case "command":
        return [el("span", { class: "title" }, `Command ${e.kind} → ${e.target}`), badge(e.status, e.status === "dead" ? "bad"
                : e.status === "done" ? "ok" : "warn"), ` attempts ${e.attempts}`,
                e.lastError ? el("div", { class: "reason" }, e.lastError) : null, details("command", e.command)];
      case "call":
        return [el("span", { class: "title" }, `Call to ${e.target}`), badge(e.outcome, CALL_TONE[e.outcome]), " ",
                badge(answer(e), e.httpStatus >= 200 && e.httpStatus < 300 ? "ok" : "bad"), ` attempt ${e.attempt}`,
                e.detail ? el("div", { class: "reason" }, e.detail) : null];
      default:
        return [el("span", { class: "title" }, e.type)];
    }
  }

  function facts(title, rows, columns) {
    if (!rows || !rows.length) return null;
    return el("div", null, title ? el("h3", null, title) : null, el("table", null,
      el("tr", null, ...columns.map(c => el("th", null, c))),
      ...rows.map(r => el("tr", null, ...columns.map(c => el("td", null, c.endsWith("At") ? time(r[c]) : r[c]))))));
  }

  function render(container, trace) {
    if (!trace.timeline.length) {
      container.replaceChildren(el("p", { class: "muted", id: "no-journey" },
        `Nothing recorded for ${trace.email}: no webhook named this address. Check the spelling, or whether the `
        + "sender's webhook is paused (see the runbook)."));
      return;
    }
    const list = el("ol", { class: "timeline", id: "timeline" }, ...trace.timeline.map(e =>
      el("li", { class: "entry " + e.type, "data-type": e.type, "data-outcome": e.outcome || null },
         el("span", { class: "when" }, time(e.at)), ...describe(e))));
    // Fields starting with '_' are the engine's bookkeeping (writes in flight, engagement parts): folded away.
    const fields = trace.fieldState.filter(f => !f.field.startsWith("_"));
    const bookkeeping = trace.fieldState.filter(f => f.field.startsWith("_"));
    const columns = ["system", "field", "value", "source", "observedAt"];
    container.replaceChildren(
      el("div", { class: "facts" },
         facts("Identities", trace.identities, ["system", "externalId"]),
         facts("Field state", fields, columns)),
      bookkeeping.length ? el("details", null, el("summary", { class: "muted" }, `${bookkeeping.length} bookkeeping fields`),
                              facts("", bookkeeping, columns)) : null,
      list);
  }

  async function show(container, email) {
    container.replaceChildren(el("p", { class: "muted" }, "loading…"));
    try {
      render(container, await Api.get("/admin/trace?email=" + encodeURIComponent(email)));
    } catch (error) {
      if (error instanceof Api.Refused) throw error;
      container.replaceChildren(el("p", { class: "error" }, error.message));
    }
  }

  return { show };
})();
