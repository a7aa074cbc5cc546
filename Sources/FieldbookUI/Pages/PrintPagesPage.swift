import FieldbookCore
import Foundation

/// Asks which folder a client's printable pages go to (a default under the home folder), then
/// has them written there off the key loop; the message line says where they went.
public struct PrintPagesPage: Page {
    public let clientID: UUID
    public let pages: [PrintablePage]
    public let omitSensitive: Bool
    public private(set) var folder = TextBuffer(PagesFolder.suggested, selected: true)
    public private(set) var writing: RequestID?

    public init(clientID: UUID, pages: [PrintablePage], omitSensitive: Bool) {
        self.clientID = clientID
        self.pages = pages
        self.omitSensitive = omitSensitive
    }

    public func title(in context: PageContext) -> String { "Print" }

    public func keyContexts(in context: PageContext) -> [KeyContext] {
        writing == nil ? [.printFolder, .textEditing] : [.printFolder]
    }

    public mutating func perform(_ action: Action, key: Key, in context: inout PageContext) {
        switch action {
        case .back:
            context.close()
            context.message = Message("Nothing was printed.")
        case .save:
            guard writing == nil else { return }
            let typed = folder.text.trimmingCharacters(in: .whitespaces)
            guard !typed.isEmpty else {
                context.message = Message("Type the folder the pages go to (~ is your home folder).", kind: .warning)
                return
            }
            guard let client = context.data.client(clientID) else {
                context.close()
                context.message = Message("This client is no longer in the folder; nothing was printed.", kind: .error)
                return
            }
            writing = context.request(.careerProfile(.printPages(PrintPagesJob(
                client: client, data: context.data, pages: pages, omitSensitive: omitSensitive, today: context.today, now: context.now, folder: typed))))
            context.message = Message("Writing the printable pages…")
        default:
            if writing == nil { folder.edit(action, key: key) }
        }
    }

    public mutating func paste(_ text: String, in context: inout PageContext) -> Bool {
        guard writing == nil else { return false }
        folder.insert(text.split(whereSeparator: \.isNewline).joined())
        return true
    }

    public mutating func receive(_ result: StoreResult, for request: RequestID, in context: inout PageContext) {
        guard request == writing else { return }
        writing = nil
        switch result {
        case .careerProfile(.printed(let paths)):
            context.close()
            let names = paths.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
            let where_ = paths.first.map { ($0 as NSString).deletingLastPathComponent } ?? ""
            context.message = Message("Printable pages in \(where_): \(names)", kind: .success)
        case .failed(let error):
            // The folder stays as typed, to be put right.
            context.message = Message("Nothing was printed: \(error.description)", kind: .error)
        default:
            context.message = Message("Nothing was printed.", kind: .error)
        }
    }

    public func draw(in context: PageContext, into screen: inout Screen) {
        let top = Layout.bodyTop
        let name = context.data.client(clientID)?.name ?? "the client"
        let what = pages.map { $0 == .profile ? "career profile" : "client summary" }.joined(separator: " and ")
        screen.put("Printable pages of \(name)", row: top, column: 1, style: .title)
        let width = max(10, screen.columns - 4)
        var y = top + 2
        for line in TextCells.wrap("The \(what) (HTML, for any browser to print\(omitSensitive ? ", sensitive questions left out" : "")) "
                                   + "go to this folder, as new files readable by you only:", width: width) {
            screen.put(line, row: y, column: 2)
            y += 1
        }
        y += 1
        screen.put("Folder: ", row: y, column: 2, style: .title)
        TextField.draw(folder, focused: writing == nil, row: y, column: 10, width: max(1, screen.columns - 12), box: true, into: &screen)
        y += 2
        for line in TextCells.wrap("~ is your home folder. Not inside the data folder, which is shared and synced as a "
                                   + "whole: a page is plain text. Delete the pages once printed.", width: width) {
            guard y < Layout.bodyBottom(screen.size) else { break }
            screen.put(line, row: y, column: 2, style: .muted)
            y += 1
        }
    }

    public var hasUnsavedChanges: Bool { false }
}

/// What the app asks to have printed: the pages of one client from the data as shown.
public struct PrintPagesJob: Hashable, Sendable {
    public var client: Client
    /// The records the summary is made from (compared by identity of content, hashed by client).
    public var data: DataSnapshot
    public var pages: [PrintablePage]
    public var omitSensitive: Bool
    public var today: LocalDate
    /// The app's clock: the profile has every answer given up to then.
    public var now: Date
    /// As typed: `~` for the home folder.
    public var folder: String

    public static func == (a: PrintPagesJob, b: PrintPagesJob) -> Bool {
        a.client == b.client && a.pages == b.pages && a.omitSensitive == b.omitSensitive && a.today == b.today && a.now == b.now
            && a.folder == b.folder && a.data == b.data
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(client.id)
        hasher.combine(pages)
        hasher.combine(folder)
    }
}
