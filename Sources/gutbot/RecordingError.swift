/// Why a recording could not start, in words for the user.
struct RecordingError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
