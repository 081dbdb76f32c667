//! Writing output: to stdout, or whole to a file.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::failure::Failure;

/// The `-o OUTPUT` argument of every command that writes a result.
#[derive(clap::Args)]
pub struct OutputArg {
    /// Where to write; '-' or none is stdout
    #[arg(short, long, value_name = "OUTPUT")]
    pub output: Option<String>,
}

impl OutputArg {
    /// Where the output goes.
    pub fn output(&self) -> Output {
        Output::from_arg(self.output.as_deref())
    }
}

/// Where output goes.
pub enum Output {
    Stdout,
    File(PathBuf),
}

impl Output {
    /// Stdout for no argument or `-`, else the file.
    pub fn from_arg(arg: Option<&str>) -> Output {
        match arg {
            None | Some("-") => Output::Stdout,
            Some(path) => Output::File(PathBuf::from(path)),
        }
    }

    fn name(&self) -> String {
        match self {
            Output::Stdout => "-".to_owned(),
            Output::File(path) => path.display().to_string(),
        }
    }

    /// Runs `write` on the output. A file is written to a temporary file in
    /// the same directory and renamed into place, so a reader never sees a
    /// half-written file and a failure leaves the old one as it was.
    pub fn write_with(
        &self,
        write: impl FnOnce(&mut dyn Write) -> Result<(), according::Error>,
    ) -> Result<(), Failure> {
        let fail = |e: &dyn std::fmt::Display| Failure::input(&self.name(), e);
        match self {
            Output::Stdout => {
                let stdout = io::stdout();
                let mut out = io::BufWriter::new(stdout.lock());
                write(&mut out).map_err(|e| fail(&e))?;
                out.flush().map_err(|e| fail(&e))
            }
            Output::File(path) => {
                let temp = temp_path(path);
                let result = (|| {
                    let file = fs::File::create(&temp).map_err(|e| fail(&e))?;
                    let mut out = io::BufWriter::new(file);
                    write(&mut out).map_err(|e| fail(&e))?;
                    let file = out.into_inner().map_err(|e| fail(&e.into_error()))?;
                    file.sync_all().map_err(|e| fail(&e))?;
                    fs::rename(&temp, path).map_err(|e| fail(&e))
                })();
                if result.is_err() {
                    // Best effort: the temporary file is ours and useless now.
                    let _ = fs::remove_file(&temp);
                }
                result
            }
        }
    }
}

/// A hidden file beside `path`, named after it and this process.
fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    let temp_name = format!(".{name}.{}.tmp", std::process::id());
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.join(temp_name),
        _ => PathBuf::from(temp_name),
    }
}
