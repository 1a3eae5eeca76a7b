/// A run of int8 values read from a model file: the rows of a table or a
/// matrix. Read from a mapped file it is used in place, so a table of ten
/// million values costs memory only for the rows that are read; built from
/// bytes in memory (tests, fuzzing, stacked matrices) it holds its own copy.
public struct Int8Table: RandomAccessCollection, @unchecked Sendable {
    // @unchecked: `base` points at memory nobody writes after it is made, and
    // that `owner` keeps alive, so any thread may read through it.

    /// What keeps the values alive: the mapped file they lie in, or memory this table owns.
    private let owner: any Sendable & AnyObject
    private let base: UnsafePointer<Int8>?
    /// How many values there are.
    public let count: Int

    /// The first value's index: always 0, as in an array.
    public var startIndex: Int { 0 }
    /// One past the last value's index: `count`.
    public var endIndex: Int { count }

    /// The value at `position`, which must be in `0..<count`.
    public subscript(position: Int) -> Int8 {
        precondition(position >= 0 && position < count, "Int8Table index out of range")
        return base![position]
    }

    /// The values lying in `bytes` of `file`, which they keep mapped.
    init(_ bytes: UnsafeRawBufferPointer, in file: MappedFile) {
        owner = file
        base = bytes.baseAddress?.bindMemory(to: Int8.self, capacity: bytes.count)
        count = bytes.count
    }

    /// A copy of `bytes` as int8 values.
    init(copying bytes: UnsafeRawBufferPointer) {
        self.init(count: bytes.count) { $0.copyMemory(from: bytes) }
    }

    /// The values of `tables`, one after another, copied once into memory of its own.
    init(joining tables: [Int8Table]) {
        self.init(count: tables.reduce(0) { $0 + $1.count }) { memory in
            var offset = 0
            for table in tables {
                table.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: memory[offset...]).copyMemory(from: $0) }
                offset += table.count
            }
        }
    }

    /// `count` values that `fill` writes into memory this table owns.
    private init(count: Int, fill: (UnsafeMutableRawBufferPointer) -> Void) {
        let storage = OwnedBytes(count: count, fill: fill)
        owner = storage
        base = storage.start.map { UnsafePointer($0.bindMemory(to: Int8.self, capacity: count)) }
        self.count = count
    }

    /// A copy of `values`.
    public init(_ values: [Int8]) {
        self = values.withUnsafeBytes { Int8Table(copying: $0) }
    }

    /// Calls `body` with the values as one buffer, as `Array` does.
    public func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<Int8>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// Calls `body` with the values' bytes, as `Array` does.
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }
}

/// Memory an ``Int8Table`` owns: allocated once, never written after it is filled, freed with it.
private final class OwnedBytes: @unchecked Sendable {
    // @unchecked: the memory is written once, in init, and only read after.
    let start: UnsafeMutableRawPointer?

    init(count: Int, fill: (UnsafeMutableRawBufferPointer) -> Void) {
        guard count > 0 else {
            start = nil
            return
        }
        let memory = UnsafeMutableRawPointer.allocate(byteCount: count, alignment: 16)
        fill(UnsafeMutableRawBufferPointer(start: memory, count: count))
        start = memory
    }

    deinit { start?.deallocate() }
}
