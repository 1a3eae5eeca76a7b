import Foundation

/// Work started on a thread of its own, whose result the caller collects
/// later with ``result()``. Start-up uses it to read the model files and
/// parse the topic plugins while the safety rules compile: the three are
/// independent, and the models and the rules each take about half of
/// start-up on one core.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    // Written once by the worker before `finished` is signalled, read only
    // after waiting for that signal: the semaphore orders the two, which is
    // why this class may be @unchecked Sendable.
    private var value: Value?
    private let finished = DispatchSemaphore(value: 0)

    /// Starts `work` at once on a new thread.
    init(_ work: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            value = work()
            finished.signal()
        }
        thread.start()
    }

    /// The work's result, waiting for it if it is still running. Call once.
    func result() -> Value {
        finished.wait()
        return value!
    }
}
