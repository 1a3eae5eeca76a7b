import Synchronization

/// A value made the first time it is asked for, and only once however many
/// threads ask at once: for start-up work that many runs never need, such as
/// a safety pattern no message runs or the deep reading's index.
final class OnFirstUse<Value: Sendable>: Sendable {
    private enum State {
        case made(Value)
        case pending(@Sendable () -> Value)
    }

    // A lock rather than a `lazy var`: values are shared across threads, and
    // two first uses at once must not both make it. The lock is held while
    // the value is made, so the second waits for the first's.
    private let state: Mutex<State>

    /// A value already made.
    init(made value: Value) {
        state = Mutex(.made(value))
    }

    /// A value `make` makes when it is first asked for.
    init(_ make: @escaping @Sendable () -> Value) {
        state = Mutex(.pending(make))
    }

    /// The value, made now if this is the first time it is asked for.
    var value: Value {
        state.withLock { state in
            switch state {
            case .made(let value):
                return value
            case .pending(let make):
                let value = make()
                // Dropping `make` lets go of what it held on to.
                state = .made(value)
                return value
            }
        }
    }

    /// Whether the value has been made yet.
    var isMade: Bool {
        state.withLock { state in
            if case .made = state { return true }
            return false
        }
    }
}
