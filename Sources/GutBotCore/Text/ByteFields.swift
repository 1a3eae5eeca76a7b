extension RandomAccessCollection where Element == UInt8, Index == Int {
    /// The stretches of these bytes between `separator` bytes, as index
    /// ranges: what `split(separator:maxSplits:omittingEmptySubsequences: false)`
    /// gives over a String's Characters, found without decoding them.
    ///
    /// Start-up splits several megabytes of model vocabularies and safety
    /// tables into lines and fields; through `Character`s (grapheme
    /// breaking) that was a tenth of its work. Splitting at an ASCII control
    /// byte is the same thing for every file that loads: UTF-8 never uses one
    /// inside a multi-byte character, and a grapheme always breaks before and
    /// after "\n" and "\t". (The one exception, "\r\n" as a single Character,
    /// is not a text gutbot reads as a separator: callers drop a trailing "\r".)
    func byteRanges(separatedBy separator: UInt8, maxSplits: Int = .max) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = startIndex
        var index = startIndex
        while index < endIndex, ranges.count < maxSplits {
            if self[index] == separator {
                ranges.append(start..<index)
                start = index + 1
            }
            index += 1
        }
        ranges.append(start..<endIndex)
        return ranges
    }
}
