//! The command line: `generate`, `model` and `check` over a docs checkout.

use clap::{Parser, Subcommand, ValueEnum};
use graph_docs_codegen::{diag::Severity, emit, ir::Model, load, write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "graph-docs-codegen",
    version,
    about = "Rust models and endpoint stubs from the Microsoft Graph reference docs"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum VersionArg {
    #[value(name = "v1.0")]
    V1,
    Beta,
    All,
}

#[derive(clap::Args)]
struct Input {
    /// Docs root: the folder holding `api-reference/<version>/{api,resources}`.
    #[arg(long, default_value = "docs-src")]
    docs: PathBuf,
    #[arg(long, value_enum, default_value = "all")]
    version: VersionArg,
    /// Print every diagnostic, not only the summary.
    #[arg(long)]
    verbose: bool,
    /// Exit with 1 when any warning is reported.
    #[arg(long)]
    deny_warnings: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Generate a complete crate (Cargo.toml and src/) into --out.
    Generate {
        #[command(flatten)]
        input: Input,
        #[arg(long, default_value = "generated")]
        out: PathBuf,
        /// Package name of the generated crate.
        #[arg(long, default_value = "graph-docs-generated")]
        crate_name: String,
        /// Also write a markdown report of what each version yielded.
        #[arg(long)]
        report: Option<PathBuf>,
    },
    /// Print the model of one version.
    Model {
        #[command(flatten)]
        input: Input,
        /// Print JSON (the only format for now).
        #[arg(long)]
        json: bool,
    },
    /// Exit non-zero when the generated crate in --out is not what the docs give.
    Check {
        #[command(flatten)]
        input: Input,
        #[arg(long, default_value = "generated")]
        out: PathBuf,
        #[arg(long, default_value = "graph-docs-generated")]
        crate_name: String,
    },
}

fn versions(docs: &Path, arg: VersionArg) -> Result<Vec<&'static str>, String> {
    if !docs.join("api-reference").is_dir() {
        return Err(format!(
            "{}: not a docs root (no api-reference folder)",
            docs.display()
        ));
    }
    let available = graph_docs_codegen::available_versions(docs);
    let wanted: Vec<&str> = match arg {
        VersionArg::V1 => vec!["v1.0"],
        VersionArg::Beta => vec!["beta"],
        VersionArg::All => available.clone(),
    };
    match wanted.iter().find(|v| !available.contains(v)) {
        Some(missing) => Err(format!(
            "{}: no api-reference/{missing} folder",
            docs.display()
        )),
        None if wanted.is_empty() => Err(format!(
            "{}: no version folder under api-reference",
            docs.display()
        )),
        None => Ok(wanted),
    }
}

fn load_models(input: &Input) -> Result<Vec<Model>, String> {
    Ok(versions(&input.docs, input.version)?
        .into_iter()
        .map(|v| load(&input.docs, v).model)
        .collect())
}

/// Prints diagnostics to stderr and tells whether the run must fail.
fn report_diagnostics(models: &[Model], input: &Input) -> bool {
    let mut failed = false;
    for model in models {
        let mut by_code: std::collections::BTreeMap<(&str, Severity), usize> = Default::default();
        for d in &model.diagnostics {
            *by_code.entry((d.code, d.severity)).or_default() += 1;
            failed |= d.severity == Severity::Error || input.deny_warnings;
            if input.verbose {
                eprintln!(
                    "{}:{}:{}: {:?}[{}]: {}",
                    d.file, d.line, d.column, d.severity, d.code, d.message
                );
            }
        }
        let types = model.types.len();
        eprintln!(
            "{}: {types} types, {} diagnostics",
            model.version,
            model.diagnostics.len()
        );
        for ((code, severity), n) in by_code {
            eprintln!("  {n:>6} {severity:?}[{code}]");
        }
    }
    failed
}

fn run(cli: Cli) -> Result<bool, String> {
    match cli.command {
        Command::Generate {
            input,
            out,
            crate_name,
            report,
        } => {
            let models = load_models(&input)?;
            let files = emit::emit_crate(&models, &emit::CrateOptions { name: crate_name })?;
            write::write_tree(&out, &files)
                .map_err(|e| format!("{}: cannot write output: {e}", out.display()))?;
            if let Some(path) = report {
                std::fs::write(&path, graph_docs_codegen::report::markdown(&models))
                    .map_err(|e| format!("{}: {e}", path.display()))?;
            }
            eprintln!("wrote {} files to {}", files.len(), out.display());
            Ok(report_diagnostics(&models, &input))
        }
        Command::Model { input, json: _ } => {
            let models = load_models(&input)?;
            let failed = report_diagnostics(&models, &input);
            let text = if models.len() == 1 {
                serde_json::to_string_pretty(&models[0])
            } else {
                serde_json::to_string_pretty(&models)
            };
            println!("{}", text.map_err(|e| e.to_string())?);
            Ok(failed)
        }
        Command::Check {
            input,
            out,
            crate_name,
        } => {
            let models = load_models(&input)?;
            let files = emit::emit_crate(&models, &emit::CrateOptions { name: crate_name })?;
            let stale = write::stale_files(&out, &files);
            for path in &stale {
                eprintln!("stale: {}", out.join(path).display());
            }
            if stale.is_empty() {
                eprintln!("{} is up to date", out.display());
            }
            Ok(!stale.is_empty())
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(false) => ExitCode::SUCCESS,
        Ok(true) => ExitCode::from(1),
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}
