/// Every literal the safety patterns require, found in one pass over a form
/// with an Aho-Corasick automaton over bytes: the half of ``SafetyPrefilter``
/// that runs on every form. Built once per rulebook, when the safety data
/// loads; used by nothing else.
struct SafetyLiteralIndex: Sendable {
    /// The literals, by id.
    let literals: [String]
    private let ids: [String: Int]
    // The automaton: transitions[state * classCount + class], with failures resolved.
    private let transitions: [Int32]
    private let classOfByte: [UInt8]
    private let classCount: Int
    // Literal ids ending at each state, and the next state down the failure chain that has any.
    private let outputs: [[Int32]]
    private let outputLink: [Int32]

    /// An index of `literals`.
    init(literals: some Sequence<String>) {
        var unique: [String] = []
        var ids: [String: Int] = [:]
        for literal in literals where !literal.isEmpty && ids[literal] == nil {
            ids[literal] = unique.count
            unique.append(literal)
        }
        self.literals = unique
        self.ids = ids

        var classOfByte = [UInt8](repeating: 0, count: 256)
        var classCount = 1
        for literal in unique {
            for byte in literal.utf8 where classOfByte[Int(byte)] == 0 {
                classOfByte[Int(byte)] = UInt8(classCount)
                classCount += 1
            }
        }
        self.classOfByte = classOfByte
        self.classCount = classCount

        // The trie, one row of `classCount` transitions per state (-1: none yet).
        var goto = [Int32](repeating: -1, count: classCount)
        var outputs: [[Int32]] = [[]]
        for (id, literal) in unique.enumerated() {
            var state = 0
            for byte in literal.utf8 {
                let slot = state * classCount + Int(classOfByte[Int(byte)])
                if goto[slot] < 0 {
                    goto[slot] = Int32(outputs.count)
                    goto += repeatElement(-1, count: classCount)
                    outputs.append([])
                }
                state = Int(goto[slot])
            }
            outputs[state].append(Int32(id))
        }
        // Failure links, breadth first, turning the trie into a full automaton.
        let stateCount = outputs.count
        var failure = [Int32](repeating: 0, count: stateCount)
        var outputLink = [Int32](repeating: -1, count: stateCount)
        var queue: [Int] = []
        queue.reserveCapacity(stateCount)
        for symbol in 0..<classCount {
            if goto[symbol] < 0 { goto[symbol] = 0 } else { queue.append(Int(goto[symbol])) }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            let fail = Int(failure[state])
            outputLink[state] = outputs[fail].isEmpty ? outputLink[fail] : Int32(fail)
            let row = state * classCount
            let failRow = fail * classCount
            for symbol in 0..<classCount {
                let next = goto[row + symbol]
                if next < 0 {
                    goto[row + symbol] = goto[failRow + symbol]
                } else {
                    failure[Int(next)] = state == 0 ? 0 : goto[failRow + symbol]
                    queue.append(Int(next))
                }
            }
        }
        self.transitions = goto
        self.outputs = outputs
        self.outputLink = outputLink
    }

    /// The id of `literal`, if it is indexed.
    func id(of literal: String) -> Int? { ids[literal] }

    /// Which literals occur in `text`, by id.
    func present(in text: String) -> [Bool] {
        var found = [Bool](repeating: false, count: literals.count)
        guard !literals.isEmpty else { return found }
        var state = 0
        for byte in text.utf8 {
            state = Int(transitions[state * classCount + Int(classOfByte[Int(byte)])])
            var hit = outputs[state].isEmpty ? Int(outputLink[state]) : state
            while hit > 0 {
                for id in outputs[hit] { found[Int(id)] = true }
                hit = Int(outputLink[hit])
            }
        }
        return found
    }
}
