import Foundation

extension RecordFileRead {
    /// Reads one file through the cache: from `cached` when the file's stamp is the one the
    /// cache holds and not racy against the cache's own write, else from the file, making the
    /// entry to cache (none when the file changed while it was read).
    static func read(_ url: URL, relative: String, as kind: RecordFileKind, cache: RecordCache.Contents) -> RecordFileRead {
        guard let before = FileStamp.of(url.path) else { return read(url, as: kind) }
        if let cached = cache.entries[relative], cached.kind == kind, cached.stamp == before,
           let written = cache.written, !before.isRacy(against: written), let outcome = try? cached.outcome(kind: kind)
        {
            var result = RecordFileRead(outcome: outcome, hash: cached.hash)
            result.cacheEntry = cached
            result.fromCache = true
            return result
        }
        var result = read(url, as: kind)
        guard let hash = result.hash, FileStamp.of(url.path) == before else { return result }
        let entry: (RecordCache.Entry.Outcome, Data)?
        switch result.outcome {
        case .decoded(let record): entry = (try? record.binary()).map { (.decoded, $0) }
        case .failed(let message): entry = (.failed, Data(message.utf8))
        case .conflictMarkers: entry = (.conflictMarkers, Data())
        case .absent, .unreadable: entry = nil
        }
        if let (outcome, payload) = entry {
            result.cacheEntry = RecordCache.Entry(
                path: relative, kind: kind, stamp: before, hash: hash, outcome: outcome, payload: payload)
        }
        return result
    }
}

extension RecordCache.Entry {
    /// What reading the file gave when the entry was made.
    func outcome(kind: RecordFileKind) throws -> RecordFileRead.Outcome {
        switch outcome {
        case .decoded: .decoded(try kind.decode(binary: payload))
        case .failed: .failed(String(decoding: payload, as: UTF8.self))
        case .conflictMarkers: .conflictMarkers
        }
    }
}
