import Foundation

/// The semantic safety net behind the rules: a message whose meaning is
/// closer to known crisis lines than to anything benign is treated as a
/// possible crisis even when no rule fires.
///
/// Rules list wordings; the net carries over to wordings nobody listed ("a
/// passive wish not to go on", a typo inside the key word). Its data are the
/// safety tables in `Plugins/safety/tables/*.tsv` (`expect<TAB>category<TAB>message`,
/// where `expect` is `crisis`, `benign` or `distress`); every topic and
/// out-of-scope example counts as benign too, so the net does not fire on
/// the questions about depression, SSRIs and mood that topics answer.
public struct SafetyNet: Sendable {
    /// What a line of the tables stands for.
    public enum Kind: String, Sendable, CaseIterable {
        /// A crisis message, filed under its rule category.
        case crisis
        /// A message that must not be intercepted.
        case benign
        /// Distress that is not a crisis: "I can't stop crying".
        case distress
    }

    /// One line of a table.
    public struct Line: Sendable, Equatable {
        /// What it stands for.
        public var kind: Kind
        /// The crisis category (`suicidal`, `overdose`, ...) or the kind again.
        public var category: String
        /// The message.
        public var text: String

        /// A line with the given fields.
        public init(kind: Kind, category: String, text: String) {
            self.kind = kind
            self.category = category
            self.text = text
        }
    }

    /// The folder of tables inside a safety folder.
    public static let folder = "tables"

    /// Every line the net was built from.
    public let lines: [Line]
    /// The crisis categories, in the order their groups are laid out.
    public let categories: [String]
    /// The lines of each group: one per category, then benign, then distress.
    public let groups: [[String]]
    /// Shorter messages are left to the rules: up to three words ("exit",
    /// "no way", "how long tho") say too little for their meaning to be read
    /// reliably. Of the 130 crisis lines of four words or fewer in the tables
    /// and safety sets, rules catch every one of three words or fewer.
    public var minimumWords = 4

    /// A net over `lines`.
    public init(lines: [Line]) {
        let crisis = lines.filter { $0.kind == .crisis }
        var categories: [String] = []
        for line in crisis where !categories.contains(line.category) { categories.append(line.category) }
        self.lines = lines
        self.categories = categories
        self.groups =
            categories.map { category in crisis.filter { $0.category == category }.map(\.text) }
            + [lines.filter { $0.kind == .benign }.map(\.text), lines.filter { $0.kind == .distress }.map(\.text)]
    }

    /// What the net made of one message.
    public struct Judgement: Sendable, Equatable {
        /// The category of the closest crisis line, when the net fires.
        public var crisisCategory: String?
        /// Whether the message reads as distress that is not a crisis.
        public var distress: Bool
        /// The cosine of the closest crisis line.
        public var nearestCrisis: Float
        /// The cosine of the closest benign text (tables, topic and out-of-scope examples).
        public var nearestBenign: Float
        /// The cosine of the closest distress line.
        public var nearestDistress: Float
        /// How far the ``CrisisClassifier`` leans towards crisis, when the
        /// reading has one.
        public var lean: Float? = nil

        /// Nothing found: for messages the encoder cannot read.
        public static let none = Judgement(crisisCategory: nil, distress: false, nearestCrisis: 0, nearestBenign: 0, nearestDistress: 0)
    }

    /// The judgement on a message from its similarities, read with the
    /// encoder's `calibration`: the groups of ``groups`` are laid out in the
    /// shared index from `offset`; `alsoBenign` are the other groups there
    /// (topics, out of scope); `words` is how many words the message has;
    /// `lean` is the ``CrisisClassifier``'s reading of it, if there is one.
    public func judge(
        _ similarity: SemanticIndex.Similarity, calibration: Calibration, offset: Int, alsoBenign: Range<Int>, words: Int,
        lean: Float? = nil
    ) -> Judgement {
        var nearestCrisis: Float = -1
        var category: String?
        for (position, name) in categories.enumerated() where similarity.closest[offset + position] > nearestCrisis {
            nearestCrisis = similarity.closest[offset + position]
            category = name
        }
        var nearestBenign = similarity.closest[offset + categories.count]
        for group in alsoBenign { nearestBenign = max(nearestBenign, similarity.closest[group]) }
        let nearestDistress = similarity.closest[offset + categories.count + 1]
        // A line close by, or the crisis side of the space as a whole with
        // no benign text clearly closer.
        let nearLine = calibration.isNearCrisisLine(nearestCrisis: nearestCrisis, nearestBenign: nearestBenign)
        let onCrisisSide =
            words >= calibration.minimumLeanWords && (lean ?? -.infinity) >= calibration.minimumLean
            && nearestCrisis - nearestBenign >= calibration.leanMargin
        let fires = words >= minimumWords && (nearLine || onCrisisSide)
        let distress =
            words >= minimumWords && nearestDistress >= calibration.minimumDistress
            && nearestDistress - nearestBenign >= calibration.distressMargin
        return Judgement(
            crisisCategory: fires ? category : nil, distress: distress,
            nearestCrisis: nearestCrisis, nearestBenign: nearestBenign, nearestDistress: nearestDistress, lean: lean)
    }

    /// Reads every table in `directory/tables`, in file-name order. A line
    /// that is not `expect<TAB>category<TAB>message` is an error with its
    /// file and line: safety fails closed.
    public static func loadLines(directory: String) throws(FileError) -> [Line] {
        let folder = (directory as NSString).appendingPathComponent(Self.folder)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".tsv") }.sorted()
        } catch {
            throw FileError(file: folder, line: nil, message: "the safety net's tables were not found")
        }
        guard !names.isEmpty else { throw FileError(file: folder, line: nil, message: "the safety net has no tables (*.tsv)") }
        var lines: [Line] = []
        for name in names {
            lines += try readTable(path: (folder as NSString).appendingPathComponent(name))
        }
        guard lines.contains(where: { $0.kind == .crisis }), lines.contains(where: { $0.kind == .benign }) else {
            throw FileError(file: folder, line: nil, message: "the safety net needs both crisis and benign lines")
        }
        return lines
    }

    /// The lines of one table.
    static func readTable(path: String) throws(FileError) -> [Line] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileError(file: path, line: nil, message: "cannot read this table")
        }
        // Split as bytes (see `byteRanges(separatedBy:)`): the tables hold
        // thousands of lines, and decoding them into Characters to find the
        // tabs cost more than the rest of reading them.
        let bytes = [UInt8](data)
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw FileError(file: path, line: nil, message: "this table is not UTF-8 text")
        }
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        var lines: [Line] = []
        for (number, raw) in bytes.byteRanges(separatedBy: UInt8(ascii: "\n")).enumerated() {
            let line = raw.last.map { bytes[$0] == UInt8(ascii: "\r") } == true ? raw.dropLast() : raw
            if line.isEmpty || bytes[line.lowerBound] == UInt8(ascii: "#") { continue }
            let fields = bytes[line].byteRanges(separatedBy: UInt8(ascii: "\t"), maxSplits: 2)
            guard fields.count == 3, let kind = Kind(rawValue: text(fields[0])), !fields[2].isEmpty else {
                throw FileError(
                    file: path, line: number + 1,
                    message: "expected expect<TAB>category<TAB>message, with expect one of crisis, benign, distress")
            }
            lines.append(Line(kind: kind, category: text(fields[1]), text: text(fields[2])))
        }
        return lines
    }
}
