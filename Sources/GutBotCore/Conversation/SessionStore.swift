/// The conversations one process keeps, by session id, bounded: when a new
/// session would make more than ``capacity``, the one used least recently is
/// forgotten. Memory stays flat however many ids a client sends; a forgotten
/// session that comes back starts afresh (its turn count from 1).
///
/// Lookups, updates and evictions take constant time: a dictionary from id to
/// a slot, and the slots chained from least to most recently used.
public struct SessionStore: Sendable {
    /// The default bound of `gutbot --json`: far more conversations than one
    /// process serves at once, and about 10 MB at most.
    public static let defaultCapacity = 10_000

    /// The most sessions kept.
    public let capacity: Int

    private struct Slot: Sendable {
        var session: Session
        var older: Int
        var newer: Int
    }

    private var slots: [Slot] = []
    private var index: [String: Int] = [:]
    /// Least and most recently used slots; -1 when empty.
    private var oldest = -1
    private var newest = -1

    /// A store keeping at most `capacity` sessions (at least one).
    public init(capacity: Int = SessionStore.defaultCapacity) {
        self.capacity = max(1, capacity)
    }

    /// How many sessions are kept.
    public var count: Int { index.count }

    /// The session with `id`, new if it was never seen or was forgotten;
    /// it becomes the most recently used.
    public mutating func session(_ id: String) -> Session {
        guard let slot = index[id] else { return Session(id: id) }
        touch(slot)
        return slots[slot].session
    }

    /// Stores `session` as the most recently used, forgetting the least
    /// recently used one when the store is full.
    public mutating func save(_ session: Session) {
        if let slot = index[session.id] {
            slots[slot].session = session
            touch(slot)
            return
        }
        let slot: Int
        if index.count >= capacity {
            // Reuse the oldest slot: no allocation once the store is full.
            slot = oldest
            index[slots[slot].session.id] = nil
            unlink(slot)
            slots[slot] = Slot(session: session, older: -1, newer: -1)
        } else {
            slot = slots.count
            slots.append(Slot(session: session, older: -1, newer: -1))
        }
        index[session.id] = slot
        append(slot)
    }

    /// Whether a session with `id` is kept.
    public func contains(_ id: String) -> Bool { index[id] != nil }

    private mutating func touch(_ slot: Int) {
        guard slot != newest else { return }
        unlink(slot)
        append(slot)
    }

    private mutating func unlink(_ slot: Int) {
        let older = slots[slot].older
        let newer = slots[slot].newer
        if older >= 0 { slots[older].newer = newer } else { oldest = newer }
        if newer >= 0 { slots[newer].older = older } else { newest = older }
        slots[slot].older = -1
        slots[slot].newer = -1
    }

    private mutating func append(_ slot: Int) {
        slots[slot].older = newest
        slots[slot].newer = -1
        if newest >= 0 { slots[newest].newer = slot } else { oldest = slot }
        newest = slot
    }
}
