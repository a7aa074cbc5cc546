import Foundation

/// The streamed copy's first reading of one file (`StreamedCopy.init`): as `RecordFileRead.read`
/// reads it, keeping only each record's sort key and place, and whether its bytes in the file
/// are already the copy's.
extension StreamedCopy {
    /// What the first reading learned of one file.
    struct Survey {
        enum Outcome {
            case absent, unreadable, conflictMarkers
            case failed(String)
            case decoded
        }

        var outcome: Outcome
        /// `fingerprint` of the bytes of a file that decoded (read again while it is written).
        var fingerprint: UInt64?
        var entries: [Entry] = []
        var settings: Settings?
        /// Problems found in a file that is loaded (a month's contacts out of place).
        var problems: [DataProblem] = []
    }

    static func worthRetrying(_ outcome: Survey.Outcome) -> Bool {
        switch outcome {
        case .absent, .unreadable, .failed: true
        case .decoded, .conflictMarkers: false
        }
    }

    static func surveyAll(_ files: [(url: URL, kind: RecordFileKind)], _ paths: [String], _ relatives: [String], from start: Int, count: Int,
                                  through transform: FileTransform) -> [Survey?]
    {
        var surveys = [Survey?](repeating: nil, count: count)
        surveys.withUnsafeMutableBufferPointer { slots in
            let slots = UncheckedSlots(base: slots.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: count) { offset in
                let index = start + offset
                slots.base[offset] = survey(paths[index], files[index].kind, relatives[index], Int32(index), through: transform)
            }
        }
        return surveys
    }

    /// Slots each filled by one reader (never two at once).
    struct UncheckedSlots: @unchecked Sendable {
        let base: UnsafeMutablePointer<Survey?>
    }

    /// The record bytes of a file (through the folder's transform), nil when it is gone.
    static func recordBytes(_ url: URL, _ path: String, _ relative: String, through transform: FileTransform) throws -> [UInt8]? {
        if transform.isPlain { return try DurableFile.readBytes(path) }
        guard let data = try DurableFile.read(url) else { return nil }
        return [UInt8](try transform.fromDisk(data, relative))
    }

    /// One file read as `RecordFileRead.read` reads it, and its records' keys and bytes.
    static func survey(_ path: String, _ kind: RecordFileKind, _ relative: String, _ file: Int32, through transform: FileTransform)
        -> Survey
    {
        var bytes: [UInt8]
        do {
            guard let read = try DurableFile.readBytes(path) else { return Survey(outcome: .absent) }
            bytes = read
        } catch {
            return Survey(outcome: .unreadable)
        }
        if !transform.isPlain {
            do {
                bytes = [UInt8](try transform.fromDisk(Data(bytes), relative))
            } catch {
                if case .io(_, let reason) = error { return Survey(outcome: .failed(reason)) }
                return Survey(outcome: .failed(error.description))
            }
        }
        let tape: JSONTape
        let record: any RecordFile
        do {
            tape = try JSONReader.tape(bytes: bytes)
            record = try decode(tape, as: kind)
        } catch {
            // The load's own reading says why, in its words.
            let data = Data(bytes)
            let read = RecordFileRead.decode(data, as: kind)
            switch read.outcome {
            case .conflictMarkers: return Survey(outcome: .conflictMarkers)
            case .failed(let message): return Survey(outcome: .failed(message))
            default: return Survey(outcome: .failed(JSONCoding.describe(error, in: data)))
            }
        }
        var survey = Survey(outcome: .decoded, fingerprint: fingerprint(bytes))
        tape.bytes.withUnsafeBufferPointer { bytes in
            switch record {
            case let settings as Settings:
                survey.settings = settings
            case let month as EmployerContactMonth:
                survey.problems = Store.placeProblems(of: month, at: relative)
                let items = contactNodes(tape, count: month.contacts.count)
                survey.entries.reserveCapacity(month.contacts.count)
                var proof = CopyProof(bytes, at: 0)
                for (index, contact) in month.contacts.enumerated() {
                    var entry = Entry(file: file, index: Int32(index), start: 0, length: -1, id: contact.id, date: contact.date,
                                      updatedAt: contact.updatedAt)
                    // Its bytes are the copy's when the encoder, compared piece by piece, writes them.
                    if let items, let length = proof.length(at: items[index], {
                        CopyEncoding.employerContact(contact, depth: 2, into: &$0)
                    }) {
                        entry.start = Int32(items[index])
                        entry.length = Int32(length)
                    }
                    survey.entries.append(entry)
                }
            default:
                guard let (id, date) = identity(record) else { break }
                var entry = Entry(file: file, index: 0, start: 0, length: -1, id: id, date: date,
                                  updatedAt: Date(timeIntervalSince1970: 0))
                // The whole file is the record at the top, and one newline.
                if let length = CopyProof.length(in: bytes, at: 0, { try CopyEncoding.append(record, depth: 0, into: &$0) }),
                   length + 1 == bytes.count, bytes.last == UInt8(ascii: "\n")
                {
                    entry.length = Int32(length)
                }
                survey.entries.append(entry)
            }
        }
        return survey
    }

    /// A fingerprint of a file's bytes, to tell whether it changed between the copy's two
    /// readings: `ContentHash`'s mixing in four lanes side by side (no lane waits on another's
    /// multiplication), folded into one, then the last bytes as `ContentHash` takes them.
    static func fingerprint(_ bytes: some ContiguousBytes) -> UInt64 {
        bytes.withUnsafeBytes { raw -> UInt64 in
            let mix = ContentHash.mix
            var lanes: (UInt64, UInt64, UInt64, UInt64) = (ContentHash.seed(raw.count), 1, 2, 3)
            var offset = 0
            while offset + 32 <= raw.count {
                lanes.0 = mix(lanes.0, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                lanes.1 = mix(lanes.1, raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
                lanes.2 = mix(lanes.2, raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
                lanes.3 = mix(lanes.3, raw.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
                offset += 32
            }
            var hash = mix(mix(mix(lanes.0, lanes.1), lanes.2), lanes.3)
            while offset + 8 <= raw.count {
                hash = mix(hash, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
            }
            return ContentHash.finish(hash, raw, from: offset)
        }
    }

    /// The record a file's tape holds: a client or an employer by its own fast path
    /// (`TapeFastPath.client`, `.employer`), which reads it as `Codable` does; any other kind as
    /// the load decodes it.
    static func decode(_ tape: JSONTape, as kind: RecordFileKind) throws -> any RecordFile {
        if kind == Client.fileKind { return try TapeFastPath.client(from: tape) }
        if kind == Employer.fileKind { return try TapeFastPath.employer(from: tape) }
        return try kind.decode(tape)
    }

    /// A record's id and date (the date only orders fidelity reviews).
    static func identity(_ record: any RecordFile) -> (UUID, LocalDate)? {
        let none = LocalDate(dayNumber: 0)
        switch record {
        case let client as Client: return (client.id, none)
        case let employer as Employer: return (employer.id, none)
        case let specialist as Specialist: return (specialist.id, none)
        case let review as FidelityReview: return (review.id, review.date)
        default: return nil
        }
    }

    static func append(_ record: any RecordFile, depth: Int, into out: inout [UInt8]) throws {
        try CopyEncoding.append(record, depth: depth, into: &out)
    }

    /// Where each of a month's contacts starts in its file, when the tape's `contacts` list is
    /// the one decoded (else nil: each contact is encoded again).
    static func contactNodes(_ tape: JSONTape, count: Int) -> [Int]? {
        guard let top = tape.nodes.first, top.kind == .object else { return nil }
        var key = 1
        for _ in 0..<top.count {
            if tape.string(at: key, equals: "contacts") {
                let list = tape.nodes[key + 1]
                guard list.kind == .array, list.count == count else { return nil }
                var starts: [Int] = []
                starts.reserveCapacity(count)
                var cursor = key + 2
                for _ in 0..<count {
                    starts.append(tape.nodes[cursor].start)
                    cursor = tape.after(cursor)
                }
                return starts
            }
            key = tape.after(key + 1)
        }
        return nil
    }
}
