// The cfsim web calculator: turns the form into a traffic profile (the same JSON schema the CLI
// reads), asks the API for the estimate and the plan comparison, and shows both. Every figure
// comes from the API; this file only formats. Text is always set with textContent, never HTML.
"use strict";

(function () {
  const REGIONS = [
    ["us", "United States, Mexico, Canada"],
    ["eu", "Europe, Israel, Türkiye"],
    ["me_af", "South Africa, Kenya, Nigeria, Middle East"],
    ["sa", "South America"],
    ["jp", "Japan"],
    ["au", "Australia, New Zealand"],
    ["ap", "Hong Kong, Indonesia, Philippines, Singapore, South Korea, Taiwan, Thailand, Malaysia, Vietnam"],
    ["in", "India"],
  ];
  const COMPONENTS = {
    data_transfer_out: "Data transfer out to viewers",
    data_transfer_origin: "Data transfer out to origin",
    requests_http: "HTTP requests",
    requests_https: "HTTPS requests",
    functions: "CloudFront Functions invocations",
    kvs_reads: "KeyValueStore reads",
    kvs_api_calls: "KeyValueStore API calls",
    lambda_edge_requests: "Lambda@Edge requests",
    lambda_edge_duration: "Lambda@Edge duration",
    origin_shield_requests: "Origin Shield requests",
    invalidations: "Invalidation paths",
    realtime_logs: "Real-time log lines",
    field_level_encryption: "Field-level encryption requests",
    dedicated_ip: "Dedicated IP custom SSL",
  };
  const FREE_TIER_ITEMS = {
    data_transfer_out: "data transfer out to viewers",
    requests: "HTTP and HTTPS requests",
    functions: "CloudFront Functions invocations",
    kvs_reads: "KeyValueStore reads",
  };
  const DEFAULTS = { ap: { requestsPerHour: 600000, dataGb: 20480 } };
  const GB_PER_TB = 1024;
  const DEBOUNCE_MS = 150;

  const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
  const qty = new Intl.NumberFormat("en-US", { maximumFractionDigits: 3 });

  const $ = (id) => document.getElementById(id);
  const form = $("profile");

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function numberInput(id, label, value) {
    const input = el("input", {
      id: id, type: "number", min: "0", step: "any", inputmode: "decimal",
      "aria-label": label,
    });
    input.value = String(value);
    return input;
  }

  function buildRegionRows() {
    const rows = $("region-rows");
    const mix = $("mix-rows");
    for (const [id, name] of REGIONS) {
      const d = DEFAULTS[id] || { requestsPerHour: 0, dataGb: 0 };
      const tr = el("tr");
      const th = el("th", { scope: "row", id: "region-" + id }, id + " — " + name);
      tr.append(th);
      const req = el("td");
      req.append(numberInput("req-" + id, "Requests per hour, " + id + " — " + name, d.requestsPerHour));
      const data = el("td");
      data.append(numberInput("data-" + id, "Data out in GB per month, " + id + " — " + name, d.dataGb));
      tr.append(req, data);
      rows.append(tr);

      const mtr = el("tr");
      mtr.append(el("th", { scope: "row" }, id + " — " + name));
      const share = el("td");
      share.append(numberInput("share-" + id, "Share (%), " + id + " — " + name, id === "ap" ? 100 : 0));
      mtr.append(share);
      mix.append(mtr);
    }
  }

  // Problems with the current inputs, found on the page (before anything is sent) or named by
  // the API's answer: each {inputs: [the fields it concerns], at: element holding the message
  // (or null for the summary only), name: the field as the page labels it, message}.
  let problems = [];

  /** The field as the page labels it: its <label>, else its aria-label. */
  function fieldName(input) {
    const label = document.querySelector("label[for='" + input.id + "']");
    const text = label ? label.textContent : input.getAttribute("aria-label") || input.id;
    return text.replace(/\s+/g, " ").trim();
  }

  function problem(input, message) {
    problems.push({ inputs: [input], at: input, name: fieldName(input), message: message });
    return NaN;
  }

  /**
   * A number field's value. A field the browser cannot read as a number (6-00000, --600000, 1e)
   * has the value "" and validity.badInput; it is an error, not 0, as is an empty field unless
   * `optional` (then undefined: the API's documented default applies, which the label says).
   * `percent` fields take 0 to 100.
   */
  function read(id, options) {
    const opts = options || {};
    const input = $(id);
    if (input.validity.badInput) {
      return problem(input, "not a number: use digits and at most one decimal point, e.g. 600000 or 0.5.");
    }
    const raw = input.value.trim();
    if (raw === "") {
      if (opts.optional) return undefined;
      return problem(input, "empty: enter a number (0 for none).");
    }
    const v = Number(raw);
    if (!Number.isFinite(v)) return problem(input, "not a number: use digits, e.g. 600000.");
    if (v < 0) return problem(input, "must be 0 or more (got " + raw + ").");
    if (opts.percent && v > 100) {
      return problem(input, "a percentage: must be between 0 and 100 % (got " + raw + " %).");
    }
    return v;
  }

  /** A field's value without recording a problem (for the shares' running sum): NaN if unreadable. */
  function peek(id) {
    const input = $(id);
    const raw = input.value.trim();
    return input.validity.badInput || raw === "" ? NaN : Number(raw);
  }

  /**
   * A percentage as a share, to 10 decimals: 33.3 / 100 is 0.33299999999999996 in binary, which
   * the API would price (and echo) to the last digit.
   */
  function share(percentValue) {
    return Number((percentValue / 100).toFixed(10));
  }

  /**
   * The traffic profile the form describes, as the API and the CLI read it; every problem with
   * the fields in view is in `problems` (and then the profile is not to be sent).
   */
  function profile() {
    problems = [];
    const mode = form.querySelector("input[name=mode]:checked").value;
    const httpsPercent = read("https-share", { optional: true, percent: true });
    const httpsShare = httpsPercent === undefined ? undefined : share(httpsPercent);
    const p = {
      name: "web-calculator",
      price_class: $("price-class").value,
      free_tier: $("free-tier").value,
      regions: {},
      functions: { viewer_request: read("functions") },
    };
    const traffic = (fields) => {
      if (httpsShare !== undefined) fields.https_share = httpsShare; // empty: the API's 100 %
      return fields;
    };
    if (mode === "regions") {
      for (const [id] of REGIONS) {
        const requests = read("req-" + id);
        const data = read("data-" + id);
        if (requests !== 0 || data !== 0) {
          p.regions[id] = traffic({ requests_per_hour: requests, data_out: data });
        }
      }
    } else {
      p.total = traffic({
        requests_per_hour: read("total-requests"),
        data_out: read("total-data") * GB_PER_TB,
      });
      let sum = 0;
      for (const [id] of REGIONS) {
        const percent = read("share-" + id, { percent: true });
        sum += percent;
        if (percent !== 0) p.regions[id] = { share: share(percent) };
      }
      if (Number.isFinite(sum) && Math.abs(sum - 100) > 1e-6) {
        problems.push({
          inputs: REGIONS.map(([id]) => $("share-" + id)), at: null, group: $("mix-sum"),
          name: "Share of the traffic per region",
          message: "the shares add up to " + qty.format(sum) + " %; they must add up to 100 %.",
        });
      }
    }
    return p;
  }

  function showMixSum() {
    let sum = 0;
    for (const [id] of REGIONS) sum += peek("share-" + id);
    $("mix-sum").textContent = !Number.isFinite(sum) ?
      "Shares add up to: fill in every share (0 for none)." :
      "Shares add up to " + qty.format(sum) + " %" +
        (Math.abs(sum - 100) > 1e-6 ? " — they must add up to 100 %." : ".");
  }

  async function call(path, body, signal) {
    const res = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
      signal: signal,
    });
    let json = null;
    try {
      json = await res.json();
    } catch (e) {
      if (e.name === "AbortError") throw e;
      // not JSON (a proxy's HTML error page, an empty body): say what the server answered
      if (!res.ok) throw new Error("HTTP " + res.status + " " + res.statusText);
      throw new Error("the server's answer was not JSON");
    }
    if (!res.ok) {
      const error = new Error(json.detail || json.title || "HTTP " + res.status);
      error.problem = json;
      throw error;
    }
    return json;
  }

  function regionLabel(id) {
    return id === null || id === undefined ? "—" : id;
  }

  function showBill(estimate) {
    $("total-usd").textContent = usd.format(estimate.total_usd);
    $("total-usd").dataset.usd = String(estimate.total_usd);
    const tbody = $("bill").tBodies[0];
    tbody.replaceChildren();
    for (const line of estimate.lines) {
      const tr = el("tr", { "data-component": line.component, "data-region": line.region || "" });
      tr.append(
        el("td", {}, COMPONENTS[line.component] || line.component),
        el("td", {}, regionLabel(line.region)),
        el("td", { class: "num" }, qty.format(line.quantity)),
        el("td", {}, line.unit),
        el("td", { class: "num" }, qty.format(line.free_quantity)),
        el("td", { class: "num usd" }, usd.format(line.usd)),
      );
      tbody.append(tr);
      // what the API says about the line (under PriceClass_100: "includes viewers in jp, ap,
      // served from here …"), on a row of its own under it
      if (line.note) {
        const note = el("tr", { class: "line-note" });
        note.append(el("td", { colspan: "6" }, "Note: " + line.note));
        tbody.append(note);
      }
    }
    // as the CLI's table: the lines, each shown to the cent, may not add up to the total shown
    const cents = (amount) => Math.round(Number(usd.format(amount).replace(/[^0-9.-]/g, "")) * 100);
    const linesCents = estimate.lines.reduce((sum, line) => sum + cents(line.usd), 0);
    const rounding = $("rounding-note");
    rounding.hidden = linesCents === cents(estimate.total_usd);
    rounding.textContent = rounding.hidden ? "" : "Each line is rounded to the cent on its own; the total is"
      + " their exact sum, rounded once, so the lines as shown add up to " + usd.format(linesCents / 100) + ".";
    const notes = $("assumptions");
    notes.replaceChildren(...(estimate.assumptions || []).map((a) => el("li", {}, a)));
    showChart(estimate.lines);
    showFreeTier(estimate);
  }

  function showChart(lines) {
    const svg = $("chart");
    const ns = "http://www.w3.org/2000/svg";
    const bars = lines.filter((l) => l.usd > 0).sort((a, b) => b.usd - a.usd);
    const max = bars.reduce((m, l) => Math.max(m, l.usd), 0);
    // each bar under its own line of text (the component on the left, the amount on the right), so
    // no text runs into a bar, whatever the width
    const rowHeight = 40;
    svg.replaceChildren();
    svg.setAttribute("height", String(Math.max(bars.length, 1) * rowHeight));
    const title = document.createElementNS(ns, "title");
    title.textContent = bars.length === 0 ? "Nothing to pay" :
      bars.map((l) => label(l) + ": " + usd.format(l.usd)).join("; ");
    svg.append(title);
    bars.forEach((l, i) => {
      const y = i * rowHeight;
      const width = max === 0 ? 0 : (l.usd / max) * 100;
      const name = document.createElementNS(ns, "text");
      name.setAttribute("x", "0");
      name.setAttribute("y", String(y + 14));
      name.textContent = label(l);
      const bar = document.createElementNS(ns, "rect");
      bar.setAttribute("x", "0");
      bar.setAttribute("y", String(y + 20));
      bar.setAttribute("height", "14");
      bar.setAttribute("width", width.toFixed(2) + "%");
      bar.setAttribute("class", "bar");
      const value = document.createElementNS(ns, "text");
      value.setAttribute("x", "100%");
      value.setAttribute("y", String(y + 14));
      value.setAttribute("text-anchor", "end");
      value.textContent = usd.format(l.usd);
      svg.append(bar, name, value);
    });
  }

  function label(line) {
    const name = COMPONENTS[line.component] || line.component;
    return line.region ? name + " (" + line.region + ")" : name;
  }

  // The estimate's free_tier.used lists each always-free allowance with how much of it this
  // traffic uses; without it, the lines' free quantities say the same per line.
  function showFreeTier(estimate) {
    const list = $("free-tier-used");
    const used = estimate.free_tier && Array.isArray(estimate.free_tier.used) ?
      estimate.free_tier.used.map((f) => qty.format(f.used) + " of " + qty.format(f.allowance) + " " +
        f.unit + ": " + (FREE_TIER_ITEMS[f.item] || f.item)) :
      estimate.lines.filter((l) => l.free_quantity > 0).map((l) =>
        qty.format(l.free_quantity) + " " + l.unit + " of " + label(l));
    if (estimate.free_tier && estimate.free_tier.use === "none") {
      list.replaceChildren(el("li", {}, "None: the free tier is used elsewhere in this account."));
    } else if (used.length === 0) {
      list.replaceChildren(el("li", {}, "None of the free tier applies to this bill."));
    } else {
      list.replaceChildren(...used.map((text) => el("li", {}, text)));
    }
  }

  function showPlans(comparison, estimate) {
    // the plans' assumptions (what CloudFront Functions add to each option, how the bundle is
    // credited …), less those the bill above already lists
    const billSays = new Set(estimate.assumptions || []);
    const own = (comparison.assumptions || []).filter((a) => !billSays.has(a));
    $("plan-assumptions").replaceChildren(...own.map((a) => el("li", {}, a)));
    $("plan-assumptions-intro").hidden = own.length === 0;
    const tbody = $("plans").tBodies[0];
    tbody.replaceChildren();
    for (const option of comparison.options) {
      const cheapest = option.name === comparison.cheapest;
      const tr = el("tr", { "data-plan": option.name });
      if (cheapest) tr.className = "cheapest";
      const name = el("th", { scope: "row" }, option.name + (cheapest ? " (cheapest)" : ""));
      tr.append(
        name,
        el("td", { class: "num usd" }, usd.format(option.monthly_usd)),
        el("td", {}, option.fits ? "yes" : "no"),
        reasons(option.reasons || []),
      );
      tbody.append(tr);
    }
  }

  function reasons(list) {
    const cell = el("td");
    const ul = el("ul", { class: "reasons" });
    ul.append(...list.map((r) => el("li", {}, r)));
    cell.append(ul);
    return cell;
  }

  /**
   * The field a JSON path of the API's answer (`$.regions.ap.requests_per_hour`) points at, as
   * the page shows it, or null when no field of the page holds it.
   */
  function inputFor(path) {
    const m = /^\$\.(regions|total|functions)(?:\.([a-z_]+))?(?:\.([a-z_]+))?$/.exec(path || "");
    if (!m) {
      if (path === "$.price_class") return $("price-class");
      if (path === "$.free_tier") return $("free-tier");
      return null;
    }
    const [, top, key, field] = m;
    if (field === "https_share" || (top === "total" && key === "https_share")) return $("https-share");
    if (top === "functions") return key === "viewer_request" ? $("functions") : null;
    if (top === "total") {
      return { requests_per_hour: $("total-requests"), data_out: $("total-data") }[key] || null;
    }
    if (!key || !field) return null;
    const id = { requests_per_hour: "req-", data_out: "data-", share: "share-" }[field];
    return id ? $(id + key) : null;
  }

  /** The API's problem as one of the page's: at the field it names, in the page's words. */
  function apiProblem(e) {
    const json = e.problem;
    if (!json) return { inputs: [], at: null, name: null, message: e.message };
    const input = inputFor(json.path);
    // the detail starts with the field's path ("regions.ap.requests_per_hour: "): the page names
    // the field as it labels it instead
    const prefix = json.path ? json.path.replace(/^\$\.?/, "") + ": " : null;
    let message = e.message;
    if (prefix && message.startsWith(prefix)) message = message.slice(prefix.length);
    if (input) return { inputs: [input], at: input, name: fieldName(input), message: message };
    if (json.path === "$.regions" && !$("mix").hidden) {
      return { inputs: REGIONS.map(([id]) => $("share-" + id)), at: null, group: $("mix-sum"),
        name: "Share of the traffic per region", message: message };
    }
    return { inputs: [], at: null, name: null, message: message };
  }

  function clearProblems() {
    for (const node of document.querySelectorAll(".field-error")) node.remove();
    for (const input of form.querySelectorAll("[aria-invalid]")) {
      input.removeAttribute("aria-invalid");
      input.removeAttribute("aria-describedby");
    }
    $("mix-sum").classList.remove("invalid");
  }

  /**
   * Shows the problems (none: clears them): each next to its field, which is marked
   * aria-invalid and described by it, and all in the summary (role=alert) with a link to each
   * field. While there are problems the figures of earlier inputs are hidden, each section saying
   * they are not current, so neither the eye nor a screen reader takes them for this input's.
   */
  function showProblems(list) {
    clearProblems();
    const box = $("error");
    box.replaceChildren();
    box.hidden = list.length === 0;
    for (const section of document.querySelectorAll(".result-column section")) {
      section.classList.toggle("stale", list.length > 0);
    }
    if (list.length === 0) return;
    const fields = list.filter((p) => p.name !== null).length;
    for (const notice of document.querySelectorAll(".not-current")) {
      notice.textContent = fields > 0 ?
        "Not current: fix the highlighted " + (fields === 1 ? "field" : "fields") +
          "; the figures return when the input is priced." :
        "Not current: " + list[0].message;
    }
    box.append(el("p", {}, fields === 0 ? "Nothing can be priced yet:" :
      "Nothing is priced until " + (fields === 1 ? "this field is" : "these " + fields + " fields are") + " fixed:"));
    const ul = el("ul");
    for (const p of list) {
      const describedBy = p.at ? "error-" + p.at.id : p.group ? p.group.id : null;
      if (p.at) {
        const note = el("span", { id: describedBy, class: "field-error" }, p.message);
        p.at.after(note);
      }
      if (p.group) p.group.classList.add("invalid");
      for (const input of p.inputs) {
        input.setAttribute("aria-invalid", "true");
        if (describedBy) input.setAttribute("aria-describedby", describedBy);
      }
      const li = el("li");
      if (p.name !== null && p.inputs.length > 0) {
        const link = el("a", { href: "#" + p.inputs[0].id }, p.name);
        link.addEventListener("click", (e) => {
          e.preventDefault();
          p.inputs[0].focus();
        });
        li.append(link, document.createTextNode(": " + p.message));
      } else {
        li.textContent = p.message;
      }
      ul.append(li);
    }
    box.append(ul);
  }

  let pending = null;
  let timer = null;
  // Bumped on every edit; "ready" is only announced for results of the latest edit, so a test
  // (or a screen reader) never takes an older answer for the current one.
  let generation = 0;

  async function update() {
    if (pending) pending.abort();
    const controller = new AbortController();
    pending = controller;
    const gen = generation;
    const body = profile();
    if (problems.length === 0 && Object.keys(body.regions).length === 0) {
      problems.push({ inputs: [], at: null, name: null,
        message: "Enter some traffic in at least one region." });
    }
    if (problems.length > 0) {
      pending = null; // the request this edit cancelled will not clear the status: do it here
      showProblems(problems);
      $("status").textContent = "";
      document.body.dataset.state = "error";
      return;
    }
    $("status").textContent = "updating…";
    try {
      const [estimate, plans] = await Promise.all([
        call("/api/v1/estimates", body, controller.signal),
        call("/api/v1/plans/compare", body, controller.signal),
      ]);
      if (controller !== pending) return;
      showProblems([]);
      showBill(estimate);
      showPlans(plans, estimate);
      if (gen === generation) {
        $("status").textContent = "";
        document.body.dataset.state = "ready";
      }
    } catch (e) {
      if (e.name === "AbortError") return;
      if (controller !== pending) return;
      showProblems([apiProblem(e)]);
      if (gen === generation) {
        $("status").textContent = "";
        document.body.dataset.state = "error";
      }
    }
  }

  function schedule() {
    generation += 1;
    document.body.dataset.state = "updating";
    clearTimeout(timer);
    timer = setTimeout(update, DEBOUNCE_MS);
  }

  function switchMode() {
    const mode = form.querySelector("input[name=mode]:checked").value;
    $("per-region").hidden = mode !== "regions";
    $("mix").hidden = mode !== "mix";
    showMixSum();
  }

  buildRegionRows();
  form.addEventListener("input", (e) => {
    if (e.target.name === "mode") switchMode();
    if (e.target.id && e.target.id.startsWith("share-")) showMixSum();
    schedule();
  });
  form.addEventListener("change", (e) => {
    if (e.target.name === "mode") switchMode();
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    update();
  });
  switchMode();
  update();
})();
