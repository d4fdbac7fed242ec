use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = regard::cli::Cli::parse();
    let (stdout, stderr) = (std::io::stdout(), std::io::stderr());
    match regard::run(cli, &mut stdout.lock(), &mut stderr.lock()) {
        Ok(status) => ExitCode::from(status.code()),
        Err(e) => {
            eprintln!("{:?}", miette::Report::new(e));
            ExitCode::from(2)
        }
    }
}
