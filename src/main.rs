use std::io::{BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = regard::cli::Cli::parse();
    let (stdout, stderr) = (std::io::stdout(), std::io::stderr());
    // Standard output is line-buffered, which costs a write per note with
    // findings; into a pipe or file (CI, `--format json > out.json`), write
    // in large blocks instead, as ripgrep does. Every command flushes its
    // output when done (the server after each message).
    let mut out: Box<dyn Write> = if stdout.is_terminal() {
        Box::new(stdout.lock())
    } else {
        Box::new(BufWriter::with_capacity(64 * 1024, stdout.lock()))
    };
    match regard::run(cli, &mut out, &mut stderr.lock()) {
        Ok(status) => ExitCode::from(status.code()),
        Err(e) => {
            drop(out);
            eprintln!("{:?}", miette::Report::new(e));
            ExitCode::from(2)
        }
    }
}
