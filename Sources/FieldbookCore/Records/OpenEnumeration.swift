import Foundation

/// A set of named values stored as text that a newer Fieldbook may extend (a client status,
/// a contact kind, a benefit...). A value this version does not know keeps the record
/// readable: it is held as written, shown as written, and saved back unchanged.
///
/// Conforming types are structs with a `rawValue`, one static constant per known value, and
/// `allCases` listing the known ones; a `switch` over them needs a `default`.
public protocol OpenEnumeration: RawRepresentable, Codable, Hashable, Sendable, CaseIterable
where RawValue == String, AllCases == [Self] {
    init(rawValue: String)
}

extension OpenEnumeration {
    public init(from decoder: any Decoder) throws {
        self.init(sharing: try decoder.singleValueContainer().decode(String.self))
    }

    /// The value of `rawValue`; a known value's text longer than a string holds inline (15
    /// bytes) is the constant's own, so records read from files do not each hold a copy.
    init(sharing rawValue: String) {
        if rawValue.utf8.count > 15, let known = Self.allCases.first(where: { $0.rawValue == rawValue }) {
            self = known
        } else {
            self.init(rawValue: rawValue)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// False for a value written by a newer version of Fieldbook.
    public var isKnown: Bool { Self.allCases.contains(self) }
}
