@testable import FieldbookCore
import Foundation
import PropertyBased
import SyntheticData
import Testing

/// Random and mutated record files of every kind, through the loader and `check`: no crash,
/// no hang, and each file that does not load is reported by exactly one clear problem.
@Suite struct FuzzProofTests {
    static let cases = Int(ProcessInfo.processInfo.environment["FIELDBOOK_FUZZ_CASES"] ?? "") ?? 10_000

    enum Mutation: Int, CaseIterable {
        case bitFlips, truncation, swappedType, hugeString, deepNesting, garbage, duplicateKey, missingKey, insertedByte
    }

    /// Valid files of each kind, and where each goes.
    struct Templates {
        var files: [(path: String, data: Data)] = []

        init(folder: URL) throws {
            let store = try Store(folder: folder)
            let entry = try LocalDate(parsing: "2026-06-01")
            let specialist = try store.save(Specialist(name: "Fuzz Specialist", email: "f@example.org")).record
            let employer = try store.save(Employer(name: "Fuzz Employer", people: [EmployerPerson(name: "Sam", hires: true)])).record
            let client = try store.save(Client(
                name: "Zoë 李", phone: "555", programEntryDate: entry, specialistID: specialist.id, status: .working,
                benefits: [.ssi], disclosure: Disclosure(preference: .limited, whatMayBeSaid: "ok"),
                jobs: [Job(employerID: employer.id, employerName: "Fuzz", title: "Clerk", startDate: entry, hourlyWage: Decimal(string: "15.5"))],
                contacts: [ClientContact(date: entry, kind: .phone, note: "hi")])).record
            let contact = try store.save(EmployerContact(date: entry, specialistID: specialist.id, employerID: employer.id,
                                                         purpose: .learnNeeds, method: .faceToFace, jobSeekerIDs: [client.id])).record
            try store.save(Settings(caseloadLimit: 18))
            for path in [DataLayout.specialist(specialist.id), DataLayout.employer(employer.id), DataLayout.client(client.id),
                         DataLayout.employerContacts(specialist: specialist.id, month: contact.date), DataLayout.settingsFile] {
                files.append((path, try Data(contentsOf: folder.appendingPathComponent(path))))
            }
        }
    }

    static func mutate(_ data: Data, _ mutation: Mutation, _ rng: inout SeededRandom) -> Data {
        var bytes = [UInt8](data)
        switch mutation {
        case .bitFlips:
            for _ in 0...Int.random(in: 0...3, using: &rng) {
                let index = Int.random(in: 0..<bytes.count, using: &rng)
                bytes[index] ^= UInt8(1) << UInt8.random(in: 0...7, using: &rng)
            }
        case .truncation:
            bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &rng)))
        case .insertedByte:
            bytes.insert(UInt8.random(in: 0...255, using: &rng), at: Int.random(in: 0...bytes.count, using: &rng))
        case .garbage:
            bytes = (0..<Int.random(in: 0...2_000, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
        case .duplicateKey:
            var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let keyed = lines.indices.filter { lines[$0].contains("\" : ") }
            if let line = keyed.randomElement(using: &rng) {
                let copy = lines[line].hasSuffix(",") ? lines[line] : lines[line] + ","
                lines.insert(copy, at: line)
            }
            bytes = Array(lines.joined(separator: "\n").utf8)
        case .swappedType, .hugeString, .deepNesting, .missingKey:
            guard var tree = try? JSONReader.parse(data) else { return data }
            let replacement: JSONValue?
            switch mutation {
            case .swappedType:
                replacement = [JSONValue.number("123"), .number("-1e999"), .string("text"), .bool(true), .null, .array([]), .object([:])]
                    .randomElement(using: &rng)!
            case .hugeString:
                let unit = ["a", "李", "👩🏽‍💻", "\u{1B}[2J", "\u{0}", "\\"].randomElement(using: &rng)!
                replacement = .string(String(repeating: unit, count: Int.random(in: 1_000...10_000, using: &rng)))
            case .deepNesting:
                var value = JSONValue.string("deep")
                for level in 0..<Int.random(in: 10...300, using: &rng) {
                    value = level % 2 == 0 ? .array([value]) : .object(["k": value])
                }
                replacement = value
            default:
                replacement = nil
            }
            tree = replaceRandomValue(in: tree, with: replacement, using: &rng)
            if mutation == .deepNesting, Bool.random(using: &rng) {
                // Also beyond what a writer could produce: text nested far deeper than the limit.
                let depth = Int.random(in: 100...20_000, using: &rng)
                return Data(String(repeating: "[", count: depth).utf8) + JSONWriter.data(tree) + Data(String(repeating: "]", count: depth).utf8)
            }
            return JSONWriter.data(tree)
        }
        return Data(bytes)
    }

    /// Replaces (or, with nil, removes) one value somewhere in the tree.
    static func replaceRandomValue(in tree: JSONValue, with replacement: JSONValue?, using rng: inout SeededRandom) -> JSONValue {
        switch tree {
        case .object(var members) where !members.isEmpty:
            let key = members.keys.sorted().randomElement(using: &rng)!
            if Int.random(in: 0...2, using: &rng) == 0 || !isContainer(members[key]!) {
                members[key] = replacement
            } else {
                members[key] = replaceRandomValue(in: members[key]!, with: replacement, using: &rng)
            }
            return .object(members)
        case .array(var items) where !items.isEmpty:
            let index = Int.random(in: 0..<items.count, using: &rng)
            if let replacement, Bool.random(using: &rng) || !isContainer(items[index]) {
                items[index] = replacement
            } else {
                items[index] = replaceRandomValue(in: items[index], with: replacement, using: &rng)
            }
            return .array(items)
        default:
            return replacement ?? tree
        }
    }

    static func isContainer(_ value: JSONValue) -> Bool {
        switch value {
        case .object, .array: true
        default: false
        }
    }

    @Test func mutatedRecordFilesGiveOneClearProblemEachAndNeverCrash() async throws {
        let templatesFolder = TemporaryFolder()
        let templates = try Templates(folder: templatesFolder.url)
        let target = TemporaryFolder()
        _ = try Store(folder: target.url)
        // The specialist and employer stay in place so references from the others resolve.
        for file in templates.files.prefix(2) {
            try FileManager.default.createDirectory(at: target.path(file.path).deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.data.write(to: target.path(file.path))
        }
        let counts = Counts()
        let started = Date()
        await propertyCheck(count: Self.cases, input: Gen.int(in: 0...4), Gen.int(in: 0...(Mutation.allCases.count - 1)), Gen<UInt64>.value()) { kind, mutationIndex, seed in
            var rng = SeededRandom(seed: seed)
            let file = templates.files[kind]
            let mutation = Mutation(rawValue: mutationIndex)!
            let bytes = Self.mutate(file.data, mutation, &rng)
            let url = target.path(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try bytes.write(to: url)
            defer {
                if kind < 2 { try? file.data.write(to: url) } else { try? FileManager.default.removeItem(at: url) }
            }
            let (problems, snapshot) = DataCheck.report(folder: target.url)
            let aboutThisFile = problems.filter { $0.path == file.path }
            let loaded: Bool
            switch kind {
            case 0: loaded = !snapshot.specialists.isEmpty
            case 1: loaded = !snapshot.employers.isEmpty
            case 2: loaded = !snapshot.clients.isEmpty
            case 3: loaded = !snapshot.employerContacts.isEmpty || !aboutThisFile.contains { $0.message.contains("JSON") || $0.message.contains(":") }
            default: loaded = aboutThisFile.isEmpty
            }
            if !loaded {
                #expect(aboutThisFile.count == 1, "\(mutation) of \(file.path): \(aboutThisFile.map(\.message))")
            }
            for problem in problems where problem.message.isEmpty || problem.message.count > 400 {
                print("Unclear problem after \(mutation): \(problem.message.prefix(500))")
            }
            for problem in problems {
                #expect(!problem.message.isEmpty && problem.message.count <= 400, "\(mutation): \(problem.message.prefix(120))")
            }
            counts.add(loaded: loaded, bytes: bytes.count)
        }
        let seconds = Date().timeIntervalSince(started)
        print("Fuzz proof: \(counts.total) mutated files (bit flips, truncations, swapped types, huge strings, deep nesting, "
            + "garbage, duplicate and missing keys), \(counts.loaded) still loaded, \(counts.total - counts.loaded) reported "
            + "with one problem each, largest \(counts.largest / 1024) KB, \(String(format: "%.1f", seconds)) s")
        #expect(counts.total == Self.cases)
    }

    final class Counts: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var total = 0, loaded = 0, largest = 0
        func add(loaded wasLoaded: Bool, bytes: Int) {
            lock.withLock {
                total += 1
                if wasLoaded { loaded += 1 }
                largest = max(largest, bytes)
            }
        }
    }
}
