// The command line: arguments, commands, exit codes. docs/cli.md is its manual.
import { isatty } from "node:tty";
import { mkdirSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { score, validate, compare, sensitivity, diff, badgeSvg, rubric, version, ProfileError } from "sdo-openness";
import { Exit, Log, Sink, coded, readInput, expandArgs } from "./io.js";
import { table, markdown, csvRecord, one, percent, range, scoreCell, bandCell, BAND_STYLE } from "./formats.js";

/** Exit codes; docs/cli.md has the table. The highest-priority one that applies is returned. */
export const EXIT = { ok: 0, invalid: 1, usage: 2, threshold: 3, warnings: 4, write: 5, internal: 70 };

const USAGE = `usage: sdo-openness <command> [options] [FILE…]

commands:
  score FILE…          score profiles; one result per file
  validate FILE…       every error and warning of each profile
  badge FILE…          SVG badges: one to stdout, or one per file with --output DIR
  compare FILE…        score profiles and rank them per pillar (by their ranges)
  sensitivity FILE…    how scores and ranks move with the weights and the missing answers
  diff OLD NEW         what changed between two assessments of the same process
  rubric               the methodology as data (JSON)
  version              engine, methodology and profile-format versions (JSON)

options:
  --format F           json (default), ndjson, table, markdown or csv (see docs/cli.md)
  --output PATH        write to PATH instead of stdout (badge: a directory, or FILE.svg)
  --as-of YYYY-MM-DD   judge "assessment-outdated" against this date (default: no judgement)
  --weights FILE       custom indicator weights, e.g. {"O1": 20}
  --fail-under O=60,I=50
                       exit 3 if a pillar is below its threshold or has no score (score, badge)
  --max-warnings N     exit 4 if there are more than N warnings in all (score, validate, badge)
  --draws N --seed N --spread X
                       sensitivity: draws (1–10000, default 1000), seed (default 1),
                       weight spread (0–1, default 0.5)
  --no-color           no colours in tables (also NO_COLOR=1; colours only on a terminal)
  -v, --version        print the versions
  -h, --help           print this help

FILE "-" (or no FILE) reads standard input; quoted globs ("profiles/*.json") are expanded.
exit codes: 0 ok, 1 invalid input, 2 usage, 3 below threshold, 4 too many warnings,
5 cannot write the output. Manual: docs/cli.md in the sdo-openness repository.`;

const ALL = ["json", "ndjson", "table", "markdown", "csv"];
const COMMANDS = {
  score: { files: "many", formats: ALL, options: ["weights", "as-of", "format", "output", "fail-under", "max-warnings", "no-color"] },
  validate: { files: "many", formats: ALL, options: ["weights", "as-of", "format", "output", "max-warnings", "no-color"] },
  badge: { files: "many", formats: [], options: ["weights", "as-of", "output", "fail-under", "max-warnings"] },
  compare: { files: "many", formats: ["json", "table", "markdown", "csv"], options: ["weights", "as-of", "format", "output", "no-color"] },
  sensitivity: {
    files: "many",
    formats: ["json", "table", "markdown", "csv"],
    options: ["weights", "draws", "seed", "spread", "format", "output", "no-color"],
  },
  diff: { files: 2, formats: ["json", "table", "markdown"], options: ["weights", "as-of", "format", "output", "no-color"] },
  rubric: { files: 0, formats: [], options: [] },
  version: { files: 0, formats: [], options: [] },
};
const VALUED = new Set(["weights", "as-of", "format", "output", "fail-under", "max-warnings", "draws", "seed", "spread"]);
const FLAGS = new Set(["no-color"]);

const MINIMAL = '{"schema":"sdo-openness/profile/v2","process":{"name":"x"},"answers":{}}';

function usage(message) {
  return new Exit(EXIT.usage, message);
}

/** Splits argv into the command, its files and its options; throws usage errors. */
export function parseArgs(argv) {
  const args = [];
  const given = {};
  let command;
  let onlyFiles = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyFiles || arg === "-" || !arg.startsWith("-")) {
      if (command === undefined) command = arg;
      else args.push(arg);
      continue;
    }
    if (arg === "--") {
      onlyFiles = true;
      continue;
    }
    if (arg === "-h" || arg === "--help") return { help: true };
    if (arg === "-v" || arg === "--version") return { version: true };
    if (!arg.startsWith("--")) throw usage(`unknown option ${arg}`);
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (FLAGS.has(name)) {
      if (eq >= 0) throw usage(`--${name} takes no value`);
      given[name] = true;
    } else if (VALUED.has(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw usage(`--${name} needs a value`);
      if (name === "fail-under") given[name] = [...(given[name] ?? []), value];
      else if (name in given) throw usage(`--${name} is given twice`);
      else given[name] = value;
    } else {
      throw usage(`unknown option --${name}`);
    }
  }
  if (command === undefined) throw usage("no command given");
  const spec = COMMANDS[command];
  if (!spec) throw usage(`unknown command ${command}`);
  for (const name of Object.keys(given)) {
    if (!spec.options.includes(name)) throw usage(`--${name} does not apply to ${command}`);
  }
  if (spec.files === 0 && args.length) throw usage(`${command} takes no FILE`);
  if (spec.files === 2 && args.length !== 2) throw usage("diff takes two profiles, the old and the new");
  if (spec.files === "many" && args.length === 0) {
    if (isatty(0)) throw usage(`${command} needs a FILE (or "-" for standard input)`);
    args.push("-");
  }
  if (args.filter((a) => a === "-").length > 1) throw usage('standard input ("-") can be read only once');
  const format = given.format ?? "json";
  if (given.format !== undefined && !spec.formats.includes(format)) {
    throw usage(`--format ${format} is not available for ${command} (${spec.formats.join(", ")})`);
  }
  if (given["as-of"] !== undefined) {
    const asOf = given["as-of"];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw usage(`--as-of ${asOf} is not a date YYYY-MM-DD`);
    try {
      score(MINIMAL, { asOf });
    } catch (e) {
      throw usage(`--as-of ${asOf}: ${e.message}`);
    }
  }
  return {
    command,
    files: args,
    format,
    output: given.output,
    asOf: given["as-of"],
    weightsFile: given.weights,
    thresholds: given["fail-under"] ? parseThresholds(given["fail-under"]) : null,
    maxWarnings: given["max-warnings"] === undefined ? null : count("max-warnings", given["max-warnings"], 0, Number.MAX_SAFE_INTEGER),
    draws: given.draws === undefined ? undefined : count("draws", given.draws, 1, 10000),
    seed: given.seed === undefined ? undefined : count("seed", given.seed, 0, 4294967295),
    spread: given.spread === undefined ? undefined : fraction("spread", given.spread),
    color: !given["no-color"],
  };
}

function count(name, text, min, max) {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw usage(`--${name} ${text}: expected a whole number from ${min} to ${max}`);
  }
  return Number(text);
}

function fraction(name, text) {
  const x = Number(text);
  if (!/^\d*\.?\d+$/.test(text) || !(x >= 0 && x <= 1)) throw usage(`--${name} ${text}: expected a number from 0 to 1`);
  return x;
}

/** `O=60,I=50`, or `60` for every pillar; repeated options add up. */
function parseThresholds(values) {
  const pillars = rubric().pillars.map((p) => p.id);
  const thresholds = {};
  for (const value of values) {
    for (const part of value.split(",")) {
      const m = /^(?:([A-Za-z]+)=)?(\d+(?:\.\d+)?)$/.exec(part.trim());
      if (!m || Number(m[2]) > 100) throw usage(`--fail-under ${value}: expected PILLAR=SCORE pairs such as O=60,I=50 (scores 0–100)`);
      if (m[1] !== undefined && !pillars.includes(m[1])) {
        throw usage(`--fail-under ${value}: unknown pillar ${m[1]} (pillars: ${pillars.join(", ")})`);
      }
      for (const id of m[1] === undefined ? pillars : [m[1]]) thresholds[id] = Number(m[2]);
    }
  }
  return thresholds;
}

/** The --weights file as JSON text (checked by the engine once, up front), or undefined. */
function loadWeights(opts, log) {
  if (opts.weightsFile === undefined) return undefined;
  const fail = (e) => {
    log.error(located(e, opts.weightsFile));
    throw new Exit(EXIT.invalid);
  };
  const { text, error } = readInput(opts.weightsFile);
  if (error) fail(error);
  try {
    JSON.parse(text);
  } catch (e) {
    fail(coded("invalid-json", `--weights ${opts.weightsFile}: ${e.message}`));
  }
  try {
    score(MINIMAL, `{"weights":${text}}`);
  } catch (e) {
    if (!(e instanceof ProfileError)) throw e;
    // Paths within the weights file, not within the options object it was wrapped in.
    fail({ ...errorData(e), path: e.path.replace(/^weights\.?/, "") });
  }
  return text;
}

/** The engine's options as JSON text, the weights spliced in as written (so duplicate keys are caught). */
function engineOptions(weights, extra = {}) {
  const parts = weights === undefined ? [] : [`"weights":${weights}`];
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) parts.push(`${JSON.stringify(key)}:${JSON.stringify(value)}`);
  return parts.length ? `{${parts.join(",")}}` : undefined;
}

/** An error as printed on stderr and in results: the engine's four fields, then `file`, then extras. */
const located = (error, file) => {
  const { code, path, message, suggestion, ...extra } = error;
  return { code, path, message, suggestion: suggestion ?? null, ...(file === undefined ? {} : { file }), ...extra };
};

const errorData = (e) => ({ code: e.code, path: e.path, message: e.message, suggestion: e.suggestion ?? null });

const today = () => new Date().toISOString().slice(0, 10);
const DAY = 86400000;

/** Without --as-of: the files whose `process.assessedOn` is more than 365 days before today. */
class AsOfNote {
  constructor(asOf) {
    this.active = asOf === undefined;
    this.today = today();
    this.files = [];
  }

  check(file, text) {
    if (!this.active) return;
    let on;
    try {
      on = JSON.parse(text)?.process?.assessedOn;
    } catch {
      return;
    }
    if (typeof on !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(on)) return;
    const days = (Date.parse(this.today) - Date.parse(on)) / DAY;
    if (days > 365) this.files.push(file);
  }

  print(log) {
    if (!this.files.length) return;
    const n = this.files.length;
    log.line({
      note: {
        code: "as-of-not-given",
        message: `${n} profile${n === 1 ? " was" : "s were"} assessed more than 365 days before today (${this.today}); without --as-of no assessment is judged outdated: pass --as-of ${this.today} to judge`,
        today: this.today,
        files: this.files,
      },
    });
  }
}

export async function main(argv) {
  const log = new Log();
  let opts;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (e instanceof Exit && e.usage) {
      log.text(`sdo-openness: ${e.usage}\nrun "sdo-openness --help" for usage`);
      return e.status;
    }
    throw e;
  }
  if (opts.help) return write(`${USAGE}\n`, undefined, log);
  if (opts.version) {
    const v = version();
    return write(
      `sdo-openness engine ${v.engine}, methodology ${v.methodology.id} ${v.methodology.version} (major ${v.methodology.major}), profile format ${v.profileSchema}\n`,
      undefined,
      log,
    );
  }
  try {
    switch (opts.command) {
      case "rubric":
        return write(`${JSON.stringify(rubric(), null, 2)}\n`, undefined, log);
      case "version":
        return write(`${JSON.stringify(version(), null, 2)}\n`, undefined, log);
      case "score":
      case "validate":
        return batch(opts, log);
      case "badge":
        return badges(opts, log);
      case "compare":
      case "sensitivity":
        return together(opts, log);
      case "diff":
        return difference(opts, log);
    }
  } catch (e) {
    if (e instanceof Exit) {
      if (e.usage) log.text(`sdo-openness: ${e.usage}\nrun "sdo-openness --help" for usage`);
      return e.status;
    }
    throw e;
  }
}

/** Writes one whole text; returns the exit code. */
function write(text, output, log) {
  const sink = Sink.open(output);
  sink.write(text);
  sink.close();
  if (sink.error) {
    log.error(sink.error);
    return EXIT.write;
  }
  return EXIT.ok;
}

function useColor(opts, sink) {
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "";
  return opts.color && !noColor && sink.fd === 1 && isatty(1) && process.env.TERM !== "dumb";
}

/**
 * Reads each input with a progress line; yields `{ file, text }` or `{ file, error }`.
 * @returns {Generator<{ file: string, text?: string, error?: ReturnType<typeof coded> }>}
 */
function* inputs(files, log) {
  const list = expandArgs(files);
  const progress = list.length > 20;
  for (let i = 0; i < list.length; i++) {
    const { file, error } = list[i];
    if (progress) log.progress(i + 1, list.length, file);
    yield error ? { file, error } : { file, ...readInput(file) };
  }
  if (progress) log.endProgress();
}

/**
 * Exit code from what happened, in priority order, printing the warnings verdict.
 * @param {{ sink: Sink, invalid?: boolean, belowThreshold?: boolean, warnings: number, maxWarnings: number | null }} state
 */
function verdict({ sink, invalid, belowThreshold, warnings, maxWarnings }, log) {
  if (maxWarnings !== null && warnings > maxWarnings) {
    log.error(coded("too-many-warnings", `${warnings} warning${warnings === 1 ? "" : "s"}, more than the ${maxWarnings} allowed by --max-warnings`, { warnings, maxWarnings }));
  }
  if (sink?.error) {
    log.error(sink.error);
    return EXIT.write;
  }
  if (invalid) return EXIT.invalid;
  if (belowThreshold) return EXIT.threshold;
  if (maxWarnings !== null && warnings > maxWarnings) return EXIT.warnings;
  return EXIT.ok;
}

/** --fail-under: every pillar with a threshold must be scored and at or above it. */
function checkThresholds(file, report, thresholds, log) {
  let failed = false;
  for (const pillar of report.pillars) {
    const minimum = thresholds[pillar.id];
    if (minimum === undefined) continue;
    const scored = pillar.status === "scored";
    if (scored && pillar.score >= minimum) continue;
    failed = true;
    log.error(
      coded("below-threshold", scored ? `${pillar.id} ${one(pillar.score)} is below ${minimum}` : "insufficient data", {
        path: `pillars.${pillar.id}`,
        file,
        pillar: pillar.id,
        status: pillar.status,
        score: pillar.score,
        minimum,
      }),
    );
  }
  return failed;
}

// ---------------------------------------------------------------------------------------------
// score and validate: one result per file, streamed where the format allows.

function batch(opts, log) {
  const options = engineOptions(loadWeights(opts, log), { asOf: opts.asOf });
  const note = new AsOfNote(opts.asOf);
  const sink = Sink.open(opts.output);
  const out = emitter(opts, sink);
  const state = { sink, invalid: false, belowThreshold: false, warnings: 0, maxWarnings: opts.maxWarnings };
  for (const input of inputs(opts.files, log)) {
    if (sink.error) break;
    let result;
    if (input.error) {
      result = { file: input.file, ok: false, errors: [input.error], warnings: [] };
    } else if (opts.command === "validate") {
      const v = validate(input.text, options);
      result = { file: input.file, ok: v.ok, errors: v.errors, warnings: v.warnings };
    } else {
      try {
        const report = score(input.text, options);
        result = { file: input.file, ok: true, report, warnings: report.warnings };
        if (opts.thresholds && checkThresholds(input.file, report, opts.thresholds, log)) state.belowThreshold = true;
      } catch (e) {
        if (!(e instanceof ProfileError)) throw e;
        result = { file: input.file, ok: false, errors: [errorData(e)], warnings: [] };
      }
    }
    if (input.text !== undefined) note.check(input.file, input.text);
    if (!result.ok) {
      state.invalid = true;
      log.error(located(result.errors[0], input.file));
    }
    state.warnings += result.warnings.length;
    out.item(result);
  }
  out.end();
  sink.close();
  note.print(log);
  return verdict(state, log);
}

/** Streams results in the chosen format (a text table needs them all before its first line). */
function emitter(opts, sink) {
  const validating = opts.command === "validate";
  switch (opts.format) {
    case "json": {
      let first = true;
      return {
        item(result) {
          sink.write(`${first ? "[\n" : ",\n"}${JSON.stringify(result, null, 2).replace(/^/gm, "  ")}`);
          first = false;
        },
        end: () => sink.write(first ? "[]\n" : "\n]\n"),
      };
    }
    case "ndjson":
      return { item: (result) => sink.write(`${JSON.stringify(result)}\n`), end() {} };
    case "csv": {
      sink.write(csvRecord(validating ? VALIDATE_CSV : SCORE_CSV));
      return { item: (result) => sink.write((validating ? validateCsv : scoreCsv)(result).map(csvRecord).join("")), end() {} };
    }
    default: {
      const rows = [];
      const columns = validating ? VALIDATE_COLUMNS : SCORE_COLUMNS;
      return {
        item: (result) => rows.push(...(validating ? validateRows : scoreRows)(result)),
        end: () => sink.write(render(opts, sink, columns, rows)),
      };
    }
  }
}

function render(opts, sink, columns, rows) {
  return opts.format === "markdown" ? markdown(columns, rows) : table(columns, rows, { color: useColor(opts, sink) });
}

const SCORE_COLUMNS = [
  { key: "file", title: "file" },
  { key: "pillar", title: "pillar" },
  { key: "status", title: "status" },
  { key: "score", title: "score", align: "right" },
  { key: "band", title: "band" },
  { key: "range", title: "range", align: "right" },
  { key: "coverage", title: "coverage", align: "right" },
  { key: "answered", title: "answered weight", align: "right" },
  { key: "evidence", title: "evidence quality", align: "right" },
  { key: "review", title: "review" },
];

function scoreRows(result) {
  if (!result.ok) {
    return [{ file: result.file, pillar: "—", status: `error: ${result.errors[0].code}`, styles: { status: "red" } }];
  }
  const review = result.report.review?.level ?? "self-assessment";
  return result.report.pillars.map((p) => ({
    file: result.file,
    pillar: p.id,
    status: p.status,
    score: scoreCell(p.status, p.score),
    band: bandCell(p.status, p.band),
    range: range(p.lower, p.upper),
    coverage: percent(p.coverage),
    answered: percent(p.answeredWeight),
    evidence: percent(p.evidenceQuality),
    review,
    styles: p.status === "scored" ? { band: BAND_STYLE[p.band] } : {},
  }));
}

const SCORE_CSV = ["file", "process", "pillar", "indicator", "status", "score", "lower", "upper", "answered_weight", "weight"];

function scoreCsv(result) {
  if (!result.ok) return [];
  const name = result.report.process.name;
  return result.report.pillars.flatMap((p) =>
    p.indicators.map((i) => [result.file, name, p.id, i.id, i.status, i.status === "scored" ? i.score : null, i.lower, i.upper, i.answeredWeight, i.weight]),
  );
}

const VALIDATE_COLUMNS = [
  { key: "file", title: "file" },
  { key: "level", title: "level" },
  { key: "code", title: "code" },
  { key: "path", title: "path" },
  { key: "message", title: "message" },
];
const LEVEL_STYLE = { ok: "green", error: "red", warning: "yellow" };

function findings(result) {
  const rows = [
    ...result.errors.map((e) => ({ level: "error", code: e.code, path: e.path, message: e.message })),
    ...result.warnings.map((w) => ({ level: "warning", code: w.code, path: w.path, message: "" })),
  ];
  return rows.length ? rows : [{ level: "ok", code: "", path: "", message: "" }];
}

function validateRows(result) {
  return findings(result).map((f) => ({ file: result.file, ...f, styles: { level: LEVEL_STYLE[f.level] } }));
}

const VALIDATE_CSV = ["file", "level", "code", "path", "message"];
const validateCsv = (result) => findings(result).map((f) => [result.file, f.level, f.code, f.path, f.message]);

// ---------------------------------------------------------------------------------------------
// badge

function badges(opts, log) {
  const options = engineOptions(loadWeights(opts, log), { asOf: opts.asOf });
  const list = expandArgs(opts.files);
  let target = null;
  if (opts.output !== undefined && opts.output !== "-") {
    if (list.length === 1 && opts.output.toLowerCase().endsWith(".svg")) {
      target = () => opts.output;
    } else {
      const names = new Map();
      for (const { file } of list) {
        const name = file === "-" ? "stdin.svg" : `${basename(file, extname(file))}.svg`;
        if (names.has(name)) throw usage(`--output ${opts.output}: ${names.get(name)} and ${file} would both write ${name}`);
        names.set(name, file);
      }
      try {
        mkdirSync(opts.output, { recursive: true });
      } catch (e) {
        const sink = new Sink(-1, opts.output);
        sink.fail(e);
        log.error(sink.error);
        return EXIT.write;
      }
      target = (file) => join(opts.output, file === "-" ? "stdin.svg" : `${basename(file, extname(file))}.svg`);
    }
  } else if (list.length > 1) {
    throw usage("badge writes one SVG to stdout: give one FILE, or --output DIR for several");
  }
  const note = new AsOfNote(opts.asOf);
  const state = { sink: null, invalid: false, belowThreshold: false, warnings: 0, maxWarnings: opts.maxWarnings };
  let writeError = null;
  for (const input of inputs(opts.files, log)) {
    let error = input.error;
    let svg;
    if (!error) {
      note.check(input.file, input.text);
      try {
        const report = score(input.text, options);
        state.warnings += report.warnings.length;
        if (opts.thresholds && checkThresholds(input.file, report, opts.thresholds, log)) state.belowThreshold = true;
        svg = badgeSvg(report);
      } catch (e) {
        if (!(e instanceof ProfileError)) throw e;
        error = errorData(e);
      }
    }
    if (error) {
      state.invalid = true;
      log.error(located(error, input.file));
      continue;
    }
    const sink = Sink.open(target ? target(input.file) : undefined);
    sink.write(`${svg}\n`);
    sink.close();
    if (sink.error) {
      writeError ??= sink;
      if (!target) break;
    }
  }
  note.print(log);
  state.sink = writeError;
  return verdict(state, log);
}

// ---------------------------------------------------------------------------------------------
// compare and sensitivity: all profiles in one call.

/** Reads every file and checks each alone; exits 1 after reporting every failure. */
function readAll(opts, log, options, note) {
  const files = [];
  const texts = [];
  let failed = false;
  for (const input of inputs(opts.files, log)) {
    let error = input.error;
    if (!error) {
      note?.check(input.file, input.text);
      const v = validate(input.text, options);
      if (!v.ok) error = v.errors[0];
    }
    if (error) {
      failed = true;
      log.error(located(error, input.file));
    }
    files.push(input.file);
    texts.push(input.text);
  }
  if (failed) throw new Exit(EXIT.invalid);
  return { files, texts };
}

function together(opts, log) {
  const comparing = opts.command === "compare";
  const weights = loadWeights(opts, log);
  const options = comparing
    ? engineOptions(weights, { asOf: opts.asOf })
    : engineOptions(weights, { draws: opts.draws, seed: opts.seed, spread: opts.spread });
  const note = comparing ? new AsOfNote(opts.asOf) : null;
  const weightsOnly = comparing ? options : engineOptions(weights);
  const { files, texts } = readAll(opts, log, weightsOnly, note);
  let result;
  try {
    result = (comparing ? compare : sensitivity)(`[${texts.join(",")}]`, options);
  } catch (e) {
    if (!(e instanceof ProfileError)) throw e;
    const error = errorData(e);
    const at = /^\[(\d+)\]\.?/.exec(error.path);
    log.error(at ? located({ ...error, path: error.path.slice(at[0].length) }, files[Number(at[1])]) : error);
    return EXIT.invalid;
  }
  note?.print(log);
  const sink = Sink.open(opts.output);
  if (opts.format === "json") {
    sink.write(`${JSON.stringify({ files, ...result }, null, 2)}\n`);
  } else {
    const [columns, rows, header, records] = comparing ? compareRows(files, result) : sensitivityRows(files, result);
    sink.write(opts.format === "csv" ? csvRecord(header) + records.map(csvRecord).join("") : render(opts, sink, columns, rows));
  }
  sink.close();
  return verdict({ sink, warnings: 0, maxWarnings: null }, log);
}

function rankCell(place) {
  if (place.rank === null || place.rank === undefined) return "—";
  return place.lowestRank !== place.rank ? `${place.rank}–${place.lowestRank}` : String(place.rank);
}

function compareRows(files, c) {
  const columns = [
    { key: "pillar", title: "pillar" },
    { key: "rank", title: "rank", align: "right" },
    { key: "file", title: "file" },
    { key: "process", title: "process" },
    { key: "status", title: "status" },
    { key: "score", title: "score", align: "right" },
    { key: "range", title: "range", align: "right" },
    { key: "indistinguishable", title: "not distinguishable from" },
  ];
  const rows = [];
  const records = [];
  for (const ranking of c.rankings) {
    for (const place of ranking.order) {
      const name = c.reports[place.index].process.name;
      const others = place.indistinguishable.map((i) => files[i]);
      rows.push({
        pillar: ranking.pillar,
        rank: rankCell(place),
        file: files[place.index],
        process: name,
        status: place.status,
        score: scoreCell(place.status, place.score),
        range: range(place.lower, place.upper),
        indistinguishable: others.join(", "),
      });
      const scored = place.status === "scored";
      records.push([files[place.index], name, ranking.pillar, place.status, scored ? place.score : null, place.lower, place.upper, place.rank, place.lowestRank, others.join("; ")]);
    }
  }
  const header = ["file", "process", "pillar", "status", "score", "lower", "upper", "rank", "lowest_rank", "indistinguishable"];
  return [columns, rows, header, records];
}

function sensitivityRows(files, s) {
  const columns = [
    { key: "pillar", title: "pillar" },
    { key: "file", title: "file" },
    { key: "status", title: "status" },
    { key: "score", title: "score", align: "right" },
    { key: "rank", title: "rank", align: "right" },
    { key: "analysis", title: "analysis" },
    { key: "scored", title: "scored in", align: "right" },
    { key: "p5", title: "p5", align: "right" },
    { key: "p50", title: "p50", align: "right" },
    { key: "p95", title: "p95", align: "right" },
    { key: "stability", title: "rank kept", align: "right" },
  ];
  const rows = [];
  const records = [];
  for (const pillar of s.pillars) {
    for (const base of pillar.profiles) {
      for (const analysis of ["weights", "missing", "both"]) {
        const spread = pillar[analysis].profiles.find((p) => p.index === base.index);
        const scored = base.status === "scored";
        rows.push({
          pillar: pillar.pillar,
          file: files[base.index],
          status: base.status,
          score: scoreCell(base.status, base.score),
          rank: scored && base.rank !== null ? String(base.rank) : "—",
          analysis,
          scored: percent(spread.scored),
          p5: spread.p5 === null ? "—" : one(spread.p5),
          p50: spread.p50 === null ? "—" : one(spread.p50),
          p95: spread.p95 === null ? "—" : one(spread.p95),
          stability: spread.rankStability === null ? "—" : percent(spread.rankStability),
        });
        records.push([files[base.index], pillar.pillar, base.status, scored ? base.score : null, scored ? base.rank : null, analysis, spread.scored, spread.p5, spread.p50, spread.p95, spread.rankStability]);
      }
    }
  }
  const header = ["file", "pillar", "status", "score", "rank", "analysis", "scored", "p5", "p50", "p95", "rank_stability"];
  return [columns, rows, header, records];
}

// ---------------------------------------------------------------------------------------------
// diff

function difference(opts, log) {
  const options = engineOptions(loadWeights(opts, log), { asOf: opts.asOf });
  const note = new AsOfNote(opts.asOf);
  const [oldFile, newFile] = opts.files;
  const read = [...inputs([oldFile], log), ...inputs([newFile], log)];
  let failed = false;
  for (const input of read) {
    if (input.error) {
      failed = true;
      log.error(located(input.error, input.file));
    } else note.check(input.file, input.text);
  }
  if (failed) return EXIT.invalid;
  let d;
  try {
    d = diff(read[0].text, read[1].text, options);
  } catch (e) {
    if (!(e instanceof ProfileError)) throw e;
    const error = errorData(e);
    const side = /^(old|new)(\.|$)/.exec(error.path);
    log.error(side ? located({ ...error, path: error.path.slice(side[0].length) }, side[1] === "old" ? oldFile : newFile) : error);
    return EXIT.invalid;
  }
  note.print(log);
  const sink = Sink.open(opts.output);
  if (opts.format === "json") {
    sink.write(`${JSON.stringify({ files: { old: oldFile, new: newFile }, ...d }, null, 2)}\n`);
  } else {
    const columns = [
      { key: "kind", title: "what" },
      { key: "id", title: "id" },
      { key: "old", title: `old (${oldFile})` },
      { key: "new", title: `new (${newFile})` },
      { key: "change", title: "change", align: "right" },
    ];
    const figure = (f) => (f.status === "scored" ? `${one(f.score)} (${range(f.lower, f.upper)})` : `${scoreCell(f.status, f.score)} (${range(f.lower, f.upper)})`);
    const given = (g) => (g.option != null ? `${g.state}: ${g.option}` : g.value != null ? `${g.state}: ${g.value}` : g.state);
    const rows = [
      ...d.pillars.map((p) => ({ kind: "pillar", id: p.id, old: figure(p.old), new: figure(p.new), change: signed(p.change) })),
      ...d.indicators.map((i) => ({ kind: "indicator", id: i.id, old: figure(i.old), new: figure(i.new), change: signed(i.change) })),
      ...d.answers.map((a) => ({ kind: "answer", id: a.element, old: given(a.old), new: given(a.new), change: "" })),
    ];
    sink.write(render(opts, sink, columns, rows));
  }
  sink.close();
  return verdict({ sink, warnings: 0, maxWarnings: null }, log);
}

const signed = (x) => (x === null || x === undefined ? "" : `${x > 0 ? "+" : ""}${one(x)}`);
