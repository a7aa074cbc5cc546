import Foundation

/// One version of a record's file: the hash of its bytes as the store read or wrote them.
///
/// A record read from the folder carries the version it came from (`VersionOfFile`), and every
/// change made to that record value keeps it, so a save says which version it started from:
/// the store merges the change onto the file as it is now, with that version's bytes as the
/// base, and a field this save did not change never reverts a change made elsewhere meanwhile
/// (after a reload under an open form, or a save made while a reload was running).
public struct FileVersion: Hashable, Sendable, CustomStringConvertible {
    let hash: ContentHash

    init(_ hash: ContentHash) { self.hash = hash }

    init(of data: Data) { hash = ContentHash(data) }

    public var description: String { String(hash.value, radix: 16) }
}

/// The version of its file a record value came from: carried by the value, never written into
/// the file, and never part of the record's equality (two records with the same fields are
/// equal whichever version of the file they were read from). Nil: a record not read from a
/// file (a new one, or one made by hand).
///
///     @VersionOfFile public var fileVersion: FileVersion?
@propertyWrapper
public struct VersionOfFile: Codable, Hashable, Sendable {
    public var wrappedValue: FileVersion?

    public init(wrappedValue: FileVersion? = nil) { self.wrappedValue = wrappedValue }

    public init(from decoder: any Decoder) throws { wrappedValue = nil }

    public func encode(to encoder: any Encoder) throws {}

    public static func == (lhs: VersionOfFile, rhs: VersionOfFile) -> Bool { true }

    public func hash(into hasher: inout Hasher) {}
}

extension KeyedDecodingContainer {
    /// Chosen by synthesized `init(from:)` for `@VersionOfFile` properties: nothing is read.
    public func decode(_ type: VersionOfFile.Type, forKey key: Key) throws -> VersionOfFile { VersionOfFile() }
}

extension KeyedEncodingContainer {
    /// Chosen by synthesized `encode(to:)` for `@VersionOfFile` properties: nothing is written.
    public mutating func encode(_ value: VersionOfFile, forKey key: Key) throws {}
}

/// A record value that knows which version of its file it came from.
public protocol VersionedRecord {
    var fileVersion: FileVersion? { get set }
    /// Marks the value as read from (or written as) `version` of its file.
    mutating func markRead(as version: FileVersion)
}

extension VersionedRecord {
    public mutating func markRead(as version: FileVersion) { fileVersion = version }
}
