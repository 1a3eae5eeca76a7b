import Foundation

/// Transcripts on disk: finding them, reading them, and rewriting them so
/// that an interrupted update never leaves a truncated file.
public enum TranscriptFile {
    /// The extension replay looks for in folders.
    public static let fileExtension = "chat"

    /// The transcript files named by `paths`, in order: a file as given
    /// (whatever its extension), a folder searched recursively for `*.chat`
    /// in sorted order. A path that does not exist becomes an error in its
    /// place, so it is reported and counted like a broken transcript.
    public static func find(_ paths: [String]) -> [Result<String, FileError>] {
        let files = FileManager.default
        var found: [Result<String, FileError>] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard files.fileExists(atPath: path, isDirectory: &isDirectory) else {
                found.append(.failure(FileError(file: path, line: nil, message: "no such file or folder")))
                continue
            }
            guard isDirectory.boolValue else {
                found.append(.success(path))
                continue
            }
            let names = (files.subpaths(atPath: path) ?? []).filter { name in
                // Hidden files include the temporary files of an update in progress.
                (name as NSString).pathExtension == fileExtension
                    && !name.split(separator: "/").contains { $0.hasPrefix(".") }
            }
            found += names.sorted().map { .success((path as NSString).appendingPathComponent($0)) }
        }
        return found
    }

    /// Reads and parses the transcript at `path`.
    public static func load(_ path: String) throws(FileError) -> Transcript {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileError(file: path, line: nil, message: "cannot be read")
        }
        return try TranscriptParser.parse(data, file: path)
    }

    /// Replaces the file at `path` with `text`: written to a temporary file
    /// in the same folder, synced, then renamed over the old one, so a reader
    /// or a crash sees the old file or the new one, never half of either.
    public static func replace(_ path: String, with text: String) throws(FileError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var template = Array((folder + "/." + url.lastPathComponent + ".XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw failure(path, "cannot create a temporary file beside it") }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var written = true
        let bytes = Array(text.utf8)
        var offset = 0
        while written && offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { written = false } else { offset += count }
        }
        // Keep the original's permissions: mkstemp creates files only its owner can read.
        if let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? NSNumber {
            fchmod(descriptor, mode_t(mode.uint16Value))
        }
        written = written && fsync(descriptor) == 0
        close(descriptor)
        guard written, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw failure(path, "cannot be rewritten (\(reason)); it was left as it was")
        }
        let directory = open(folder, O_RDONLY | O_DIRECTORY)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
    }

    private static func failure(_ path: String, _ message: String) -> FileError {
        FileError(file: path, line: nil, message: message)
    }
}
