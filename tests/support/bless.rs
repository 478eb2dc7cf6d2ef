//! The one way to refresh what a test pins (tests/README.md): run its suite with `SDO_BLESS=1`,
//! then read the diff before committing it.

/// True when this run rewrites the committed expectations instead of comparing with them:
/// `SDO_BLESS` is exactly `1`. Any other value (`0`, empty) compares, as an unset one does.
pub fn blessing() -> bool {
    std::env::var_os("SDO_BLESS").is_some_and(|value| value == "1")
}
