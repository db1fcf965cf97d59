import Foundation

/// Runs a test's blocking work on threads of its own instead of Swift concurrency's cooperative pool.
///
/// Swift Testing runs tests in parallel on the cooperative pool, which has about one thread per
/// core. A test that waits for a child process, sleeps in a polling loop, blocks in a socket call
/// or computes for a minute keeps one of those threads for as long: on a two-core machine two such
/// tests stall every other test of the package, and the stalled tests' time limits count the wait.
///
/// `DedicatedThreads.run { … }` keeps the test's own task (so `#expect`, `#require` and the test's
/// time limit work as usual) but makes the task prefer this executor, which starts a new thread
/// for each job it is given. The test function is `async` and awaits the call; the body inside is
/// ordinary synchronous code.
public final class DedicatedThreads: TaskExecutor {
    /// The one executor; it holds no state, each job gets a fresh thread.
    public static let executor = DedicatedThreads()

    private static let marker = "presswork.tests.dedicated-thread"

    private init() {}

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let thread = Thread {
            Thread.current.threadDictionary[Self.marker] = true
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
        thread.start()
    }

    /// Whether the calling code runs on one of this executor's threads.
    public static var isCurrent: Bool {
        Thread.current.threadDictionary[marker] as? Bool == true
    }

    /// Runs `body` on a dedicated thread, as part of the calling task, and returns its result.
    public static func run<Result, Failure: Error>(
        isolation: isolated (any Actor)? = #isolation, _ body: () throws(Failure) -> Result
    ) async throws(Failure) -> Result {
        try await withTaskExecutorPreference(executor, isolation: isolation) { () throws(Failure) -> Result in
            try body()
        }
    }
}
