//! The names under which the library's small enums appear in Python: the
//! lowercase words of the native JSON format.

use according::{Attitude, Mode, RelayKind};

/// `"direct"`, `"indirect"` or `"mixed"`.
pub(crate) fn mode(mode: Mode) -> &'static str {
    match mode {
        Mode::Direct => "direct",
        Mode::Indirect => "indirect",
        Mode::Mixed => "mixed",
    }
}

/// `"assertion"`, `"belief"`, ...
pub(crate) fn attitude(attitude: Attitude) -> &'static str {
    match attitude {
        Attitude::Assertion => "assertion",
        Attitude::Belief => "belief",
        Attitude::Estimate => "estimate",
        Attitude::Denial => "denial",
        Attitude::Suggestion => "suggestion",
        Attitude::Question => "question",
        Attitude::Intention => "intention",
    }
}

/// `"derivation"`, `"quotation"` or `"primary_source"`.
pub(crate) fn relay_kind(kind: RelayKind) -> &'static str {
    match kind {
        RelayKind::Derivation => "derivation",
        RelayKind::Quotation => "quotation",
        RelayKind::PrimarySource => "primary_source",
    }
}
