//! Command-line behaviour: exit codes, stdin, folders, errors, output.
//! Each case is `tests/cmd/<case>.toml` (run with `TRYCMD=overwrite` to
//! refresh expected output after a deliberate change, then review the diff).

#[test]
fn cli() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
