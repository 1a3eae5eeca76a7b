import Foundation
import Yams

/// A parsed YAML file and typed access to its nodes, every failure reported
/// as a ``FileError`` naming the file and line.
struct YAMLFile {
    let path: String
    let root: Node

    /// Reads and parses `path`.
    init(path: String) throws(FileError) {
        try self.init(path: path, data: Self.read(path))
    }

    /// The bytes of the file at `path`, or why it cannot be read, as
    /// ``init(path:)`` reports it (for callers that look at the bytes before parsing them).
    static func read(_ path: String) throws(FileError) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw FileError(file: path, line: nil, message: "the file does not exist")
        }
        if isDirectory.boolValue {
            throw FileError(file: path, line: nil, message: "this is a directory, where a file should be")
        }
        guard FileManager.default.isReadableFile(atPath: path), let data = FileManager.default.contents(atPath: path) else {
            throw FileError(file: path, line: nil, message: "cannot read the file (permission denied?); gutbot needs to read it")
        }
        return data
    }

    /// Parses `data` read from `path`.
    init(path: String, data: Data) throws(FileError) {
        self.path = path
        guard let text = String(data: data, encoding: .utf8) else {
            throw FileError(file: path, line: Self.firstInvalidLine(data), message: "the file is not valid UTF-8")
        }
        do {
            // The basic resolver gives plain scalars no implicit type: keys are
            // compared as strings, and `true` or a number is read from its text
            // by ``Node/bool`` or ``Node/int`` (a value's tag stays unresolved).
            // The default one ran its regular expressions on every key looked
            // up, 9% of start-up's main thread.
            guard let root = try Yams.compose(yaml: text, .basic) else {
                throw FileError(file: path, line: nil, message: "the file is empty")
            }
            self.root = root
        } catch let error as FileError {
            throw error
        } catch let error as YamlError {
            throw Self.describe(error, path: path)
        } catch {
            throw FileError(file: path, line: nil, message: "\(error)")
        }
    }

    func fail(_ node: Node?, _ message: String) -> FileError {
        FileError(file: path, line: node?.mark?.line, message: message)
    }

    /// The mapping `node` must be.
    func mapping(_ node: Node, what: String) throws(FileError) -> Node.Mapping {
        guard let mapping = node.mapping else { throw fail(node, "\(what) must be a mapping of keys to values") }
        return mapping
    }

    /// The value of a required key of `mapping`.
    func required(_ key: String, in node: Node, what: String) throws(FileError) -> Node {
        guard let value = try mapping(node, what: what)[key] else {
            throw fail(node, "\(what) is missing the required key '\(key)'")
        }
        return value
    }

    /// A required non-empty string.
    func string(_ key: String, in node: Node, what: String) throws(FileError) -> String {
        let value = try required(key, in: node, what: what)
        guard let text = value.scalar?.string.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
            throw fail(value, "'\(key)' in \(what) must be non-empty text")
        }
        return text
    }

    /// An optional string: absent, `null` or `~` give `nil`.
    func optionalString(_ key: String, in node: Node, what: String) throws(FileError) -> String? {
        guard let value = try mapping(node, what: what)[key] else { return nil }
        guard let scalar = value.scalar else { throw fail(value, "'\(key)' in \(what) must be text") }
        if value.null != nil { return nil }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    /// Throws for the first key of `node` (a mapping) that is not in `known`,
    /// naming it, its line and the key it most likely meant.
    func rejectUnknownKeys(in node: Node, known: [String], what: String, why: String? = nil) throws(FileError) {
        guard let unknown = UnknownKey.find(in: try mapping(node, what: what), known: known).first else { return }
        throw FileError(file: path, line: unknown.line, message: unknown.message(what: what, known: known, why: why))
    }

    /// A required non-empty sequence.
    func sequence(_ key: String, in node: Node, what: String) throws(FileError) -> [Node] {
        let value = try required(key, in: node, what: what)
        guard let items = value.sequence, !items.isEmpty else {
            throw fail(value, "'\(key)' in \(what) must be a non-empty list")
        }
        return Array(items)
    }

    /// An optional `text: text` mapping, as synonyms are written.
    func pairs(_ key: String, in node: Node, what: String) throws(FileError) -> [(String, String)] {
        guard let value = try mapping(node, what: what)[key] else { return [] }
        guard let map = value.mapping else { throw fail(value, "'\(key)' in \(what) must map words to words") }
        var result: [(String, String)] = []
        for (word, meaning) in map {
            guard let from = word.scalar?.string, let to = meaning.scalar?.string else {
                throw fail(word, "each entry of '\(key)' must be `word: words`")
            }
            result.append((from, to))
        }
        return result
    }

    private static func describe(_ error: YamlError, path: String) -> FileError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) (\($0.text))" } ?? problem
            return FileError(file: path, line: mark.line, message: "YAML error: \(detail)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams marks the first of the two; the second is the one an author just added.
            let first = context.mark.line
            let again = duplicates.first.flatMap { repeatedLine(of: $0, after: context.mark, in: context.text) }
            return FileError(
                file: path, line: again ?? first,
                message: "YAML error: duplicate key \(duplicates.joined(separator: ", "))"
                    + (again == nil ? "" : " (first at line \(first))"))
        default:
            return FileError(file: path, line: nil, message: "YAML error: \(error)")
        }
    }

    /// The line after `mark` where `key` starts again at the same column.
    private static func repeatedLine(of key: String, after mark: Mark, in text: String) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.column >= 1, mark.line < lines.count else { return nil }
        for index in mark.line..<lines.count {
            let line = lines[index]
            guard line.count >= mark.column else { continue }
            let rest = line.dropFirst(mark.column - 1)
            if rest.hasPrefix(key + ":") || rest.hasPrefix(key + " :") { return index + 1 }
        }
        return nil
    }

    private static func firstInvalidLine(_ data: Data) -> Int? {
        var line = 1
        var start = data.startIndex
        for index in data.indices where data[index] == UInt8(ascii: "\n") {
            if String(data: data[start..<index], encoding: .utf8) == nil { return line }
            line += 1
            start = data.index(after: index)
        }
        return String(data: data[start...], encoding: .utf8) == nil ? line : nil
    }
}
