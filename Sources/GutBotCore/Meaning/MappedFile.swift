#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file mapped read-only into memory for as long as anything holds it:
/// the model tables are used where they lie in it (see ``Int8Table``), not
/// copied into arrays, so only the rows a run reads take memory.
///
/// The mapping is private and read-only, and gutbot replaces model files by
/// renaming a new one into place (`gutbot vectors` does), which leaves this
/// mapping on the old file: what was checked is what is read.
final class MappedFile: @unchecked Sendable {
    // @unchecked: the pointer is to read-only memory that lives as long as
    // this object, so any thread may read through it.

    /// The file's bytes.
    let bytes: UnsafeRawBufferPointer

    /// Maps the file at `path`, or says in words why it cannot.
    init(path: String) throws(MappingError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw MappingError(errno: errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw MappingError(errno: errno) }
        let size = Int(status.st_size)
        // mmap refuses an empty length; an empty file is refused by its parser anyway.
        guard size > 0 else {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            throw MappingError(errno: errno)
        }
        bytes = UnsafeRawBufferPointer(start: address, count: size)
    }

    deinit {
        if let start = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: start), bytes.count) }
    }

    /// Tells the system the pages of `range` are not needed for now: they
    /// leave this process's memory, and are read again from the file (the
    /// same bytes: the mapping is read-only) if they are touched later.
    /// Checking the checksum reads every page once; most are never read again.
    func giveBack(_ range: Range<Int>) {
        guard let start = bytes.baseAddress, !range.isEmpty else { return }
        // madvise wants a page-aligned start: round in, never past the range.
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let first = (range.lowerBound + page - 1) / page * page
        guard first < range.upperBound else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: start + first), range.upperBound - first, MADV_DONTNEED)
    }
}

/// Why a file could not be mapped: the system's reason.
struct MappingError: Error {
    /// The system's error number.
    let errno: Int32

    /// The reason in words, as `strerror` gives it.
    var message: String { String(cString: strerror(errno)) }
}
