import FieldbookCore
import Foundation

/// Everything about one person, in sections, scrollable.
public struct ClientPage: Page {
    public let clientID: UUID
    public private(set) var top = 0
    /// Both versions of a record to merge being read, for the merge screen.
    public private(set) var reading: RequestID?
    /// The contact waiting for a yes before it is deleted.
    public private(set) var deleting: ClientContact?
    /// Carried from one visit of the career profile to the next while this page is open.
    public private(set) var hidingSensitive = false
    /// `c` was pressed while the career profiles were still being read: the profile opens
    /// when they arrive, unless another key has been pressed on this page since.
    private var opensProfileWhenRead = false
    /// The page's text, made once when the data, the career profiles, the day or the width
    /// change (`refresh`, `opened`, `returned`), never per key or per frame.
    private var text = ClientPageText()
    /// How many times the text was made (tests check it is not made per key).
    private(set) var textBuilds = 0

    public init(clientID: UUID) { self.clientID = clientID }

    public func title(in context: PageContext) -> String { context.data.client(clientID)?.name ?? "Client" }

    public func keyContexts(in context: PageContext) -> [KeyContext] { deleting == nil ? [.client, .employerVisit, .lists] : [.deleteQuestion] }

    public func prompt(in context: PageContext) -> Message? {
        deleting.map { Message("Delete the contact of \($0.date) (\($0.kind.label))? y deletes it, any other key keeps it.", kind: .warning) }
    }

    /// The newest contact, the one `c` edits and `X` deletes.
    static func newestContact(of client: Client?) -> ClientContact? {
        client?.contacts.max { ($0.date, $0.createdAt) < ($1.date, $1.createdAt) }
    }

    public mutating func perform(_ action: Action, key: Key, in context: inout PageContext) {
        if let row = ScrolledText.scrolled(by: action, from: top, size: context.size) {
            scroll(to: row, context)
            return
        }
        // Anything else asked for since takes the place of a career profile waiting to open.
        if action != .openProfile { opensProfileWhenRead = false }
        switch action {
        case .back: context.close()
        case .new: context.push(FormPage(ContactForm(clientID: clientID), in: context))
        case .merge:
            guard let pending = context.figures.toMerge[clientID] else {
                context.message = Message("This client has nothing to merge.")
                return
            }
            reading = context.request(.readConflict(pending))
            context.message = Message("Reading both versions…")
        case .logVisit: context.push(FormPage(EmployerContactForm(client: clientID, in: context), in: context))
        case .editContact, .deleteContact:
            guard let contact = Self.newestContact(of: context.data.client(clientID)) else {
                context.message = Message("No contact logged yet; n logs one.")
                return
            }
            if action == .editContact {
                context.push(FormPage(ContactForm(clientID: clientID, contactID: contact.id), in: context))
            } else {
                deleting = contact
            }
        case .confirm:
            guard let contact = deleting, var client = context.data.client(clientID) else { return }
            deleting = nil
            client.contacts.removeAll { $0.id == contact.id }
            context.request(.saveClient(client))
        case .dismiss:
            deleting = nil
            context.message = Message("Nothing deleted.")
        case .addJob: context.push(FormPage(JobForm(clientID: clientID), in: context))
        case .editJob:
            guard let latest = context.data.client(clientID)?.jobs.max(by: { $0.startDate < $1.startDate }) else {
                context.message = Message("No job to edit yet; a adds one.")
                return
            }
            context.push(FormPage(JobForm(clientID: clientID, jobID: latest.id), in: context))
        case .openProfile:
            // Its definition may be the folder's own: wait until it has been read.
            guard !context.profiles.isLoading else {
                opensProfileWhenRead = true
                context.message = Message("Career profiles are still loading; the profile opens as soon as they are read.")
                return
            }
            openProfile(in: &context)
        case .printProfile, .printProfileWithoutSensitive:
            guard context.data.client(clientID) != nil else { return }
            context.push(PrintPagesPage(clientID: clientID, pages: [.profile, .summary], omitSensitive: action == .printProfileWithoutSensitive))
        case .edit:
            if let client = context.data.client(clientID) {
                context.push(FormPage(ClientForm(client: client, defaultSpecialist: nil), in: context))
            }
        default: break
        }
    }

    public mutating func receive(_ result: StoreResult, for request: RequestID, in context: inout PageContext) {
        guard request == reading else {
            // The only other request this page makes: deleting a contact.
            switch result {
            case .saved: context.message = Message("Contact deleted.", kind: .success)
            case .failed(let error): context.message = Message("The contact was not deleted: \(error.description)", kind: .error)
            default: break
            }
            return
        }
        reading = nil
        switch result {
        case .failed(.conflict(let conflict)):
            context.message = nil
            context.push(MergePage(conflict: conflict, recordID: clientID))
        case .failed(let error):
            context.message = Message("Cannot merge: \(error.description)", kind: .error)
        default:
            break
        }
    }

    public mutating func opened(in context: inout PageContext) { scroll(to: top, context) }

    public mutating func refresh(in context: inout PageContext) {
        scroll(to: top, context)
        if opensProfileWhenRead, !context.profiles.isLoading, context.isShown {
            opensProfileWhenRead = false
            openProfile(in: &context)
        }
    }

    private func openProfile(in context: inout PageContext) {
        context.push(CareerProfilePage(clientID: clientID, hidingSensitive: hidingSensitive, definition: context.profiles.definition))
    }

    public mutating func returned(from page: any Page, in context: inout PageContext) {
        if let profile = page as? CareerProfilePage { hidingSensitive = profile.hidingSensitive }
        scroll(to: top, context)
    }

    private mutating func scroll(to row: Int, _ context: PageContext) {
        makeText(context)
        top = ScrolledText.top(row, count: text.lines.count, size: context.size)
    }

    /// Makes the text again when what it is made of changed since it was last made.
    private mutating func makeText(_ context: PageContext) {
        let made = ClientPageText.Made(context)
        guard text.made != made else { return }
        text = ClientPageText(made: made, lines: Self.lines(of: clientID, context: context, width: made.width))
        textBuilds += 1
    }

    /// The text for `context`: the one made already, unless what it is made of has changed
    /// without this page hearing of it (then made for this frame alone).
    private func lines(_ context: PageContext) -> [StyledLine] {
        let made = ClientPageText.Made(context)
        return text.made == made ? text.lines : Self.lines(of: clientID, context: context, width: made.width)
    }

    private static func lines(of clientID: UUID, context: PageContext, width: Int) -> [StyledLine] {
        context.data.client(clientID).map { lines($0, context: context, width: width) } ?? []
    }

    public func draw(in context: PageContext, into screen: inout Screen) {
        let top = Layout.bodyTop
        guard let client = context.data.client(clientID) else {
            screen.put("This client is no longer in the data folder.", row: top + 1, column: 2, style: .danger)
            return
        }
        let specialist = context.data.specialist(client.specialistID)?.name ?? "not assigned"
        let right = "\(client.status.label) · \(specialist)"
        let rightWidth = TextCells.width(right)
        screen.put(right, row: top, column: max(1, screen.columns - rightWidth - 1), style: .title)
        screen.put(client.displayName, row: top, column: 1, width: max(1, screen.columns - rightWidth - 4), style: .title)

        ScrolledText.draw(lines(context), from: self.top, width: screen.columns - 2, into: &screen)
    }
}

extension String {
    /// The text with its first letter capitalized.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
