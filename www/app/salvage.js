// What a broken or cut-short share link still holds. A link carries JSON.stringify(profile),
// deflated: a cut link inflates to a prefix of that text. The prefix is closed at its last
// complete value; only answers that appear whole in the text are kept, and what is kept must
// pass validation. Nothing is guessed: what cannot be read is left out, and the page says so.

/** The longest prefix of `text` that is a complete JSON value once its open brackets are closed. */
export function repairJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    // Fall through: the text is cut short or damaged.
  }
  const cuts = []; // [position, closers]: a cut just before `,` or just after `}`/`]`.
  const stack = [];
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === "\\") escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === "{") stack.push("}");
    else if (c === "[") stack.push("]");
    else if (c === "}" || c === "]") {
      if (stack.pop() !== c) break; // Damaged, not merely cut: nothing after this can be trusted.
      cuts.push([i + 1, stack.toReversed().join("")]);
    } else if (c === ",") cuts.push([i, stack.toReversed().join("")]);
  }
  for (const [at, closers] of cuts.toReversed().slice(0, 200)) {
    try {
      return JSON.parse(text.slice(0, at) + closers);
    } catch {
      // Try an earlier cut.
    }
  }
  return null;
}

/**
 * `{ profile, answers }` recovered from `text` (a share link's JSON, possibly cut short), or
 * null when nothing usable is left. `validate` is the engine's; `untitled` names a nameless one.
 */
export function recover(text, validate) {
  const found = repairJson(text);
  if (!found || typeof found !== "object" || Array.isArray(found)) return null;
  if (typeof found.schema !== "string" || !found.process || typeof found.process !== "object") return null;
  const profile = { ...found, answers: {} };
  // An answer is kept only if it stands whole in the text: a cut one would lose its later fields.
  for (const [id, answer] of Object.entries(found.answers && typeof found.answers === "object" ? found.answers : {})) {
    const whole = `${JSON.stringify(id)}:${JSON.stringify(answer)}`;
    if (text.includes(`${whole},`) || text.includes(`${whole}}`)) profile.answers[id] = answer;
  }
  for (let round = 0; round < 100; round++) {
    const result = validate(JSON.stringify(profile));
    if (result.ok) return { profile, answers: Object.keys(profile.answers).length };
    const bad = result.errors.map((e) => /^answers\.([A-Z]\d+\.\d+)/.exec(e.path ?? "")?.[1]).filter((id) => id && profile.answers[id]);
    if (!bad.length) return null; // A problem outside the answers: nothing trustworthy to offer.
    for (const id of bad) delete profile.answers[id];
  }
  return null;
}
