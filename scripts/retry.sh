# Sourced by the install scripts: `say` prints a line prefixed with "$SAY_AS: " to stderr, and
# `retry` runs a command up to three times, 10 and 20 s apart (registries can hiccup).
say() { echo "${SAY_AS:-setup}: $*" >&2; }

retry() {
  local attempt
  for attempt in 1 2 3; do
    "$@" && return 0
    [ "$attempt" -lt 3 ] && { say "retrying in $((attempt * 10)) s: $*"; sleep $((attempt * 10)); }
  done
  return 1
}
