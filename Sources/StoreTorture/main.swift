// A child process for the store's proofs (Tests/StoreProofTests). Not part of the app.
//
//   StoreTorture crash DIR JOURNAL RUN [PASSFILE]   (an encrypted DIR: its passphrase in PASSFILE)
//                                        saves records of every kind in a loop until killed; before
//                                        each save it appends "writing KEY VALUE" to JOURNAL, after
//                                        it "acked KEY VALUE" (plain write(2): a SIGKILL loses neither)
//   StoreTorture race DIR GO SIDE ROUND  loads, waits for the file GO, then saves: client "shared"
//                                        (its own field), client "same" (the same field as the
//                                        other side) and client SIDE (its own record); prints one
//                                        line per save: "NAME saved|merged|conflict"
//   StoreTorture convert DIR PASSFILE    encrypts DIR in place (or finishes its interrupted
//                                        encryption) with the passphrase in PASSFILE, a cheap
//                                        scrypt (N=2^10), printing "converting" then "done"
import FieldbookCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let arguments = CommandLine.arguments
if arguments.count == 4, arguments[1] == "convert" {
    let folder = URL(fileURLWithPath: arguments[2])
    let passphrase = String(decoding: FileManager.default.contents(atPath: arguments[3]) ?? Data(), as: UTF8.self)
    do {
        let key: FolderKey
        switch try EncryptedFolder.state(of: folder) {
        case .plain:
            key = try FolderConversion.beginEncryption(folder, passphrase: passphrase,
                                                       derivation: KeyDerivation(kdf: "scrypt", n: 1 << 10, r: 8, p: 1), today: "2026-12-05")
        case .converting(let encryption):
            guard let opened = EncryptedFolder.unlock(encryption, passphrase: passphrase) else { exit(3) }
            key = opened.key
        case .encrypted:
            exit(0)
        }
        let line = Array("converting\n".utf8)
        _ = line.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
        try FolderConversion.finish(folder, key: key)
        let done = Array("done\n".utf8)
        _ = done.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("StoreTorture: \(error)\n".utf8))
        exit(1)
    }
}
guard arguments.count >= 5 else {
    FileHandle.standardError.write(Data("usage: StoreTorture crash DIR JOURNAL RUN | race DIR GO SIDE ROUND\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: arguments[2])

/// Fixed ids, so every run and both sides name the same records.
enum TortureIDs {
    static let specialist = UUID(uuidString: "00000000-0000-4000-8000-000000000001")!
    static let employer = UUID(uuidString: "00000000-0000-4000-8000-000000000002")!
    static let client = UUID(uuidString: "00000000-0000-4000-8000-000000000003")!
    static let contact = UUID(uuidString: "00000000-0000-4000-8000-000000000004")!
    static let shared = UUID(uuidString: "00000000-0000-4000-8000-000000000010")!
    static let same = UUID(uuidString: "00000000-0000-4000-8000-000000000011")!
    static let sideA = UUID(uuidString: "00000000-0000-4000-8000-00000000000a")!
    static let sideB = UUID(uuidString: "00000000-0000-4000-8000-00000000000b")!
}

/// One line on standard output, unbuffered.
func say(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
}

let entry = try LocalDate(parsing: "2026-06-01")
let created = Date(timeIntervalSince1970: 1_760_000_000)

func run() throws {
    // An encrypted folder: the passphrase is read from a file the test wrote (never the environment).
    var transform = FileTransform.plain
    if arguments.count >= 6, let passphrase = FileManager.default.contents(atPath: arguments[5]) {
        transform = try EncryptedFolder.open(folder, passphrase: String(decoding: passphrase, as: UTF8.self)).transform
    }
    let store = try Store(folder: folder, transform: transform)
    let snapshot = store.load()
    switch arguments[1] {
    case "crash":
        let journal = open(arguments[3], O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        func note(_ line: String) {
            let bytes = Array((line + "\n").utf8)
            _ = bytes.withUnsafeBytes { write(journal, $0.baseAddress, $0.count) }
        }
        var client = snapshot.client(TortureIDs.client)
            ?? Client(id: TortureIDs.client, name: "Torture Client", programEntryDate: entry, createdAt: created)
        var specialist = snapshot.specialist(TortureIDs.specialist)
            ?? Specialist(id: TortureIDs.specialist, name: "Torture Specialist", createdAt: created)
        var employer = snapshot.employers.first { $0.id == TortureIDs.employer }
            ?? Employer(id: TortureIDs.employer, name: "Torture Employer", createdAt: created)
        var settings = snapshot.settings
        var contact = snapshot.employerContacts.first { $0.id == TortureIDs.contact }
            ?? EmployerContact(id: TortureIDs.contact, date: entry, specialistID: TortureIDs.specialist,
                               employerID: TortureIDs.employer, purpose: .learnNeeds, method: .faceToFace, createdAt: created)
        note("ready")
        var counter = 0
        while true {
            counter += 1
            let value = "r\(arguments[4])-\(counter)"
            // Long enough that a kill often lands inside a write.
            let padding = String(repeating: "x", count: 2_000 + counter % 7 * 3_000)
            switch counter % 5 {
            case 0:
                client.notes = value + " " + padding
                note("writing client \(value)")
                client = try store.save(client).record
                note("acked client \(value)")
            case 1:
                specialist.phone = value
                note("writing specialist \(value)")
                specialist = try store.save(specialist).record
                note("acked specialist \(value)")
            case 2:
                employer.notes = value + " " + padding
                note("writing employer \(value)")
                employer = try store.save(employer).record
                note("acked employer \(value)")
            case 3:
                settings.programName = value
                note("writing settings \(value)")
                settings = try store.save(settings).record
                note("acked settings \(value)")
            default:
                contact.outcome = value
                note("writing contact \(value)")
                contact = try store.save(contact).record
                note("acked contact \(value)")
            }
        }
    case "race":
        let go = arguments[3]
        let side = arguments[4]
        let round = arguments[5]
        var shared = snapshot.client(TortureIDs.shared)!
        var same = snapshot.client(TortureIDs.same)!
        var own = snapshot.client(side == "A" ? TortureIDs.sideA : TortureIDs.sideB)!
        if side == "A" { shared.notes = "A\(round)" } else { shared.phone = "B\(round)" }
        same.referralSource = "\(side)\(round)"
        own.notes = "\(side)\(round)"
        say("ready")
        while access(go, F_OK) != 0 { usleep(50) }
        for (name, record) in [("shared", shared), ("same", same), ("own", own)] {
            do {
                switch try store.save(record) {
                case .saved: say("\(name) saved")
                case .merged: say("\(name) merged")
                }
            } catch let error {
                if case .conflict = error { say("\(name) conflict") } else { say("\(name) error \(error)") }
            }
        }
    default:
        exit(2)
    }
}

do {
    try run()
} catch {
    FileHandle.standardError.write(Data("StoreTorture: \(error)\n".utf8))
    exit(1)
}
