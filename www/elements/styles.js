// One constructable stylesheet shared by every element (adoptedStyleSheets): no <style> tags and
// no style attributes, so the widget runs under `style-src 'self'`. The shadow root keeps host
// page CSS out and this CSS in; theming goes through custom properties and ::part().

/** The dark palette, for `theme="dark"` and for readers whose system prefers dark. */
const DARK = `
  --_fg: var(--sdo-openness-fg, #e6edf3);
  --_muted: var(--sdo-openness-muted, #9ea7b3);
  --_bg: var(--sdo-openness-bg, #0d1117);
  --_border: var(--sdo-openness-border, #3d444d);
  --_track: var(--sdo-openness-track, #262c36);
  --_accent: var(--sdo-openness-accent, #79c0ff);
  --_limited: var(--sdo-openness-band-limited, #ff8e86);
  --_partial: var(--sdo-openness-band-partial, #f2a65a);
  --_substantial: var(--sdo-openness-band-substantial, #b5d35a);
  --_strong: var(--sdo-openness-band-strong, #56d364);
  --_none: #9ea7b3;
  color-scheme: dark;
`;

const CSS = `
/* Sized from the host's own base (medium: the reader's browser font-size setting, or
   --sdo-openness-font-size), in em, never the host page's root rem; the host's letter-, word- and
   line-spacing are reset; a long unbroken word wraps rather than pushing the box wider. */
:host {
  all: initial;
  display: block;
  contain: content;
  --_fg: var(--sdo-openness-fg, #1f2328);
  --_muted: var(--sdo-openness-muted, #57606a);
  --_bg: var(--sdo-openness-bg, #ffffff);
  --_border: var(--sdo-openness-border, #d0d7de);
  --_track: var(--sdo-openness-track, #eaeef2);
  --_accent: var(--sdo-openness-accent, #0550ae);
  --_limited: var(--sdo-openness-band-limited, #b42318);
  --_partial: var(--sdo-openness-band-partial, #9a4a00);
  --_substantial: var(--sdo-openness-band-substantial, #4d6b00);
  --_strong: var(--sdo-openness-band-strong, #16713a);
  --_none: #57606a;
  font-family: var(--sdo-openness-font, system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Arabic", sans-serif);
  font-size: var(--sdo-openness-font-size, medium);
  line-height: 1.45;
  letter-spacing: normal;
  word-spacing: normal;
  overflow-wrap: anywhere;
  color: var(--_fg);
  color-scheme: light;
}
:host([hidden]) { display: none; }
:host([theme="dark"]) {${DARK}}
@media (prefers-color-scheme: dark) {
  :host(:not([theme="light"])) {${DARK}}
}
* { box-sizing: border-box; }
/* Set on the boxes themselves, not only inherited from the host: page CSS that styles the host
   element (even with !important) cannot recolour or resize the inside. */
.card, .badge, .error {
  color: var(--_fg);
  font-family: var(--sdo-openness-font, system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Arabic", sans-serif);
  font-size: var(--sdo-openness-font-size, medium);
  line-height: 1.45;
  letter-spacing: normal;
  word-spacing: normal;
  overflow-wrap: anywhere;
  text-align: start;
}
.card {
  background: var(--_bg);
  border: 1px solid var(--_border);
  border-radius: var(--sdo-openness-radius, 8px);
  padding: 1em 1.25em;
  max-width: 44em;
}
h2, h3, p, ol, ul, table { margin: 0; }
h2 { font-size: 1.25em; line-height: 1.3; overflow-wrap: anywhere; }
h3 { font-size: 1em; }
.sub, .note, footer, caption, .range-text { color: var(--_muted); font-size: 0.875em; }
.sub { overflow-wrap: anywhere; }
a { color: var(--_accent); }
a:focus-visible, summary:focus-visible { outline: 2px solid var(--_accent); outline-offset: 2px; }
.tag {
  display: inline-block; border: 1px solid currentColor; border-radius: 999px;
  padding: 0 0.5em; font-size: 0.8125em; color: var(--_muted); margin-block-start: 0.25em;
}
.pillars { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(14em, 100%), 1fr)); gap: 1em; margin-block: 1em; }
.figure { display: flex; align-items: baseline; gap: 0.5em; flex-wrap: wrap; margin-block: 0.25em; }
.score { font-size: 2em; font-weight: 700; font-variant-numeric: tabular-nums; }
.band { font-weight: 600; }
.meter { position: relative; height: 0.75em; border-radius: 999px; background: var(--_track); overflow: hidden; }
.meter .range { position: absolute; inset-block: 0; opacity: 0.35; }
.meter .fill, .bar .fill { position: absolute; inset-block: 0; inset-inline-start: 0; border-radius: 999px; }
.b-limited { --_band: var(--_limited); }
.b-partial { --_band: var(--_partial); }
.b-substantial { --_band: var(--_substantial); }
.b-strong { --_band: var(--_strong); }
.b-none { --_band: var(--_none); }
.band, .b-text { color: var(--_band); }
.fill, .range { background: var(--_band); }
/* Not scored: no score, band, band colour or meter position; the open range in grey stripes. */
.no-score { font-size: 1.25em; font-weight: 700; color: var(--_muted); }
.span-text { font-variant-numeric: tabular-nums; color: var(--_muted); white-space: nowrap; }
.figure .span-text { font-weight: 600; }
.span { position: relative; height: 0.75em; border-radius: 999px; background: var(--_track); overflow: hidden; }
.span .open {
  position: absolute; inset-block: 0; border-radius: 999px;
  background: repeating-linear-gradient(-45deg, var(--_none) 0 3px, transparent 3px 7px);
  outline: 1px solid var(--_none); outline-offset: -1px;
}
.star { font-weight: 700; }
.provisional-note { color: var(--_fg); }
td.insufficient .no-score, td.na { font-size: inherit; font-weight: 400; font-style: italic; color: var(--_muted); }
td.bar-cell.insufficient { white-space: normal; }
.card .review { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.25em 0.5em; margin-block-start: 0.375em; font-size: 0.875em; color: var(--_muted); }
.card .review .tag { margin: 0; color: var(--_fg); font-weight: 600; }
.note { margin-block: 0 0.75em; }
.warnings ul, .evidence > ul { padding-inline-start: 1.25em; }
.warnings li { overflow-wrap: anywhere; }
.warnings .where { color: var(--_muted); }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.8125em; color: var(--_muted); white-space: nowrap; }
.sources { padding-inline-start: 1em; list-style: disc; }
.question { font-weight: 500; }
.source-head, .quote, .ev-note { display: block; }
/* The quote and note keep their own direction but line up with the card's edge. */
[dir="rtl"] .quote, [dir="rtl"] .ev-note { text-align: right; }
[dir="ltr"] .quote, [dir="ltr"] .ev-note { text-align: left; }
.quote { font-style: italic; }
.ev-note { color: var(--_muted); }
/* A quote's marks follow its own direction (dir="auto"), not the card's language. */
.quote:dir(ltr) { quotes: "\\201C" "\\201D" "\\2018" "\\2019"; }
.quote::before, .quote::after { font-style: normal; }
.facts { color: var(--_muted); }
table { border-collapse: collapse; width: 100%; margin-block: 0.5em 1em; font-size: 0.9375em; }
caption { text-align: start; padding-block-end: 0.25em; }
th, td { text-align: start; padding: 0.3em 0.25em; border-block-end: 1px solid var(--_border); vertical-align: middle; }
th[scope="rowgroup"] { padding-block-start: 0.75em; }
th[scope="row"] { font-weight: 500; }
td.bar-cell { white-space: nowrap; }
td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
.bar { position: relative; display: inline-block; width: 6em; height: 0.5em; border-radius: 999px; background: var(--_track); overflow: hidden; vertical-align: middle; margin-inline-end: 0.5em; }
ol { padding-inline-start: 1.5em; }
li { margin-block: 0.25em; }
.gain { white-space: nowrap; font-weight: 600; }
details { margin-block: 0.5em; }
summary { cursor: pointer; }
.evidence li { overflow-wrap: anywhere; }
footer { border-block-start: 1px solid var(--_border); padding-block-start: 0.5em; margin-block-start: 0.75em; }
footer p + p { margin-block-start: 0.125em; }
.loading { color: var(--_muted); font-family: var(--sdo-openness-font, system-ui, sans-serif); margin: 0; }
.error { border-inline-start: 4px solid var(--_limited); padding: 0.5em 0.75em; background: var(--_bg); color: var(--_fg); }
.badge {
  display: inline-flex; border-radius: var(--sdo-openness-radius, 4px); overflow: hidden; font-size: 0.8125em; line-height: 1.5;
  font-weight: 600; white-space: nowrap; border: 1px solid var(--_border);
}
.badge > span { padding: 0.1em 0.55em; color: #fff; }
/* Two grey parts side by side (both pillars unscored) stay two parts. */
.badge > span + span { border-inline-start: 1px solid rgb(255 255 255 / 0.4); }
/* White text on these fills keeps 4.5:1 in light and dark pages alike. */
.badge .label { background: var(--sdo-openness-badge-label, #333a41); }
.badge .b-limited { background: var(--sdo-openness-badge-limited, #b42318); }
.badge .b-partial { background: var(--sdo-openness-badge-partial, #9a4a00); }
.badge .b-substantial { background: var(--sdo-openness-badge-substantial, #4d6b00); }
.badge .b-strong { background: var(--sdo-openness-badge-strong, #16713a); }
.badge .b-none { background: var(--sdo-openness-badge-none, #57606a); }
.badge .review { background: var(--sdo-openness-badge-label, #333a41); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
/* A narrow card (a phone, a sidebar): shorter bars, and a score may wrap before its range. */
.card { container-type: inline-size; }
@container (max-width: 30em) {
  .bar { width: 2.5em; margin-inline-end: 0.25em; }
  td.bar-cell { white-space: normal; }
  th, td { padding-inline: 0.125em; }
}
@media (prefers-reduced-motion: no-preference) {
  .fill { transition: width 200ms ease-out; }
}
@media (forced-colors: active) {
  .meter, .bar { border: 1px solid CanvasText; background: Canvas; }
  .fill { background: CanvasText; }
  .range { background: GrayText; }
  .span { border: 1px solid CanvasText; background: Canvas; }
  .span .open { background: GrayText; outline: none; }
  .badge > span { border-inline-end: 1px solid CanvasText; }
  .error { border-color: CanvasText; }
}
`;

let shared;

/** The widget's stylesheet, constructed once per page. */
export function stylesheet() {
  if (!shared) {
    shared = new CSSStyleSheet();
    shared.replaceSync(CSS);
  }
  return shared;
}
