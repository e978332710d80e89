// Two small charts drawn as inline SVG: stacked bars (events per minute per source) and lines
// (lag samples kept by the page while it polls). No library, so the page works offline.
"use strict";

const Charts = (() => {
  const NS = "http://www.w3.org/2000/svg";
  const PALETTE = ["#2b6cb0", "#dd6b20", "#38a169", "#805ad5", "#d53f8c", "#319795"];
  const W = 600, H = 180, LEFT = 34, BOTTOM = 18;

  function svg(tag, attrs) {
    const node = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    return node;
  }

  function color(i) { return PALETTE[i % PALETTE.length]; }

  function frame(max) {
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: "none", role: "img" });
    for (const f of [0, 0.5, 1]) {
      const y = (H - BOTTOM) * (1 - f);
      root.append(svg("line", { x1: LEFT, x2: W, y1: y, y2: y, stroke: "#eef0f4" }));
      const label = svg("text", { x: 2, y: Math.max(10, y + 3) });
      label.textContent = formatNumber(max * f);
      root.append(label);
    }
    return root;
  }

  function formatNumber(n) { return n >= 100 ? Math.round(n).toString() : (Math.round(n * 10) / 10).toString(); }

  function legend(names) {
    return el("div", { class: "legend" }, ...names.map((n, i) => {
      const swatch = el("i");
      swatch.style.background = color(i);
      return el("span", null, swatch, n);
    }));
  }

  /** minutes: ISO starts; series: {name: counts[]} stacked per minute. */
  function stackedBars(container, minutes, series) {
    const names = Object.keys(series);
    const totals = minutes.map((_, i) => names.reduce((sum, n) => sum + series[n][i], 0));
    const max = Math.max(1, ...totals);
    const root = frame(max);
    const slot = (W - LEFT) / Math.max(1, minutes.length);
    minutes.forEach((minute, i) => {
      let base = H - BOTTOM;
      names.forEach((name, s) => {
        const h = (H - BOTTOM) * series[name][i] / max;
        if (h > 0) {
          const bar = svg("rect", { x: LEFT + i * slot + 1, y: base - h, width: Math.max(1, slot - 2), height: h,
                                    fill: color(s) });
          const tip = svg("title", {});
          tip.textContent = `${time(minute)} ${name}: ${series[name][i]}`;
          bar.append(tip);
          root.append(bar);
          base -= h;
        }
      });
      if (i % Math.ceil(minutes.length / 6) === 0) {
        const label = svg("text", { x: LEFT + i * slot, y: H - 4 });
        label.textContent = new Date(minute).toISOString().substring(11, 16);
        root.append(label);
      }
    });
    container.replaceChildren(root, names.length ? legend(names) : el("p", { class: "muted" }, "no events in this window"));
  }

  /** samples: [{at: Date, values: {name: number}}], oldest first. */
  function lines(container, samples) {
    const names = [...new Set(samples.flatMap(s => Object.keys(s.values)))];
    const max = Math.max(1, ...samples.flatMap(s => Object.values(s.values).filter(Number.isFinite)));
    const root = frame(max);
    const step = (W - LEFT) / Math.max(1, samples.length - 1);
    names.forEach((name, s) => {
      const points = samples.map((sample, i) => {
        const v = sample.values[name];
        return `${LEFT + i * step},${(H - BOTTOM) * (1 - (Number.isFinite(v) ? v : 0) / max)}`;
      });
      root.append(svg("polyline", { points: points.join(" "), fill: "none", stroke: color(s), "stroke-width": 2 }));
    });
    if (samples.length) {
      const label = svg("text", { x: LEFT, y: H - 4 });
      label.textContent = samples[0].at.toISOString().substring(11, 19) + " → now";
      root.append(label);
    }
    container.replaceChildren(root, legend(names));
  }

  return { stackedBars, lines };
})();
