//! The native JSON format.
