package browser

import (
	"strconv"
	"strings"
)

// snapshotJS runs in an isolated world (page scripts cannot patch the
// functions it uses) and returns the visible DOM as HTML. It decides what
// is hidden from computed styles first, then removes, because removing
// <style> or elements changes layout. The HTML is capped at 16 Mi chars (a
// script can grow the DOM without bound). The walk is iterative: a hostile page
// can nest elements 100k deep.
const snapshotJS = `(() => {
  const doc = document;
  const root = doc.documentElement;
  if (!root) return {html: "", title: "", url: location.href, text: ""};
  const sx = window.scrollX, sy = window.scrollY;
  const clips = v => v === "hidden" || v === "clip";
  const vw = window.innerWidth || 1280;
  // Colours as [r, g, b, a] from the computed "rgb(...)"/"rgba(...)" form.
  const rgba = v => { const m = /rgba?\(([^)]*)\)/.exec(v || ""); if (!m) return null;
    const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(parseFloat); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  // The solid colour behind el: the nearest opaque background (white at the
  // root); null when an image or gradient paints it. Kept per element: each
  // text-bearing element asks, and siblings share their ancestors'.
  const backdrops = new Map();
  const backdrop = el => {
    const path = [];
    let c = [255, 255, 255, 1];
    for (let a = el; a && a.nodeType === 1; a = a.parentElement) {
      if (backdrops.has(a)) { c = backdrops.get(a); break; }
      path.push(a);
      const s = getComputedStyle(a);
      if (s.backgroundImage && s.backgroundImage !== "none") { c = null; break; }
      const b = rgba(s.backgroundColor);
      if (b && b[3] > 0.9) { c = b; break; }
    }
    for (const a of path) backdrops.set(a, c);
    return c;
  };
  // A fade-in (opacity 0 animated to 1 by a library) counts as seen.
  const fading = s => (s.transitionDuration && s.transitionDuration.split(",").some(d => parseFloat(d) > 0) &&
      /opacity|all/.test(s.transitionProperty)) || (s.animationName && s.animationName !== "none");
  const scaledAway = t => { const m = /^matrix\(([^)]*)\)$/.exec(t || ""); if (!m) return false;
    const p = m[1].split(",").map(parseFloat); return (p[0] === 0 && p[1] === 0) || (p[2] === 0 && p[3] === 0); };
  const emptyClipPath = v => /^inset\((5\d|[6-9]\d|100)(\.\d+)?%/.test(v) || /^(circle|ellipse)\(0(px|%)?[ )]/.test(v) ||
      /^polygon\((\s*0(px|%)?\s+0(px|%)?\s*,?)+\)$/.test(v);
  // Covered by an opaque box painted over it (text behind an overlay): a
  // later, positioned sibling of el or of one of its near ancestors whose
  // box contains el's. Judged from layout, so it works below the fold too;
  // fixed boxes (banners, dialogs the reader closes) do not count.
  const opaque = st => { const bg = rgba(st.backgroundColor);
    return ((bg && bg[3] > 0.9) || st.backgroundImage !== "none") && parseFloat(st.opacity) >= 0.9 && st.visibility === "visible"; };
  // The positioned opaque children of each parent, listed once per parent
  // (in document order, with their boxes): a page of n sibling paragraphs
  // would otherwise cost n*n style reads.
  const coverers = new Map();
  const coverersOf = parent => {
    let list = coverers.get(parent);
    if (list) return list;
    list = [];
    for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
      const cs = getComputedStyle(c);
      if ((cs.position === "absolute" || cs.position === "relative") && opaque(cs)) list.push([c, c.getBoundingClientRect()]);
    }
    coverers.set(parent, list);
    return list;
  };
  const covered = (el, r) => {
    if (r.width < 1 || r.height < 1) return false;
    for (let a = el, depth = 0; a && a !== doc.body && depth < 4; a = a.parentElement, depth++) {
      if (!a.parentElement) break;
      for (const [sib, sr] of coverersOf(a.parentElement)) {
        if (!(a.compareDocumentPosition(sib) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
        if (sr.left <= r.left + 1 && sr.top <= r.top + 1 && sr.right >= r.right - 1 && sr.bottom >= r.bottom - 1) return true;
      }
    }
    return false;
  };
  const isHidden = el => {
    if (el.hasAttribute("hidden")) return true;
    // aria-hidden hides from screen readers, not from sight. A link also
    // out of the tab order (tabindex=-1) is a card's redundant copy of its
    // link, on screen like the rest of the card: it is judged here by the
    // styles below as any element, and extract (redundantlink.go) decides
    // on the snapshot whether it is a copy the card already shows.
    if (el.getAttribute("aria-hidden") === "true" &&
        !(el.localName === "a" && el.hasAttribute("href") && el.getAttribute("tabindex") === "-1")) return true;
    const s = getComputedStyle(el);
    if (s.display === "none") return true;
    if (s.visibility === "hidden" || s.visibility === "collapse") return true;
    if (s.display === "contents") return false;
    if (parseFloat(s.opacity) < 0.05 && !fading(s)) return true;
    const r = el.getBoundingClientRect();
    // Zero-size boxes that clip their content (sr-only, max-height:0 tricks).
    if ((r.width < 2 || r.height < 2) && (clips(s.overflowX) || clips(s.overflowY))) return true;
    if (s.clip === "rect(0px, 0px, 0px, 0px)") return true;
    if (emptyClipPath(s.clipPath)) return true;
    if (scaledAway(s.transform)) return true;
    // Positioned off the page (left:-9999px and friends), on any side.
    if ((s.position === "absolute" || s.position === "fixed") &&
        (r.right + sx <= 0 || r.bottom + sy <= 0 || r.left + sx >= vw + 2000)) return true;
    // Text pushed out of its box.
    if (parseFloat(s.textIndent) <= -999 && (clips(s.overflowX) || el.children.length === 0)) return true;
    if (el.firstChild && [...el.childNodes].some(n => n.nodeType === 3 && n.data.trim()) && covered(el, r)) return true;
    return false;
  };
  // Text a person cannot read although its box is shown: (near) zero font
  // size, a transparent colour, or the colour of what is behind it. Only the
  // element's own text goes; children are judged by their own styles.
  const textHidden = el => {
    const s = getComputedStyle(el);
    if (parseFloat(s.fontSize) <= 1) return true;
    const c = rgba(s.color);
    if (!c) return false;
    if (c[3] < 0.05) return true;
    const bg = backdrop(el);
    return !!bg && Math.abs(c[0] - bg[0]) + Math.abs(c[1] - bg[1]) + Math.abs(c[2] - bg[2]) < 24;
  };
  const t0 = performance.now();
  const hidden = [];
  const mute = [];
  if (doc.body) {
    const stack = [doc.body];
    while (stack.length) {
      const el = stack.pop();
      for (let c = el.lastElementChild; c; c = c.previousElementSibling) {
        const tag = c.localName;
        if (tag === "script" || tag === "style" || tag === "noscript" || tag === "template") continue;
        if (isHidden(c)) { hidden.push(c); continue; }
        stack.push(c);
        for (let t = c.firstChild; t; t = t.nextSibling) {
          if (t.nodeType === 3 && t.data.trim() && textHidden(c)) { mute.push(c); break; }
        }
      }
    }
  }
  for (const el of mute) for (const t of [...el.childNodes]) if (t.nodeType === 3) t.remove();
  for (const el of hidden) el.remove();
  globalThis.hiddenMs = performance.now() - t0; // read by timedSnapshotJS
  for (const el of Array.from(doc.querySelectorAll("script,style,noscript,template"))) el.remove();
  const comments = [];
  const tw = doc.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  while (tw.nextNode()) comments.push(tw.currentNode);
  for (const c of comments) c.remove();
  let html = "<!DOCTYPE html>\n" + root.outerHTML;
  if (html.length > 16777216) html = html.slice(0, 16777216);
  // The start of the visible text, only when asked (the egress proxy's own
  // answer): after the removals above it costs a whole new layout.
  const text = WANT_TEXT && doc.body ? (doc.body.innerText || "").slice(0, 600) : "";
  return {html, title: doc.title || "", url: location.href, text, hidden: hidden.length};
})()`

// timedSnapshotJS is snapshotJS returning also how long its hidden-element
// pass took (hiddenMs; the isolated world's global is not the page's), with
// the start of the text (withText) or without.
var timedSnapshotJS = map[bool]string{
	true:  timedSnapshot(true),
	false: timedSnapshot(false),
}

func timedSnapshot(withText bool) string {
	js := strings.Replace(snapshotJS, "WANT_TEXT", strconv.FormatBool(withText), 1)
	return "(() => { const r = " + js + "; r.hiddenMs = globalThis.hiddenMs || 0; return r; })()"
}
