//! The command line: `generate`, `model` and `check` over a docs checkout, `verify` of its
//! examples (in `verify_cli`), and `diff` of two (in `diff_cli`).
//!
//! Exit codes: 0 generated (or up to date, or every example passed); 1 generated, but the
//! docs have errors, a warning tripped `--deny-warnings`, `check` found stale files (it
//! then tells what changed since the crate's lock file: the verdict and the counts by
//! kind) or an example failed `verify`; 2 bad arguments, an unreadable docs root or lock
//! file, an unwritable output or a scratch crate that does not build (clap's own argument
//! errors exit 2 too). `diff` exits 0 whatever the verdict, 2 on bad input.

mod allocator;
mod diff_cli;
mod queries_cli;
mod render;
mod verify_cli;

use clap::{Parser, Subcommand, ValueEnum};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use graph_docs_codegen::emit::areas::Selection;
use graph_docs_codegen::snapshot::{self, Lock, Snapshot};
use graph_docs_codegen::{builder::Built, diag, diag::Severity, ir::Model, write, Builder};
use render::{Listing, MessageFormat, Reporter};
use std::io::IsTerminal;
use std::num::NonZeroUsize;
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
    command: TopLevel,
}

#[derive(Subcommand)]
enum TopLevel {
    #[command(flatten)]
    Docs(Command),
    /// Print the `Cargo.toml` lines a crate that includes generated code from its build
    /// script needs: the runtime's dependencies, and this generator as a build dependency.
    Dependencies,
    /// Compare the APIs two docs revisions generate; markdown for a pull request, or JSON.
    Diff(diff_cli::DiffArgs),
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
    /// List every diagnostic, not only the count by code.
    #[arg(long)]
    verbose: bool,
    /// List the diagnostics with this code (repeatable); codes are in docs/diagnostics.md.
    #[arg(long = "code", value_name = "CODE")]
    codes: Vec<String>,
    /// Exit with 1 when any warning is reported.
    #[arg(long)]
    deny_warnings: bool,
    /// Worker threads [default: one per core]. Output does not depend on it.
    #[arg(long, value_name = "N")]
    jobs: Option<NonZeroUsize>,
}

#[derive(clap::Args)]
struct Select {
    /// Generate only this area's endpoints and the types they need (repeatable), as named
    /// in `endpoints` (`users`, `device_management`); with none, everything.
    #[arg(long = "area", value_name = "AREA")]
    areas: Vec<String>,
    /// Generate only the operations with a path under this prefix (repeatable), as `/users/{id}/messages`.
    #[arg(long = "path", value_name = "PREFIX")]
    paths: Vec<String>,
}

#[derive(clap::Args)]
struct Package {
    /// Package name of the generated crate.
    #[arg(long, default_value = "graph-docs-generated")]
    crate_name: String,
    /// Package version of the generated crate. Default: the version the lock file in --out
    /// records, else 0.1.0.
    #[arg(long, value_name = "VERSION")]
    crate_version: Option<String>,
}

#[derive(clap::Args)]
struct Output {
    /// `human` writes to stderr; `json` writes one object per line to stdout and nothing to stderr.
    #[arg(long, value_enum, default_value = "human")]
    message_format: MessageFormat,
}

#[derive(Subcommand)]
enum Command {
    /// Generate a complete crate (Cargo.toml and src/) into --out.
    Generate {
        #[command(flatten)]
        input: Input,
        #[command(flatten)]
        output: Output,
        #[command(flatten)]
        select: Select,
        #[arg(long, default_value = "generated")]
        out: PathBuf,
        #[command(flatten)]
        package: Package,
        /// Give the crate the version its lock file in --out records, bumped by what changed
        /// since: by the semver verdict, or a patch when only descriptions, source lines or
        /// the generator changed.
        #[arg(long, conflicts_with = "crate_version")]
        bump: bool,
        /// Also write a markdown report of what each version yielded.
        #[arg(long)]
        report: Option<PathBuf>,
    },
    /// List the areas of each version (the modules and cargo features a selection names),
    /// with how many operations each has and the path segment it is named after.
    Areas {
        #[command(flatten)]
        input: Input,
    },
    /// Print the model of one version.
    Model {
        #[command(flatten)]
        input: Input,
        /// Print JSON (the only format for now).
        #[arg(long)]
        json: bool,
    },
    /// Exit 1 when the generated crate in --out is not what the docs give, telling what
    /// changed since its lock file: the semver verdict and the counts by change kind.
    Check {
        #[command(flatten)]
        input: Input,
        #[command(flatten)]
        output: Output,
        #[command(flatten)]
        select: Select,
        #[arg(long, default_value = "generated")]
        out: PathBuf,
        #[command(flatten)]
        package: Package,
    },
    /// Check every example body of the docs against the code generated from them: builds a
    /// scratch crate with cargo, reads each example with its type; exit 1 if one fails.
    Verify {
        #[command(flatten)]
        input: Input,
        #[command(flatten)]
        verify: verify_cli::VerifyArgs,
    },
    /// Re-express the docs' example queries ($select, $filter, $orderby, $expand) through the
    /// typed query builders: builds a scratch crate with cargo, prints per version
    /// `queries: N round-tripped, M not` and the rest by reason.
    Queries {
        #[command(flatten)]
        input: Input,
        #[command(flatten)]
        queries: queries_cli::QueriesArgs,
    },
}

impl Command {
    fn input(&self) -> &Input {
        match self {
            Command::Generate { input, .. }
            | Command::Model { input, .. }
            | Command::Areas { input }
            | Command::Check { input, .. }
            | Command::Verify { input, .. }
            | Command::Queries { input, .. } => input,
        }
    }

    fn message_format(&self) -> MessageFormat {
        match self {
            Command::Generate { output, .. } | Command::Check { output, .. } => output.message_format,
            Command::Model { .. } | Command::Areas { .. } | Command::Verify { .. } | Command::Queries { .. } => {
                MessageFormat::Human
            }
        }
    }
}

/// The library's builder for these arguments; the CLI prints no `cargo:` directives.
fn builder(input: &Input, select: Option<&Select>) -> Builder {
    let mut builder = Builder::new(&input.docs).cargo_directives(false);
    match input.version {
        VersionArg::V1 => builder = builder.version("v1.0"),
        VersionArg::Beta => builder = builder.version("beta"),
        VersionArg::All => {}
    }
    if let Some(select) = select {
        builder = select.areas.iter().fold(builder, |b, area| b.area(area));
        builder = select.paths.iter().fold(builder, |b, prefix| b.path(prefix));
    }
    builder
}

/// The lock file in a generated crate, if there is one.
fn lock_in(out: &Path) -> Result<Option<Lock>, String> {
    let path = out.join(snapshot::LOCK_FILE);
    if !path.is_file() {
        return Ok(None);
    }
    match snapshot::read(&path)? {
        Snapshot::Lock(lock) => Ok(Some(lock)),
        Snapshot::Export(_) => Err(format!("{}: a model export, not a lock file", path.display())),
    }
}

/// The builder for a crate: its name, and its version as given, else as its lock records it.
fn crate_builder(builder: Builder, package: &Package, lock: Option<&Lock>) -> Builder {
    let builder = builder.crate_name(&package.crate_name);
    match package.crate_version.as_ref().or(lock.and_then(|lock| lock.crate_version.as_ref())) {
        Some(version) => builder.crate_version(version),
        None => builder,
    }
}

impl Select {
    fn selection(&self) -> Selection {
        Selection { areas: self.areas.clone(), paths: self.paths.clone() }
    }
}

/// Checks what clap cannot: codes against the catalogue, and sets up the thread pool.
fn prepare(input: &Input) -> Result<(), String> {
    let known = diag::catalogued_codes();
    if let Some(unknown) = input.codes.iter().find(|c| !known.contains(&c.as_str())) {
        return Err(format!("unknown diagnostic code `{unknown}`; the codes are: {}", known.join(", ")));
    }
    if let Some(jobs) = input.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.get())
            .build_global()
            .map_err(|e| format!("cannot start {jobs} worker threads: {e}"))?;
    }
    Ok(())
}

/// Shows every model's diagnostics and tells whether they fail the run.
fn report_diagnostics<W: codespan_reporting::term::termcolor::WriteColor>(
    reporter: &mut Reporter<W>,
    models: &[Model],
    input: &Input,
) -> bool {
    for model in models {
        reporter.diagnostics(model);
    }
    reporter.hint(models);
    let all = models.iter().flat_map(|m| &m.diagnostics);
    all.clone().any(|d| d.severity == Severity::Error) || (input.deny_warnings && all.count() > 0)
}

fn run(command: Command, format: MessageFormat) -> Result<bool, String> {
    let input = command.input();
    prepare(input)?;
    // Colors only on a terminal; `NO_COLOR` and `TERM=dumb` turn them off there too.
    let color = if std::io::stderr().is_terminal() { ColorChoice::Auto } else { ColorChoice::Never };
    let listing = Listing { verbose: input.verbose, codes: input.codes.clone() };
    let mut reporter = Reporter::new(format, listing, &input.docs, StandardStream::stderr(color));
    match &command {
        Command::Generate { input, select, out, package, bump, report, .. } => {
            let lock = lock_in(out)?;
            let mut builder = crate_builder(builder(input, Some(select)), package, lock.as_ref());
            if *bump {
                let lock = lock.ok_or_else(|| {
                    format!("--bump: {} holds no {} to bump the version from", out.display(), snapshot::LOCK_FILE)
                })?;
                builder = builder.bump_from(lock);
            }
            let Built { models, files, api_change, .. } = builder.write_crate(out)?;
            if let Some(path) = report {
                std::fs::write(path, graph_docs_codegen::report::markdown(&models))
                    .map_err(|e| format!("{}: {e}", path.display()))?;
            }
            reporter.written(out, files);
            if let Some(change) = &api_change {
                reporter.api_change(&out.join(snapshot::LOCK_FILE), change);
            }
            Ok(report_diagnostics(&mut reporter, &models, input))
        }
        Command::Areas { input } => {
            let models = builder(input, None).load()?;
            for model in &models {
                let version = graph_docs_codegen::emit::version_module(&model.version);
                println!("{}:", model.version);
                for (area, segment, operations) in graph_docs_codegen::emit::areas::areas_of(model) {
                    println!("  {area:<40} {operations:>5} operations  feature `{version}-{area}`, path /{segment}");
                }
            }
            Ok(report_diagnostics(&mut reporter, &models, input))
        }
        Command::Model { input, json: _ } => {
            let models = builder(input, None).load()?;
            let failed = report_diagnostics(&mut reporter, &models, input);
            let text = if models.len() == 1 {
                serde_json::to_string_pretty(&models[0])
            } else {
                serde_json::to_string_pretty(&models)
            };
            println!("{}", text.map_err(|e| e.to_string())?);
            Ok(failed)
        }
        Command::Check { input, select, out, package, .. } => {
            // A lock that does not read leaves the version to --crate-version, and the
            // changes untold.
            let lock = lock_in(out);
            let builder =
                crate_builder(builder(input, Some(select)), package, lock.as_ref().ok().and_then(Option::as_ref));
            let (models, files) = builder.crate_files()?;
            let stale = write::stale_files(out, &files);
            let failed = report_diagnostics(&mut reporter, &models, input);
            reporter.stale(out, &stale);
            if !stale.is_empty() {
                let path = out.join(snapshot::LOCK_FILE);
                match lock {
                    Ok(Some(lock)) => {
                        reporter.api_change(&path, &snapshot::api_change(&lock, &models, &select.selection())?)
                    }
                    Ok(None) => reporter.no_lock(&path, "no such file"),
                    Err(e) => reporter.no_lock(&path, &e),
                }
            }
            Ok(failed || !stale.is_empty())
        }
        Command::Verify { input, verify } => {
            let models = builder(input, None).load()?;
            let failed = report_diagnostics(&mut reporter, &models, input);
            Ok(verify_cli::run(&models, verify)? || failed)
        }
        Command::Queries { input, queries } => {
            let mut models = builder(input, None).load()?;
            let report = graph_docs_codegen::queries::run(&models, &queries.scratch)?;
            queries_cli::print(&report, queries);
            // The findings are the docs' own: reported with the others, by code.
            for model in &mut models {
                let version = model.version.clone();
                model
                    .diagnostics
                    .extend(report.diagnostics.iter().filter(|d| d.file.contains(&format!("/{version}/"))).cloned());
            }
            Ok(report_diagnostics(&mut reporter, &models, input))
        }
    }
}

/// What `dependencies` prints.
fn dependency_lines() -> String {
    format!(
        "[dependencies]\n{}\n[build-dependencies]\n# or `path = \"…/codegen\"` for a checkout of the generator\ngraph-docs-codegen = {{ version = \"{}\", default-features = false }}\n",
        graph_docs_codegen::emit::RUNTIME_DEPENDENCIES,
        env!("CARGO_PKG_VERSION")
    )
}

fn main() -> ExitCode {
    allocator::keep_freed_memory();
    // Argument errors exit with 2 (clap's own code); `--help` and `--version` with 0.
    let command = match Cli::parse().command {
        TopLevel::Diff(args) => return diff_cli::main(args),
        TopLevel::Dependencies => {
            print!("{}", dependency_lines());
            return ExitCode::SUCCESS;
        }
        TopLevel::Docs(command) => command,
    };
    let format = command.message_format();
    match run(command, format) {
        Ok(false) => ExitCode::SUCCESS,
        Ok(true) => ExitCode::from(1),
        Err(message) => {
            render::fatal(format, &message);
            ExitCode::from(2)
        }
    }
}
