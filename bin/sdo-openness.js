#!/usr/bin/env node
// Command line for profiles kept in a repository: score, validate and badge them in CI.
// JSON on stdout; on bad input a coded error as JSON on stderr and exit code 1; usage errors 2.
import { readFileSync } from "node:fs";
import { score, validate, compare, diff, badgeSvg, rubric, version, ProfileError } from "sdo-openness";

const USAGE = `usage: sdo-openness <command> [options] [FILE…]
commands:
  score FILE|-       print the report of one profile (JSON)
  validate FILE…|-   print every error and warning of each profile; exit 1 if any is invalid
  badge FILE|-       print the SVG badge of one profile
  compare FILE…      score several profiles and rank them per pillar (JSON)
  diff OLD NEW       what changed between two assessments of the same process (JSON)
  rubric             print the methodology as data (JSON)
  version            print the engine, methodology and profile format versions
options:
  --weights FILE     custom indicator weights, e.g. {"O1": 20}
  --as-of YYYY-MM-DD date against which assessments count as outdated (default: today)
FILE "-" (or none) reads standard input.`;

function fail(code, message) {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function parseArgs(argv) {
  const files = [];
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--weights" || arg === "--as-of") {
      const value = argv[++i];
      if (value === undefined) fail(2, `${arg} needs a value\n${USAGE}`);
      if (arg === "--as-of") options.asOf = value;
      else options.weights = JSON.parse(read(value));
    } else if (arg === "-h" || arg === "--help") {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (arg.startsWith("--")) {
      fail(2, `unknown option ${arg}\n${USAGE}`);
    } else {
      files.push(arg);
    }
  }
  options.asOf ??= new Date().toISOString().slice(0, 10);
  return { files: files.length ? files : ["-"], options };
}

function read(file) {
  try {
    return readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (e) {
    fail(2, `cannot read ${file}: ${e.message}`);
  }
}

function errorJson(e) {
  return JSON.stringify({ error: { code: e.code, path: e.path, message: e.message, suggestion: e.suggestion } });
}

const [command, ...rest] = process.argv.slice(2);
const print = (value) => process.stdout.write(`${typeof value === "string" ? value : JSON.stringify(value, null, 2)}\n`);

try {
  switch (command) {
    case "score": {
      const { files, options } = parseArgs(rest);
      if (files.length !== 1) fail(2, `score takes one profile\n${USAGE}`);
      print(score(read(files[0]), options));
      break;
    }
    case "badge": {
      const { files, options } = parseArgs(rest);
      if (files.length !== 1) fail(2, `badge takes one profile\n${USAGE}`);
      print(badgeSvg(score(read(files[0]), options)));
      break;
    }
    case "compare": {
      const { files, options } = parseArgs(rest);
      print(compare(`[${files.map(read).join(",")}]`, options));
      break;
    }
    case "diff": {
      const { files, options } = parseArgs(rest);
      if (files.length !== 2) fail(2, `diff takes two profiles, the old and the new\n${USAGE}`);
      print(diff(read(files[0]), read(files[1]), options));
      break;
    }
    case "validate": {
      const { files, options } = parseArgs(rest);
      const results = files.map((file) => ({ file, ...validate(read(file), options) }));
      print(results.length === 1 ? results[0] : results);
      process.exitCode = results.every((r) => r.ok) ? 0 : 1;
      break;
    }
    case "rubric":
      print(rubric());
      break;
    case "version":
      print(version());
      break;
    case undefined:
    case "-h":
    case "--help":
      process.stdout.write(`${USAGE}\n`);
      process.exitCode = command ? 0 : 2;
      break;
    default:
      fail(2, `unknown command ${command}\n${USAGE}`);
  }
} catch (e) {
  if (e instanceof ProfileError) fail(1, errorJson(e));
  if (e instanceof SyntaxError) fail(2, `--weights: ${e.message}`);
  throw e;
}
