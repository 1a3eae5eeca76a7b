/// An optional that a JSON object always carries under its key, as `null`
/// when absent: synthesized `Encodable` leaves a `nil` optional out, but the
/// JSON protocol and `eval --json` promise every object the same keys, so a
/// client can read them without checking which are there.
///
/// ```swift
/// struct Response: Encodable {
///     @AlwaysEncoded var intent: String?   // "intent":null when nil
///     var candidates: [Candidate]?         // left out when nil
/// }
/// ```
@propertyWrapper
public struct AlwaysEncoded<Value: Encodable>: Encodable {
    /// The value; `nil` is written as `null`.
    public var wrappedValue: Value?

    /// Wraps `wrappedValue`.
    public init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    /// The value, or `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue {
            try container.encode(wrappedValue)
        } else {
            try container.encodeNil()
        }
    }
}

extension AlwaysEncoded: Sendable where Value: Sendable {}
extension AlwaysEncoded: Equatable where Value: Equatable {}
