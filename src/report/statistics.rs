//! `--statistics`: how many findings each rule has, most first, instead of
//! the findings themselves (as ruff's `--statistics`), then the summary.
//!
//! ```text
//!     3  deficit-label      Labels the person instead of describing what happened.
//!     1  blame-question     A "why" question that blames the person rather than wondering about the situation.
//! regard: 4 phrases to reconsider in 2 of 5 notes.
//! ```

use std::fmt::Write;

use miette::Diagnostic;

use super::source::one_line;
use super::{human, Emitter, RunOutput};

pub struct StatisticsOutput {
    /// `-q`: the summary line only.
    pub quiet: bool,
}

impl Emitter for StatisticsOutput {
    fn finish(&self, run: &RunOutput<'_>) -> Result<String, Box<dyn Diagnostic + Send + Sync>> {
        let mut out = String::new();
        if !self.quiet {
            let mut counts: Vec<(usize, usize)> = run
                .by_rule
                .iter()
                .copied()
                .enumerate()
                .filter(|&(_, n)| n > 0)
                .collect();
            // Most first; a tie in the order of the rules.
            counts.sort_by_key(|&(rule, n)| (std::cmp::Reverse(n), rule));
            let count_width = counts
                .first()
                .map_or(1, |&(_, n)| n.to_string().len())
                .max(5);
            let id_width = counts
                .iter()
                .map(|&(rule, _)| run.rules[rule].id.chars().count())
                .max()
                .unwrap_or(0);
            for (rule, n) in counts {
                let rule = &run.rules[rule];
                writeln!(
                    out,
                    "{n:>count_width$}  {:<id_width$}  {}",
                    rule.id,
                    one_line(&rule.summary)
                )
                .expect("writing to a String cannot fail");
            }
        }
        Ok(out + &human::closing_line(run))
    }
}
