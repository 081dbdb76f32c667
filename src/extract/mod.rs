//! English news text in, attribution graph out.
