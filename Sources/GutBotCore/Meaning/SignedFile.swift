import Crypto
import Foundation

/// What the binary files in `Models/` have in common: 8 bytes naming the
/// format, a u32 format version, the body, and at the end the SHA-256 of
/// everything before it. The checksum is checked first, so a truncated or
/// edited file is refused with the reason, never half-read.
enum SignedFile {
    /// The file at `path`, mapped and parsed with `parse`, which gets its
    /// bytes and the mapping (tables may be used where they lie in it, see
    /// ``Int8Table``). Errors name the file, and say what it should have
    /// been: "cannot read \(noun)", "not a usable \(kind)".
    static func load<Parsed>(
        path: String, noun: String, kind: String,
        parse: (UnsafeRawBufferPointer, MappedFile) throws(ModelFormatError) -> Parsed
    ) throws(FileError) -> Parsed {
        let file: MappedFile
        do {
            file = try MappedFile(path: path)
        } catch {
            throw FileError(file: path, line: nil, message: "cannot read \(noun): \(error.message)")
        }
        do {
            return try parse(file.bytes, file)
        } catch {
            throw FileError(file: path, line: nil, message: "not a usable \(kind): \(error.message)")
        }
    }

    /// A whole file's `bytes`, parsed with `parse` (which gets no mapping:
    /// what it keeps it copies).
    static func parse<Parsed>(
        _ bytes: [UInt8], with parse: (UnsafeRawBufferPointer) throws(ModelFormatError) -> Parsed
    ) throws(ModelFormatError) -> Parsed {
        let parsed = bytes.withUnsafeBytes { raw in Result { () throws(ModelFormatError) in try parse(raw) } }
        return try parsed.get()
    }

    /// Checks that `bytes` start with `magic`, hold at least `header` bytes
    /// after it and the checksum, match their checksum and are of format
    /// `version`; returns a reader over the body, just after the version, and
    /// the checksum in hex. `bytes` lie in `file` when it is given: the
    /// reader's tables then stay in it, and the pages the checksum read are
    /// given back as it goes, so checking a file never holds all of it in memory.
    static func open(
        _ bytes: UnsafeRawBufferPointer, magic: [UInt8], header: Int, version: UInt32, file: MappedFile? = nil
    ) throws(ModelFormatError) -> (reader: ByteReader, checksum: String) {
        guard bytes.count >= magic.count + header + 32, bytes.prefix(magic.count).elementsEqual(magic) else {
            throw ModelFormatError("it does not start with the \(String(decoding: magic, as: UTF8.self)) header")
        }
        let body = UnsafeRawBufferPointer(rebasing: bytes[..<(bytes.count - 32)])
        let stored = bytes[(bytes.count - 32)...]
        var hasher = SHA256()
        let chunk = 4 << 20
        for start in stride(from: 0, to: body.count, by: chunk) {
            let range = start..<min(start + chunk, body.count)
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: body[range]))
            file?.giveBack(range)
        }
        guard Array(hasher.finalize()).elementsEqual(stored) else {
            throw ModelFormatError("its checksum does not match its contents (the file is damaged or was edited)")
        }
        var reader = ByteReader(bytes: body, offset: magic.count, file: file)
        guard try reader.u32() == version else { throw ModelFormatError("it is of an unknown format version") }
        return (reader, hex(stored))
    }

    /// `bytes` as lowercase hexadecimal.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    /// The `count` bytes that `hex` spells (the inverse of ``hex(_:)``);
    /// what is missing or not hexadecimal is written as zeros.
    static func bytes(hex: String, count: Int) -> [UInt8] {
        let digits = Array(hex.utf8)
        return (0..<count).map { position in
            guard 2 * position + 1 < digits.count else { return 0 }
            return UInt8(String(decoding: digits[(2 * position)...(2 * position + 1)], as: UTF8.self), radix: 16) ?? 0
        }
    }
}

/// What is wrong with a model file's bytes.
public struct ModelFormatError: Error, Equatable {
    /// The reason, in words.
    public var message: String

    init(_ message: String) { self.message = message }
}

/// Reads little-endian fields from the front of a buffer, refusing to read past its end.
struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    var offset: Int
    /// The mapped file `bytes` lie in, if they do: ``int8Table(_:)`` then reads tables in place.
    var file: MappedFile? = nil

    var isAtEnd: Bool { offset == bytes.count }

    mutating func bytes(_ count: Int) throws(ModelFormatError) -> UnsafeRawBufferPointer {
        guard count >= 0, bytes.count - offset >= count else { throw ModelFormatError("it is shorter than its header says") }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)])
    }

    mutating func u32() throws(ModelFormatError) -> UInt32 {
        UInt32(littleEndianBytes: try bytes(4), at: 0)
    }

    /// The next `count` bytes as int8 values: in place in the mapped file, or a copy.
    mutating func int8Table(_ count: Int) throws(ModelFormatError) -> Int8Table {
        let raw = try bytes(count)
        guard let file else { return Int8Table(copying: raw) }
        return Int8Table(raw, in: file)
    }
}

extension UInt32 {
    /// The value of the four bytes of `bytes` from `offset`, least significant first.
    init(littleEndianBytes bytes: UnsafeRawBufferPointer, at offset: Int) {
        self =
            UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
            | UInt32(bytes[offset + 3]) << 24
    }
}

extension UnsafeRawBufferPointer {
    /// A model's vocabulary: these bytes are tokens in id order, each
    /// followed by "\n". Split as bytes, not Characters (a vocabulary is
    /// tens of thousands of tokens; see `byteRanges(separatedBy:)`), and each
    /// token decoded as UTF-8 on its own, which repairs a broken sequence the
    /// same way as decoding the whole text would: "\n" ends any sequence.
    func newlineTerminatedTokens() throws(ModelFormatError) -> [String] {
        var ranges = byteRanges(separatedBy: UInt8(ascii: "\n"))
        guard let last = ranges.last, last.isEmpty else { throw ModelFormatError("its vocabulary does not end with a newline") }
        ranges.removeLast()
        return ranges.map { String(decoding: UnsafeRawBufferPointer(rebasing: self[$0]), as: UTF8.self) }
    }
}
