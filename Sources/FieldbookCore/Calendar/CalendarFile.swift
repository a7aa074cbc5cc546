import Foundation

/// Where a calendar feed is written: replaced whole (a temporary file beside it, then a
/// rename), never half written, readable by its owner only (it names clients, even if only by
/// initials and codes).
public enum CalendarFile {
    public static func write(_ data: Data, to url: URL) throws(StoreError) {
        try DurableFile.write(data, to: url)
    }
}

extension KeptCalendar {
    /// The feed of this kept calendar as of `due`'s day: its specialists' items, named as it
    /// says (the folder's report salt read, or made, when deidentified).
    public func feed(due: DueList, clients: [Client], specialists: [Specialist], folder: URL, transform: FileTransform,
                     stamp: Date) throws(StoreError) -> Data {
        let naming: ReportNaming = namesInFull ? .identified : .deidentified(salt: try ReportSalt.load(folder: folder, transform: transform))
        let only = self.specialists.map(Set.init)
        let feed = CalendarFeed(due: due, clients: clients, specialists: specialists, only: only)
        return feed.ics(naming: naming, stamp: stamp, title: CalendarFeed.title(specialists: specialists, only: only))
    }

    /// Writes the feed to the kept file.
    public func write(due: DueList, clients: [Client], specialists: [Specialist], folder: URL, transform: FileTransform,
                      stamp: Date) throws(StoreError) {
        try CalendarFile.write(feed(due: due, clients: clients, specialists: specialists, folder: folder, transform: transform,
                                    stamp: stamp), to: file)
    }
}

extension CalendarFeed {
    /// The calendar's name: "Fieldbook", with the specialists it is kept for.
    public static func title(specialists: [Specialist], only: Set<UUID>?) -> String {
        guard let only else { return "Fieldbook" }
        let names = specialists.filter { only.contains($0.id) }.map(\.name).sorted()
        return names.isEmpty ? "Fieldbook" : "Fieldbook: " + names.joined(separator: ", ")
    }
}
