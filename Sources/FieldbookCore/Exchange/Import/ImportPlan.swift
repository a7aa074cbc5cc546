import Foundation

/// What importing a sheet would do, or did: the counts, what was wrong, what to tell the
/// person. A check (`CSVImport.plan`) builds it without touching the disk; a write
/// (`CSVImport.write`) reads the sheet again and writes it in batches. Neither keeps the
/// records: the lists here are capped (`listedAtMost`), with the number left out.
public struct ImportPlan: Sendable {
    public struct BadRow: Sendable, Equatable {
        public var line: Int
        public var reason: String

        public init(line: Int, reason: String) {
            self.line = line
            self.reason = reason
        }
    }

    /// Bad rows and notes listed at most; the rest are counted.
    public static let listedAtMost = 100

    public var kind: ExchangeKind
    public var rowsRead = 0
    /// The first bad rows, in the order of the file (`badRowCount` counts them all).
    public private(set) var badRows: [BadRow] = []
    public private(set) var badRowCount = 0
    /// Header cells that name no column of this kind; their cells are ignored.
    public var unknownColumns: [String] = []
    /// Rows that added a record, changed one, or matched one already there unchanged.
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    /// The first lines for the person: records created on the way, then records updated (by
    /// their ids); `noteCount` counts them all.
    public var notes: [String] { createdNotes + updateNotes }
    public var noteCount: Int { createdNoteCount + updateNoteCount }
    private var createdNotes: [String] = [], updateNotes: [String] = []
    private var createdNoteCount = 0, updateNoteCount = 0
    /// A row had a date cell that could not be read: `dateHint` is to be said once.
    public var unreadDates = false
    public static var dateHint: String { SheetDate.hint }
    /// Records (specialists, employers, clients, employer contacts) the sheet adds or changes.
    public var recordsChanged = 0
    /// Files written (a write; employer contacts count one per month file and batch).
    public var filesWritten = 0
    /// A write that was asked to stop (Ctrl-C): the rows before `rowsWritten` are in.
    public var stopped = false
    public var rowsWritten = 0

    public init(kind: ExchangeKind) { self.kind = kind }

    /// Nothing to write: every row was bad or already there.
    public var writesNothing: Bool { recordsChanged == 0 }

    /// Bad rows and notes not listed.
    public var badRowsNotListed: Int { badRowCount - badRows.count }
    public var notesNotListed: Int { noteCount - notes.count }

    mutating func bad(_ row: BadRow) {
        badRowCount += 1
        if badRows.count < Self.listedAtMost { badRows.append(row) }
    }

    /// A note of a record created on the way (listed first).
    mutating func created(_ note: String) {
        createdNoteCount += 1
        if createdNotes.count + updateNotes.count < Self.listedAtMost { createdNotes.append(note) }
    }

    mutating func updated(_ note: String) {
        updateNoteCount += 1
        if createdNotes.count + updateNotes.count < Self.listedAtMost { updateNotes.append(note) }
    }
}
