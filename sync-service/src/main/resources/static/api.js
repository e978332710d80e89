// The admin JSON API with the token the operator typed. The token lives in sessionStorage only:
// it is gone when the tab closes, and it never goes into a URL.
"use strict";

const Api = (() => {
  const KEY = "crm-sync-admin-token";

  class Refused extends Error {}

  function token() { return sessionStorage.getItem(KEY); }
  function remember(value) { sessionStorage.setItem(KEY, value); }
  function forget() { sessionStorage.removeItem(KEY); }

  /** Calls the API; resolves to {status, body}, rejects with Refused on 401/403. */
  async function call(method, path, candidate) {
    const response = await fetch(path, {
      method,
      headers: { "Authorization": "Bearer " + (candidate || token() || ""), "Accept": "application/json" },
      cache: "no-store"
    });
    if (response.status === 401 || response.status === 403) {
      throw new Refused("the admin token was refused (HTTP " + response.status + ")");
    }
    const text = await response.text();
    let body = null;
    try { body = text ? JSON.parse(text) : null; } catch (e) { body = { message: text }; }
    return { status: response.status, body };
  }

  async function json(path) {
    const answer = await call("GET", path);
    if (answer.status !== 200) {
      throw new Error(path + " answered HTTP " + answer.status);
    }
    return answer.body;
  }

  return { Refused, token, remember, forget, call, json,
           get: path => json(path), post: path => call("POST", path) };
})();

/** Small DOM helper: el("td", {class: "num"}, "12"). Text is always set as text, never parsed as HTML. */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value !== null && value !== undefined) node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function time(iso) {
  if (!iso) return "";
  const d = new Date(iso);
  return isNaN(d) ? iso : d.toISOString().replace("T", " ").replace(/\.\d+Z$/, "Z");
}
