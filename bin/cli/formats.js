// Tabular output: rows of cells → an aligned text table, a Markdown table or RFC 4180 CSV. Every
// renderer follows the methodology's rule: a pillar or indicator without a published score shows
// "insufficient data" and its range, never a number, a band or a colour.

/**
 * Text as a terminal or a Markdown viewer should show it: control characters (an escape sequence
 * in a process name could recolour the terminal, move its cursor or set its title) and
 * bidirectional controls (which could reorder what is read) are written as `\u{…}` escapes.
 */
export const shown = (text) => String(text ?? "").replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u{${c.codePointAt(0).toString(16)}}`);

/** `columns`: `[{ key, title, align?: "right" }]`; `rows`: objects of display strings. */
export function table(columns, rows, { color = false } = {}) {
  rows = rows.map((r) => ({ ...r, ...Object.fromEntries(columns.map((c) => [c.key, shown(r[c.key])])) }));
  const widths = columns.map((c) => Math.max(length(c.title), ...rows.map((r) => length(r[c.key] ?? ""))));
  const pad = (text, i) => {
    const fill = " ".repeat(widths[i] - length(text));
    return columns[i].align === "right" ? fill + text : text + fill;
  };
  const paint = (text, style) => (color && style ? `${STYLES[style]}${text}\x1b[0m` : text);
  const line = (cells) => cells.join("  ").trimEnd();
  const out = [line(columns.map((c, i) => paint(pad(c.title, i), "bold")))];
  for (const row of rows) {
    out.push(line(columns.map((c, i) => paint(pad(row[c.key] ?? "", i), row.styles?.[c.key]))));
  }
  return `${out.join("\n")}\n`;
}

const STYLES = { bold: "\x1b[1m", red: "\x1b[31m", green: "\x1b[32m", yellow: "\x1b[33m", blue: "\x1b[34m" };

/** The colour of a band's name in a text table (the band is named too: colour is never alone). */
export const BAND_STYLE = { limited: "red", partial: "yellow", substantial: "blue", strong: "green" };

const length = (text) => [...text].length;

export function markdown(columns, rows) {
  const cell = (text) => shown(String(text ?? "").replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n|\r/g, " "));
  const out = [
    `| ${columns.map((c) => cell(c.title)).join(" | ")} |`,
    `|${columns.map((c) => (c.align === "right" ? "---:" : "---")).join("|")}|`,
  ];
  for (const row of rows) out.push(`| ${columns.map((c) => cell(row[c.key])).join(" | ")} |`);
  return `${out.join("\n")}\n`;
}

/**
 * One CSV record (RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted,
 * quotes doubled). A text cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage return is
 * prefixed with `'` so that a spreadsheet does not run it as a formula; numbers are left as they
 * are (no score, bound or weight is negative).
 */
export function csvRecord(cells) {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

function csvCell(value) {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// Display cells shared by the tables.
export const one = (x) => (x === null || x === undefined ? "" : x.toFixed(1));
export const percent = (x) => (x === null || x === undefined ? "" : `${(x * 100).toFixed(1)}%`);
export const range = (lower, upper) => (lower === null || lower === undefined ? "—" : `${one(lower)}–${one(upper)}`);

/** The score cell: the number only when the status is `scored`. */
export function scoreCell(status, score) {
  if (status === "scored") return one(score);
  if (status === "not-applicable") return "not applicable";
  return "insufficient data";
}

export const bandCell = (status, band) => (status === "scored" && band ? band : "—");
