@testable import FieldbookCore
import Foundation
import Testing

/// Each kind of record file is declared once and found through `RecordFileKind.all` by the
/// load, the merge entry point, the derived cache, `check --repair` and the audit trail.
@Suite struct RecordFileKindTests {
    @Test func everyKindHasItsOwnPlaceCacheTagAndName() {
        let kinds = RecordFileKind.all
        #expect(Set(kinds.map(\.topLevelName)).count == kinds.count)
        #expect(Set(kinds.map(\.code)).count == kinds.count)
        #expect(Set(kinds.map(\.recordKind)).count == kinds.count)
        for kind in kinds {
            #expect(RecordFileKind(code: kind.code) == kind)
            let path = kind.layout == .file ? kind.topLevelName : "\(kind.topLevelName)/x.json"
            #expect(RecordFiles.kind(of: path) == kind, "\(path)")
        }
        #expect(RecordFiles.kind(of: "career-profile.json") == nil)
    }

    /// A folder holding one record of every kind loads each into the snapshot, and the
    /// record read back equals the one saved, version aside.
    @Test func aRecordOfEveryKindLoadsThroughTheList() throws {
        let folder = TemporaryFolder()
        let store = try Store(folder: folder.url)
        let client = try store.save(Sample.client()).record
        let employer = try store.save(Sample.employer).record
        try store.save(Sample.specialist)
        try store.save(Settings(caseloadLimit: 17))
        let contact = try store.save(Sample.employerContact(on: "2026-10-02")).record
        let review = try store.save(FidelityReview(date: date("2026-11-01"), createdAt: instant(1_700_000_000))).record
        let loaded = try Store(folder: folder.url).load()
        #expect(loaded.problems.isEmpty)
        #expect(loaded.client(client.id) == client)
        #expect(loaded.employers == [employer])
        #expect(loaded.specialists.map(\.id) == [Sample.specialist.id])
        #expect(loaded.settings.caseloadLimit == 17)
        #expect(loaded.employerContacts.map(\.id) == [contact.id])
        #expect(loaded.fidelityReviews.map(\.id) == [review.id])
        // Every loaded record knows the version of its file.
        #expect(loaded.clients.allSatisfy { $0.fileVersion != nil } && loaded.settings.fileVersion != nil)
        #expect(loaded.employerContacts.allSatisfy { $0.fileVersion != nil })
    }

    /// `check --repair` finds damaged files of every kind kept in folders (fidelity reviews
    /// included, which a list of its own had left out).
    @Test func repairFindsDamagedFilesOfEveryKind() throws {
        let folder = TemporaryFolder()
        let store = try Store(folder: folder.url)
        try store.save(Sample.client())
        for kind in RecordFileKind.all where kind.layout == .folder {
            let url = folder.path("\(kind.topLevelName)/broken.json")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("{ not json".utf8).write(to: url)
        }
        let found = Set(DataRepair.plan(folder: folder.url).compactMap { step -> String? in
            if case .quarantine(let path, _, _) = step { path } else { nil }
        })
        for kind in RecordFileKind.all where kind.layout == .folder {
            #expect(found.contains("\(kind.topLevelName)/broken.json"), "\(kind.topLevelName)")
        }
    }

    @Test func theAuditTrailNamesEveryKind() {
        #expect(ChangedFields.kind(of: "clients/x.json") == "client")
        #expect(ChangedFields.kind(of: "employer-contacts/a/2026-11.json") == "employer contact")
        #expect(ChangedFields.kind(of: "fidelity-reviews/x.json") == "fidelity review")
        #expect(ChangedFields.kind(of: "settings.json") == "settings")
    }
}
