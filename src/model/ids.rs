//! Typed ids: a [`SourceId`] cannot be passed where a [`ReportId`] is expected.
//!
//! Ids are dense indices into the graph that issued them, assigned in
//! insertion order and never reused. They print with a one-letter prefix
//! (`s3`, `c0`, `r12`, `d1`), which is also their form in the native JSON
//! format.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::Error;

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident, $prefix:literal, $what:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(u32);

        impl $name {
            /// The id's position in insertion order, starting at 0.
            #[inline]
            pub const fn index(self) -> usize {
                self.0 as usize
            }

            /// The id at position `index`; `None` if `index` does not fit in
            /// 32 bits. Whether the id names anything depends on the graph.
            #[inline]
            pub const fn from_index(index: usize) -> Option<Self> {
                if index <= u32::MAX as usize {
                    Some(Self(index as u32))
                } else {
                    None
                }
            }

            #[inline]
            pub(crate) const fn new(index: u32) -> Self {
                Self(index)
            }

            /// The raw index, for flat arrays (not every id type needs it).
            #[inline]
            #[allow(dead_code)]
            pub(crate) const fn raw(self) -> u32 {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($prefix, "{}"), self.0)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(self, f)
            }
        }

        impl FromStr for $name {
            type Err = Error;

            /// Parses the printed form, such as `r12`.
            fn from_str(s: &str) -> Result<Self, Error> {
                let invalid = || Error::InvalidValue { what: $what, value: s.to_owned() };
                let digits = s.strip_prefix($prefix).ok_or_else(invalid)?.as_bytes();
                // Only digits, without a sign or leading zeros: exactly what
                // `Display` prints, so parsing is exact. One pass (ids are
                // read by the million).
                if digits.is_empty() || (digits.len() > 1 && digits[0] == b'0') {
                    return Err(invalid());
                }
                let mut n: u32 = 0;
                for &b in digits {
                    if !b.is_ascii_digit() {
                        return Err(invalid());
                    }
                    n = n
                        .checked_mul(10)
                        .and_then(|n| n.checked_add(u32::from(b - b'0')))
                        .ok_or_else(invalid)?;
                }
                Ok(Self(n))
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Visitor;
                impl serde::de::Visitor<'_> for Visitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str(concat!("a ", $what, " such as \"", $prefix, "0\""))
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<$name, E> {
                        v.parse().map_err(E::custom)
                    }
                }
                deserializer.deserialize_str(Visitor)
            }
        }
    };
}

typed_id!(
    /// Identifies a [`Source`](crate::Source) in a [`Graph`](crate::Graph). Prints as `s<N>`.
    SourceId, "s", "source id"
);
typed_id!(
    /// Identifies a [`Claim`](crate::Claim) in a [`Graph`](crate::Graph). Prints as `c<N>`.
    ClaimId, "c", "claim id"
);
typed_id!(
    /// Identifies a [`Report`](crate::Report) in a [`Graph`](crate::Graph). Prints as `r<N>`.
    ReportId, "r", "report id"
);
typed_id!(
    /// Identifies a [`Document`](crate::Document) in a [`Graph`](crate::Graph). Prints as `d<N>`.
    DocumentId, "d", "document id"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_print_and_parse_exactly() {
        assert_eq!(ReportId::new(12).to_string(), "r12");
        assert_eq!("r12".parse::<ReportId>().unwrap(), ReportId::new(12));
        assert_eq!("s0".parse::<SourceId>().unwrap(), SourceId::new(0));
        for bad in ["r", "r01", "r-1", "r+1", "s1", "r4294967296", " r1", "r1 "] {
            let err = bad.parse::<ReportId>().unwrap_err();
            assert_eq!(err.to_string(), format!("invalid report id {bad:?}"));
        }
    }
}
