//! A progress bar on stderr for runs over many files.
//!
//! It is drawn only when stderr is a terminal, so output redirected to a
//! file or a pipe (and every test) sees nothing of it, and it is cleared
//! when the run ends, before any error line is printed.

use std::io::{self, IsTerminal};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// The fewest files for which a bar is drawn.
const MIN_FILES: usize = 2;

/// The bar over a run of files; cleared when dropped.
pub struct Progress(ProgressBar);

impl Progress {
    /// A bar over `n_files` files, hidden for fewer than [`MIN_FILES`] or
    /// when stderr is not a terminal.
    pub fn files(n_files: usize) -> Progress {
        if n_files < MIN_FILES || !io::stderr().is_terminal() {
            return Progress(ProgressBar::hidden());
        }
        let bar = ProgressBar::with_draw_target(
            Some(u64::try_from(n_files).unwrap_or(u64::MAX)),
            ProgressDrawTarget::stderr(),
        );
        if let Ok(style) = ProgressStyle::with_template(
            "{bar:30} {pos}/{len} files, {elapsed} ({eta} left) {wide_msg}",
        ) {
            bar.set_style(style);
        }
        Progress(bar)
    }

    /// Shows which file is being worked on.
    pub fn working_on(&self, file: &str) {
        self.0.set_message(file.to_owned());
    }

    /// Counts one file done.
    pub fn done_one(&self) {
        self.0.inc(1);
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.0.finish_and_clear();
    }
}
