import ArgumentParser

/// The exit codes of every subcommand (documented in `--help` and the README).
enum PressworkExit {
    /// Every article was written.
    static let success = ExitCode(0)
    /// A fatal error: bad input paths, an unwritable output, a socket that cannot bind.
    static let fatal = ExitCode(1)
    /// The run finished, but some articles are in the dead-letter shard.
    static let finishedWithFailures = ExitCode(2)
    /// Bad flags or arguments (ArgumentParser's own code, EX_USAGE).
    static let usage = ExitCode.validationFailure
}
