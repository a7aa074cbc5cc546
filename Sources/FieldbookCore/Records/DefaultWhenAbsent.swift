import Foundation

/// What a field added in a later version holds when a file written before it has no such key.
public protocol DefaultWhenAbsentValue {
    associatedtype Value: Codable & Hashable & Sendable
    static var defaultValue: Value { get }
}

/// A stored property that takes a default when its key is absent (or null) in the file, so a
/// record keeps synthesized `Codable` and files written before the field existed still load.
/// It is always written.
///
///     @DefaultWhenAbsent<NoItems<StatusChange>> public var statusHistory: [StatusChange]
@propertyWrapper
public struct DefaultWhenAbsent<Default: DefaultWhenAbsentValue>: Codable, Hashable, Sendable {
    public var wrappedValue: Default.Value

    public init(wrappedValue: Default.Value) {
        self.wrappedValue = wrappedValue
    }

    public init(from decoder: any Decoder) throws {
        wrappedValue = try decoder.singleValueContainer().decode(Default.Value.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}

extension KeyedDecodingContainer {
    /// Chosen by synthesized `init(from:)` for `@DefaultWhenAbsent` properties: a missing key
    /// gives the default instead of an error.
    public func decode<Default>(
        _ type: DefaultWhenAbsent<Default>.Type, forKey key: Key
    ) throws -> DefaultWhenAbsent<Default> {
        try decodeIfPresent(type, forKey: key) ?? DefaultWhenAbsent(wrappedValue: Default.defaultValue)
    }
}

/// Absent means an empty list.
public enum NoItems<Element: Codable & Hashable & Sendable>: DefaultWhenAbsentValue {
    public static var defaultValue: [Element] { [] }
}

/// Absent means no.
public enum AbsentMeansNo: DefaultWhenAbsentValue {
    public static var defaultValue: Bool { false }
}
