//! The `cohort` binary: parse, run, report, exit. All the work is in the library.

fn main() {
    std::process::exit(cohort::cli::main());
}
