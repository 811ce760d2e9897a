// bilingo's review page: plain JavaScript, no build step, no network beyond this server.
// Every piece of text from the server or the glossary goes into the page through
// textContent or createElement, never as HTML: a note holding <script> shows as text.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const KEY_STORE = "bilingo.apiKey";
  const DIRECTION_STORE = "bilingo.direction";
  const LANGUAGES = { ko: "Korean", en: "English" };
  const ACTION_LABELS = {
    insert: "glossary term written in",
    verify: "left to the engine, then checked",
    skip: "skipped",
  };
  const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/;
  const WORD_CHAR = /[A-Za-z0-9]/;

  const state = {
    charLimit: 0,
    keyRequired: false,
    last: null, // the latest translation: {q, source, target, glossary, response}
    entries: new Map(), // ko -> Promise of the glossary entry (or null), for the tooltips
    marks: [], // the marks of the latest render, by data-mark index
    tooltipFor: null, // the element whose tooltip is showing
    request: 0, // the latest translate request's number: older answers are dropped
  };

  // ------------------------------------------------------------------ DOM helpers

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function show(node, visible) {
    node.hidden = !visible;
  }

  // ------------------------------------------------------------------ the API

  class ApiError extends Error {
    constructor(status, message, body) {
      super(message);
      this.status = status;
      this.body = body || {};
    }
  }

  function apiKey() {
    return state.keyRequired ? $("api-key").value.trim() : "";
  }

  async function api(path, { method = "GET", body, query } = {}) {
    const headers = { Accept: "application/json" };
    const key = apiKey();
    if (key) headers.Authorization = `Bearer ${key}`;
    let url = path;
    if (query) url += `?${new URLSearchParams(query)}`;
    const init = { method, headers };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(url, init);
    } catch {
      throw new ApiError(0, "The server cannot be reached: is `bilingo serve` still running?");
    }
    let data = null;
    try {
      data = await response.json();
    } catch {
      data = null;
    }
    if (!response.ok) {
      const message = data && typeof data.error === "string" ? data.error : `HTTP ${response.status}`;
      throw new ApiError(response.status, message, data);
    }
    return data;
  }

  function showError(message) {
    const box = $("error");
    clear(box);
    if (message) box.appendChild(el("span", "", message));
    show(box, Boolean(message));
  }

  // ------------------------------------------------------------------ start-up

  async function start() {
    wireEvents();
    const saved = localStorage.getItem(DIRECTION_STORE);
    if (saved && [...$("direction").options].some((o) => o.value === saved)) {
      $("direction").value = saved;
    }
    updateCharCount();
    try {
      const settings = await api("/frontend/settings");
      state.charLimit = settings.charLimit || 0;
      state.keyRequired = Boolean(settings.keyRequired);
      show($("api-key-row"), state.keyRequired);
      if (state.keyRequired) $("api-key").value = localStorage.getItem(KEY_STORE) || "";
      updateCharCount();
    } catch (error) {
      showError(error.message);
    }
    refreshStatus();
  }

  async function refreshStatus() {
    const status = $("server-status");
    try {
      const health = await api("/health");
      const directions = (health.directions || []).map((d) => d.replace("-", "→"));
      const entries = Number(health.glossary_entries || 0).toLocaleString("en");
      status.textContent = `${entries} glossary entries · ${directions.join(", ") || "no model installed"}`;
      for (const option of $("direction").options) {
        if (option.value !== "auto") option.disabled = !(health.directions || []).includes(option.value);
      }
    } catch (error) {
      status.textContent = error.message;
    }
  }

  function wireEvents() {
    $("translate-form").addEventListener("submit", (event) => {
      event.preventDefault();
      translate();
    });
    $("source").addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        translate();
      }
    });
    $("source").addEventListener("input", updateCharCount);
    $("direction").addEventListener("change", () => {
      localStorage.setItem(DIRECTION_STORE, $("direction").value);
    });
    $("use-glossary").addEventListener("change", () => {
      if (state.last) translate();
    });
    $("api-key").addEventListener("change", () => {
      localStorage.setItem(KEY_STORE, $("api-key").value.trim());
      state.entries.clear();
    });
    $("file").addEventListener("change", openFile);
    $("copy").addEventListener("click", copyTranslation);
    $("lookup-form").addEventListener("submit", (event) => {
      event.preventDefault();
      lookup($("lookup-input").value.trim());
    });
    $("add-form").addEventListener("submit", (event) => {
      event.preventDefault();
      addEntry();
    });
    const paragraphs = $("paragraphs");
    paragraphs.addEventListener("mouseover", (event) => markEvent(event, true));
    paragraphs.addEventListener("mouseout", (event) => markEvent(event, false));
    paragraphs.addEventListener("focusin", (event) => markEvent(event, true));
    paragraphs.addEventListener("focusout", (event) => markEvent(event, false));
    paragraphs.addEventListener("click", clickMark);
    paragraphs.addEventListener("mouseup", selectionToForm);
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape") hideTooltip();
    });
    window.addEventListener("resize", hideTooltip);
  }

  function updateCharCount() {
    const length = $("source").value.length;
    const limit = state.charLimit;
    const text = limit
      ? `${length.toLocaleString("en")} / ${limit.toLocaleString("en")} characters`
      : `${length.toLocaleString("en")} characters`;
    $("char-count").textContent = text;
    $("char-count").classList.toggle("over", Boolean(limit) && length > limit);
  }

  // ------------------------------------------------------------------ translating

  async function direction(q) {
    const chosen = $("direction").value;
    if (chosen !== "auto") {
      const [source, target] = chosen.split("-");
      return { source, target };
    }
    const found = await api("/detect", { method: "POST", body: { q } });
    const language = Array.isArray(found) && found[0] ? found[0].language : "ko";
    return { source: "auto", target: language === "ko" ? "en" : "ko" };
  }

  async function translate() {
    const q = $("source").value;
    if (!q.trim()) {
      showError("Paste some text or open a file first.");
      return;
    }
    if (state.charLimit && [...q].length > state.charLimit) {
      showError(`The text is longer than this server takes (${state.charLimit.toLocaleString("en")} characters).`);
      return;
    }
    const number = ++state.request;
    const glossary = $("use-glossary").checked;
    setBusy(true);
    showError("");
    try {
      const { source, target } = await direction(q);
      const body = { q, source, target };
      if (!glossary) body.glossary = "off";
      const response = await api("/translate", { method: "POST", body });
      if (number !== state.request) return;
      state.last = { q, source, target, glossary, response };
      await render();
    } catch (error) {
      if (number === state.request) showError(error.message);
    } finally {
      if (number === state.request) setBusy(false);
    }
  }

  function setBusy(busy) {
    const button = $("translate");
    button.disabled = busy;
    button.textContent = busy ? "Translating…" : "Translate";
    $("result").classList.toggle("busy", busy);
    document.body.classList.toggle("busy", busy);
  }

  function openFile() {
    const input = $("file");
    const file = input.files && input.files[0];
    if (!file) return;
    if (!/\.(txt|md)$/i.test(file.name)) {
      showError(`${file.name}: open a .txt or .md file.`);
      input.value = "";
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      $("source").value = String(reader.result).replace(/^\uFEFF/, "");
      updateCharCount();
      input.value = "";
      translate();
    };
    reader.onerror = () => {
      showError(`${file.name} could not be read.`);
      input.value = "";
    };
    reader.readAsText(file, "utf-8");
  }

  async function copyTranslation() {
    if (!state.last) return;
    const button = $("copy");
    try {
      await navigator.clipboard.writeText(state.last.response.translatedText);
      button.textContent = "Copied";
    } catch {
      button.textContent = "Copy failed";
    }
    setTimeout(() => {
      button.textContent = "Copy translation";
    }, 1500);
  }

  // ------------------------------------------------------------------ the marks

  // Code points to UTF-16 indexes: offsets[i] is where code point i starts in `text`.
  function utf16Offsets(text) {
    const offsets = [];
    let index = 0;
    for (const char of text) {
      offsets.push(index);
      index += char.length;
    }
    offsets.push(index);
    return offsets;
  }

  function codePointsBetween(text, from, to) {
    let count = 0;
    for (let i = from; i < to; i++) {
      const unit = text.charCodeAt(i);
      if (unit < 0xdc00 || unit > 0xdfff) count++;
    }
    return count;
  }

  // Where each source paragraph lies in the whole text, in code points (null: not found as is).
  function locateParagraphs(q, pairs) {
    let at16 = 0;
    let atPoint = 0;
    return pairs.map(([source]) => {
      if (!source) return null;
      const found = q.indexOf(source, at16);
      if (found < 0) return null;
      const start = atPoint + codePointsBetween(q, at16, found);
      const end = start + codePointsBetween(source, 0, source.length);
      at16 = found + source.length;
      atPoint = end;
      return { start, end };
    });
  }

  // Every decision and figure as one mark, in document order, overlaps dropped.
  function collectMarks(bilingo) {
    const decisions = bilingo.decisions || [];
    const figures = bilingo.figures || [];
    const marks = [];
    const figureAt = new Map(figures.map((f) => [`${f.start}:${f.end}`, f]));
    for (const decision of decisions) {
      const figure = figureAt.get(`${decision.start}:${decision.end}`);
      if (figure) figureAt.delete(`${decision.start}:${decision.end}`);
      marks.push({ start: decision.start, end: decision.end, decision, figure: figure || null });
    }
    for (const figure of figureAt.values()) {
      marks.push({ start: figure.start, end: figure.end, decision: null, figure });
    }
    marks.sort((a, b) => a.start - b.start || b.end - a.end);
    const kept = [];
    for (const mark of marks) {
      if (kept.length && mark.start < kept[kept.length - 1].end) continue;
      mark.index = kept.length;
      kept.push(mark);
    }
    return kept;
  }

  function markClass(mark) {
    if (mark.figure) return "figure";
    const { action, found } = mark.decision;
    if (action === "verify") return found ? "hit verify" : "hit verify missing";
    return `hit ${action}`;
  }

  // Source ranges (UTF-16, within each paragraph) of the marks, paragraph by paragraph.
  function sourceRanges(q, pairs, marks) {
    const places = locateParagraphs(q, pairs);
    const ranges = pairs.map(() => []);
    const placed = new Set();
    places.forEach((place, p) => {
      if (!place) return;
      const offsets = utf16Offsets(pairs[p][0]);
      for (const mark of marks) {
        if (mark.start >= place.start && mark.end <= place.end) {
          const from = offsets[mark.start - place.start];
          const to = offsets[mark.end - place.start];
          ranges[p].push({ from, to, mark });
          placed.add(mark);
        }
      }
    });
    // A paragraph the server changed (normalized): find its marks by their text.
    const left = marks.filter((mark) => !placed.has(mark));
    places.forEach((place, p) => {
      if (place || !pairs[p][0]) return;
      const text = pairs[p][0];
      let at = 0;
      while (left.length) {
        const wanted = (left[0].decision || left[0].figure).text;
        const found = text.indexOf(wanted, at);
        if (found < 0) break;
        ranges[p].push({ from: found, to: found + wanted.length, mark: left.shift() });
        at = found + wanted.length;
      }
    });
    return ranges;
  }

  // What stands for a mark in the translation: the English written in, a verified term's
  // accepted English (when it was found), a figure's English.
  async function targetNeedles(mark, target) {
    if (mark.figure) return [mark.figure.english];
    const { action, inserted, found, ko } = mark.decision;
    if (action === "insert" && inserted) return [inserted];
    if (action !== "verify" || !found) return [];
    const entry = await entryFor(ko);
    if (!entry) return target === "ko" ? [ko] : [];
    const accepted =
      target === "ko"
        ? [entry.ko, ...(entry.variants || [])]
        : [entry.en, ...(entry.en_variants || []), ...Object.values(entry.forms || {})];
    return accepted.filter((text) => typeof text === "string" && text);
  }

  function isWordEdge(text, index, inner) {
    if (!WORD_CHAR.test(inner)) return true;
    return !(index >= 0 && index < text.length && WORD_CHAR.test(text[index]));
  }

  // The first free occurrence of `needle` in `text`: exact case, whole words preferred.
  function findFree(text, needle, taken) {
    const candidates = [];
    const lowered = text.toLowerCase();
    for (const [haystack, wanted] of [[text, needle], [lowered, needle.toLowerCase()]]) {
      let at = haystack.indexOf(wanted);
      while (at >= 0) {
        const end = at + wanted.length;
        const free = !taken.some((r) => at < r.to && end > r.from);
        const whole = isWordEdge(text, at - 1, needle[0]) && isWordEdge(text, end, needle[needle.length - 1]);
        if (free) candidates.push({ from: at, to: end, score: (haystack === text ? 0 : 2) + (whole ? 0 : 1) });
        at = haystack.indexOf(wanted, at + 1);
      }
    }
    candidates.sort((a, b) => a.score - b.score || a.from - b.from);
    return candidates[0] || null;
  }

  async function targetRanges(translation, ranges, target) {
    const wanted = [];
    for (const range of ranges) {
      for (const needle of await targetNeedles(range.mark, target)) wanted.push({ needle, mark: range.mark });
    }
    wanted.sort((a, b) => b.needle.length - a.needle.length);
    const taken = [];
    const done = new Set();
    for (const { needle, mark } of wanted) {
      if (done.has(mark)) continue;
      const found = findFree(translation, needle, taken);
      if (!found) continue;
      taken.push({ from: found.from, to: found.to, mark });
      done.add(mark);
    }
    return taken.sort((a, b) => a.from - b.from);
  }

  // A paragraph's text with its marks as <mark> elements (text nodes only, never HTML).
  function markedText(className, text, ranges, side) {
    const cell = el("div", className);
    cell.lang = side;
    let at = 0;
    for (const { from, to, mark } of ranges) {
      if (from < at) continue;
      if (from > at) cell.appendChild(document.createTextNode(text.slice(at, from)));
      const node = el("mark", markClass(mark), text.slice(from, to));
      node.dataset.mark = String(mark.index);
      node.tabIndex = 0;
      cell.appendChild(node);
      at = to;
    }
    if (at < text.length) cell.appendChild(document.createTextNode(text.slice(at)));
    return cell;
  }

  // ------------------------------------------------------------------ drawing a result

  async function render() {
    const { q, source, target, response } = state.last;
    const bilingo = response.bilingo || {};
    const pairs =
      bilingo.paragraphs && bilingo.paragraphs.length
        ? bilingo.paragraphs
        : [[q, String(response.translatedText || "")]];
    const marks = collectMarks(bilingo);
    const ranges = sourceRanges(q, pairs, marks);
    const targets = await Promise.all(pairs.map((pair, p) => targetRanges(pair[1] || "", ranges[p], target)));
    const sourceLang = response.detectedLanguage ? response.detectedLanguage.language : source;
    const box = $("paragraphs");
    hideTooltip();
    clear(box);
    let shown = 0;
    pairs.forEach((pair, p) => {
      if (!pair[0] && !pair[1]) return;
      const row = el("div", "pair");
      row.appendChild(el("span", "pair-number", ++shown));
      row.appendChild(markedText("para para-source", pair[0], ranges[p], sourceLang));
      row.appendChild(markedText("para para-target", pair[1] || "", targets[p], target));
      const notes = (bilingo.notes || [])[p] || [];
      if (notes.length) {
        const list = el("ul", "notes");
        for (const note of notes) list.appendChild(el("li", "", note));
        row.appendChild(list);
      }
      box.appendChild(row);
    });
    state.marks = marks;
    $("source-heading").textContent = LANGUAGES[sourceLang] || "Source";
    $("target-heading").textContent = LANGUAGES[target] || "Translation";
    renderSummary(bilingo, marks, response);
    show($("result"), true);
    show($("empty"), false);
    prefetchEntries(marks);
  }

  function count(id, text, title, extraClass) {
    const chip = el("span", `count${extraClass ? ` ${extraClass}` : ""}`, text);
    chip.id = id;
    if (title) chip.title = title;
    return chip;
  }

  function renderSummary(bilingo, marks, response) {
    const summary = $("summary");
    clear(summary);
    const terms = bilingo.terms || [];
    const times = terms.reduce((sum, term) => sum + (term.count || 0), 0);
    const decisions = marks.filter((m) => m.decision && !m.figure).map((m) => m.decision);
    const verify = decisions.filter((d) => d.action === "verify");
    const found = verify.filter((d) => d.found).length;
    const skipped = decisions.filter((d) => d.action === "skip").length;
    const figures = marks.filter((m) => m.figure).length;
    const repairs = bilingo.repairs || 0;
    const chips = [];
    if (!state.last.glossary) chips.push(count("count-glossary", "glossary off: the engine alone", "", "off"));
    chips.push(count("count-terms", `${terms.length} ${terms.length === 1 ? "term" : "terms"} applied (${times}×)`, "Glossary English written into the translation"));
    chips.push(
      count(
        "count-repairs",
        `${repairs} ${repairs === 1 ? "repair" : "repairs"}`,
        "Terms the engine dropped that bilingo put back",
        repairs ? "repair" : "",
      ),
    );
    chips.push(count("count-figures", `${figures} ${figures === 1 ? "figure" : "figures"}`, "Money figures converted exactly"));
    const missing = verify.length - found;
    chips.push(
      count(
        "count-verify",
        `${verify.length} verified${missing ? ` (${missing} not found)` : ""}`,
        "Terms left to the engine, then looked for in its translation",
        missing ? "missing" : "",
      ),
    );
    chips.push(count("count-skipped", `${skipped} skipped`, "Hits of another sense, left alone"));
    if (response.detectedLanguage) {
      const { language, confidence } = response.detectedLanguage;
      chips.push(count("count-detected", `detected ${LANGUAGES[language] || language} (${Math.round(confidence)}%)`));
    }
    for (const chip of chips) summary.appendChild(chip);
  }

  // ------------------------------------------------------------------ entries and tooltips

  function entryFor(ko) {
    if (!state.entries.has(ko)) {
      const pending = api("/glossary/lookup", { query: { q: ko } })
        .then((data) => {
          const entries = (data && data.entries) || [];
          return entries.find((e) => e.ko === ko) || entries[0] || null;
        })
        .catch(() => {
          state.entries.delete(ko);
          return null;
        });
      state.entries.set(ko, pending);
    }
    return state.entries.get(ko);
  }

  async function prefetchEntries(marks) {
    const wanted = [...new Set(marks.filter((m) => !m.figure).map((m) => m.decision.ko))];
    const workers = Array.from({ length: 4 }, async () => {
      while (wanted.length) await entryFor(wanted.shift());
    });
    await Promise.all(workers);
  }

  function markEvent(event, entering) {
    const node = event.target.closest && event.target.closest("mark[data-mark]");
    if (!node) return;
    const related = event.relatedTarget && event.relatedTarget.closest && event.relatedTarget.closest("mark[data-mark]");
    if (related === node) return;
    const row = node.closest(".pair");
    for (const twin of row.querySelectorAll(`mark[data-mark="${node.dataset.mark}"]`)) {
      twin.classList.toggle("linked", entering);
    }
    if (entering) showTooltip(node);
    else if (state.tooltipFor === node) hideTooltip();
  }

  function clickMark(event) {
    const node = event.target.closest && event.target.closest("mark[data-mark]");
    if (!node) return;
    const mark = state.marks[Number(node.dataset.mark)];
    if (!mark || mark.figure) return;
    $("lookup-reverse").checked = false;
    $("lookup-input").value = mark.decision.ko;
    lookup(mark.decision.ko);
  }

  // Selected text fills the add form: the source column's as Korean, the translation's as English.
  function selectionToForm(event) {
    const cell = event.target.closest && event.target.closest(".para");
    const selected = String(window.getSelection() || "").trim();
    if (!cell || !selected || selected.length > 60 || selected.includes("\n")) return;
    const korean = cell.lang === "ko" ? true : cell.lang === "en" ? false : HANGUL.test(selected);
    $(korean ? "add-ko" : "add-en").value = selected;
  }

  function showTooltip(node) {
    const mark = state.marks[Number(node.dataset.mark)];
    if (!mark) return;
    state.tooltipFor = node;
    fillTooltip(mark, undefined);
    placeTooltip(node);
    if (!mark.figure) {
      entryFor(mark.decision.ko).then((entry) => {
        if (state.tooltipFor !== node) return;
        fillTooltip(mark, entry);
        placeTooltip(node);
      });
    }
  }

  function hideTooltip() {
    state.tooltipFor = null;
    show($("tooltip"), false);
    for (const node of document.querySelectorAll("mark.linked")) node.classList.remove("linked");
  }

  function line(className, label, text) {
    const row = el("div", `tt-line ${className}`);
    if (label) row.appendChild(el("span", "tt-label", label));
    row.appendChild(el("span", "tt-value", text));
    return row;
  }

  // `entry`: undefined while it is being looked up, null when it cannot be.
  function fillTooltip(mark, entry) {
    const tip = $("tooltip");
    clear(tip);
    if (mark.figure) {
      const head = el("div", "tt-head");
      head.appendChild(el("span", "tt-ko", mark.figure.text));
      head.appendChild(el("span", "tt-arrow", " → "));
      head.appendChild(el("span", "tt-en", mark.figure.english));
      tip.appendChild(head);
      tip.appendChild(line("tt-action", "", mark.decision ? "money figure, written in exactly" : "money figure"));
      return;
    }
    const decision = mark.decision;
    const head = el("div", "tt-head");
    head.appendChild(el("span", "tt-ko", entry ? entry.ko : decision.ko));
    head.appendChild(el("span", "tt-arrow", " → "));
    head.appendChild(el("span", "tt-en", entry ? entry.en : decision.inserted || "…"));
    if (entry && entry.type) head.appendChild(el("span", "tt-type badge", entry.type));
    tip.appendChild(head);
    let action = ACTION_LABELS[decision.action] || decision.action;
    const missing = decision.action === "verify" && !decision.found;
    if (decision.action === "verify") action += decision.found ? ": found" : ": not found";
    tip.appendChild(line(`tt-action ${decision.action}${missing ? " missing" : ""}`, "", action));
    if (decision.inserted && (!entry || decision.inserted !== entry.en)) {
      tip.appendChild(line("tt-written", "written", decision.inserted));
    }
    if (decision.reason) tip.appendChild(line("tt-reason", "why", decision.reason));
    if (decision.text !== decision.ko) tip.appendChild(line("tt-text", "as written", decision.text));
    if (entry === undefined) tip.appendChild(line("tt-loading", "", "looking up the entry…"));
    else if (entry === null) tip.appendChild(line("tt-loading", "", "the entry could not be looked up"));
    else addEntryLines(tip, entry, "tt");
  }

  function addEntryLines(box, entry, prefix) {
    if (entry.note) box.appendChild(line(`${prefix}-note`, "note", entry.note));
    if (entry.variants && entry.variants.length) box.appendChild(line(`${prefix}-variants`, "also", entry.variants.join(", ")));
    if (entry.en_variants && entry.en_variants.length) {
      box.appendChild(line(`${prefix}-en-variants`, "English also", entry.en_variants.join(", ")));
    }
    const forms = Object.entries(entry.forms || {});
    if (forms.length) {
      box.appendChild(line(`${prefix}-forms`, "forms", forms.map(([k, v]) => `${k}: ${v}`).join("; ")));
    }
    if (entry.source) box.appendChild(line(`${prefix}-source`, "from", shortSource(entry.source)));
  }

  function shortSource(source) {
    const parts = String(source).split(/[\\/]/);
    return parts.slice(-2).join("/");
  }

  function placeTooltip(node) {
    const tip = $("tooltip");
    show(tip, true);
    const rect = node.getBoundingClientRect();
    const width = tip.offsetWidth;
    const height = tip.offsetHeight;
    const left = Math.max(8, Math.min(rect.left, document.documentElement.clientWidth - width - 8));
    const below = rect.bottom + 6;
    const top = below + height > window.innerHeight && rect.top - height - 6 > 0 ? rect.top - height - 6 : below;
    tip.style.left = `${left + window.scrollX}px`;
    tip.style.top = `${top + window.scrollY}px`;
  }

  // ------------------------------------------------------------------ lookup

  async function lookup(query) {
    const box = $("lookup-results");
    clear(box);
    if (!query) return;
    const reverse = $("lookup-reverse").checked;
    box.appendChild(el("p", "muted", "Looking up…"));
    try {
      let data = await api("/glossary/lookup", { query: { q: query, reverse: String(reverse) } });
      let reversed = reverse;
      if (!data.entries.length && !reverse && !HANGUL.test(query)) {
        const english = await api("/glossary/lookup", { query: { q: query, reverse: "true" } });
        if (english.entries.length) [data, reversed] = [english, true];
      }
      renderLookup(box, query, data, reversed);
    } catch (error) {
      clear(box);
      box.appendChild(el("p", "error-text", error.message));
    }
  }

  function renderLookup(box, query, data, reversed) {
    clear(box);
    for (const entry of data.entries) box.appendChild(entryCard(entry));
    if (data.entries.length) return;
    const none = el("p", "muted", `No entry for “${query}”${reversed ? " (English)" : ""}.`);
    box.appendChild(none);
    if (data.suggestions && data.suggestions.length) {
      const list = el("p", "suggestions", "Did you mean ");
      for (const suggestion of data.suggestions) {
        const button = el("button", "link", suggestion);
        button.type = "button";
        button.addEventListener("click", () => {
          $("lookup-input").value = suggestion;
          lookup(suggestion);
        });
        list.appendChild(button);
      }
      box.appendChild(list);
    }
    const add = el("button", "link", "Add it to my glossary");
    add.type = "button";
    add.addEventListener("click", () => {
      $(reversed || !HANGUL.test(query) ? "add-en" : "add-ko").value = query;
      $("add-ko").focus();
    });
    box.appendChild(add);
  }

  function entryCard(entry) {
    const card = el("div", "entry");
    const head = el("div", "entry-head");
    head.appendChild(el("span", "entry-ko", entry.ko));
    head.appendChild(el("span", "tt-arrow", " → "));
    head.appendChild(el("span", "entry-en", entry.en));
    if (entry.type) head.appendChild(el("span", "badge", entry.type));
    card.appendChild(head);
    addEntryLines(card, entry, "entry");
    const edit = el("button", "link", "Edit in the form");
    edit.type = "button";
    edit.addEventListener("click", () => fillAddForm(entry));
    card.appendChild(edit);
    return card;
  }

  // ------------------------------------------------------------------ adding entries

  function fillAddForm(entry) {
    $("add-ko").value = entry.ko || "";
    $("add-en").value = entry.en || "";
    $("add-type").value = entry.type || "";
    $("add-variants").value = (entry.variants || []).join(", ");
    $("add-note").value = entry.note || "";
    $("add-update").checked = true;
    $("add-ko").focus();
  }

  function addStatus(className, text, entry) {
    const box = $("add-status");
    clear(box);
    box.className = `add-status ${className}`;
    box.setAttribute("role", className === "failed" ? "alert" : "status");
    box.appendChild(el("p", "", text));
    if (entry) box.appendChild(entryCard(entry));
  }

  async function addEntry() {
    const body = {
      ko: $("add-ko").value.trim(),
      en: $("add-en").value.trim(),
      type: $("add-type").value,
      note: $("add-note").value.trim(),
      variants: $("add-variants").value.trim(),
      update: $("add-update").checked,
    };
    const button = $("add-submit");
    button.disabled = true;
    try {
      const data = await api("/glossary/entries", { method: "POST", body });
      state.entries.clear();
      const entry = data.entry;
      addStatus("done", `${data.updated ? "Updated" : "Added"} ${entry.ko} → ${entry.en}.`, entry);
      $("add-form").reset();
      refreshStatus();
      if ($("source").value.trim()) await translate();
    } catch (error) {
      const existing = error.status === 409 ? error.body.existing : null;
      const hint = existing ? " Tick “Replace the entry” to overwrite it." : "";
      addStatus("failed", `${error.message}${hint}`, existing);
    } finally {
      button.disabled = false;
    }
  }

  document.addEventListener("DOMContentLoaded", start);
})();
