import Foundation

/// Writes whole buffers to a file descriptor: POSIX `write` may write less
/// than asked or be interrupted, and a reply or a recorded turn must go out whole.
enum DescriptorWriter {
    /// Writes all of `bytes` to `descriptor`; `false` when the descriptor refuses (a closed pipe, a full disk).
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }
}
