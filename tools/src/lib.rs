//! Measurement programs of `according`, and the code they share with the
//! library's benchmarks.
//!
//! The programs are binaries of this crate, run from the workspace root:
//!
//! ```sh
//! cargo run --release -p according-tools --bin polnear_eval -- corpora/polnear/dev
//! cargo run --release -p according-tools --bin scale -- 10000000
//! cargo run --release -p according-tools --bin memory -- 10000000
//! ```
//!
//! - `polnear_eval`: extraction accuracy on a split of the PolNeAR corpus,
//!   under the span-scoring protocol of `according::eval`.
//! - `scale`: time per report of the batch queries at one size, beside the
//!   bare loop of [`baseline`].
//! - `memory`: resident memory per report and per relay, phase by phase.
//!
//! [`baseline`] is a library module so that `scale` and the library's
//! `batch` benchmark time the same floor.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod baseline;
