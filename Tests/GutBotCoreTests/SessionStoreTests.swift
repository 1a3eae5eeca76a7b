import GutBotCore
import Testing

/// The bounded session store behind `gutbot --json`.
@Suite struct SessionStoreTests {
    private func turned(_ id: String, _ turn: Int) -> Session {
        var session = Session(id: id)
        session.turn = turn
        return session
    }

    @Test func theLeastRecentlyUsedSessionIsForgotten() {
        var store = SessionStore(capacity: 3)
        for id in ["a", "b", "c"] { store.save(turned(id, 1)) }
        // Reading "a" makes it the most recent, so "b" goes when "d" arrives.
        #expect(store.session("a").turn == 1)
        store.save(turned("d", 1))
        #expect(store.count == 3)
        #expect(!store.contains("b"))
        #expect(["a", "c", "d"].allSatisfy(store.contains))
        // Saving counts as use too: "c" is now the oldest.
        store.save(turned("a", 2))
        store.save(turned("e", 1))
        #expect(!store.contains("c"))
        #expect(store.session("a").turn == 2)
        #expect(store.session("c").turn == 0, "a forgotten session starts afresh")
    }

    @Test(arguments: [1, 2, 7, 100])
    func theBoundHoldsUnderAnyTraffic(capacity: Int) {
        var store = SessionStore(capacity: capacity)
        var state: UInt64 = 42
        for step in 0..<5_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let id = "s\(state >> 58)"  // 64 ids, revisited at random
            var session = store.session(id)
            session.turn += 1
            store.save(session)
            #expect(store.count <= capacity)
            #expect(store.contains(id), "step \(step)")
        }
    }
}
