package browser

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
  const isHidden = el => {
    if (el.hasAttribute("hidden")) return true;
    if (el.getAttribute("aria-hidden") === "true") return true;
    const s = getComputedStyle(el);
    if (s.display === "none") return true;
    if (s.visibility === "hidden" || s.visibility === "collapse") return true;
    if (s.display === "contents") return false;
    const r = el.getBoundingClientRect();
    // Zero-size boxes that clip their content (sr-only, max-height:0 tricks).
    if ((r.width < 2 || r.height < 2) && (clips(s.overflowX) || clips(s.overflowY))) return true;
    if (s.clip === "rect(0px, 0px, 0px, 0px)") return true;
    if (/^inset\((50|100)%\)$/.test(s.clipPath)) return true;
    // Positioned off the page (left:-9999px and friends).
    if ((s.position === "absolute" || s.position === "fixed") &&
        (r.right + sx <= 0 || r.bottom + sy <= 0)) return true;
    // Text pushed out of its box.
    if (parseFloat(s.textIndent) <= -999 && (clips(s.overflowX) || el.children.length === 0)) return true;
    return false;
  };
  const t0 = performance.now();
  const hidden = [];
  if (doc.body) {
    const stack = [doc.body];
    while (stack.length) {
      const el = stack.pop();
      for (let c = el.lastElementChild; c; c = c.previousElementSibling) {
        const tag = c.localName;
        if (tag === "script" || tag === "style" || tag === "noscript" || tag === "template") continue;
        if (isHidden(c)) hidden.push(c); else stack.push(c);
      }
    }
  }
  for (const el of hidden) el.remove();
  globalThis.hiddenMs = performance.now() - t0; // read by timedSnapshotJS
  for (const el of Array.from(doc.querySelectorAll("script,style,noscript,template"))) el.remove();
  const comments = [];
  const tw = doc.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  while (tw.nextNode()) comments.push(tw.currentNode);
  for (const c of comments) c.remove();
  let html = "<!DOCTYPE html>\n" + root.outerHTML;
  if (html.length > 16777216) html = html.slice(0, 16777216);
  const text = doc.body ? (doc.body.innerText || "").slice(0, 600) : "";
  return {html, title: doc.title || "", url: location.href, text, hidden: hidden.length};
})()`

// timedSnapshotJS is snapshotJS returning also how long its hidden-element
// pass took (hiddenMs; the isolated world's global is not the page's).
const timedSnapshotJS = "(() => { const r = " + snapshotJS + "; r.hiddenMs = globalThis.hiddenMs || 0; return r; })()"
