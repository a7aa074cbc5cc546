import FieldbookCore
import Foundation

/// A position in a list: the selected row and the first row shown.
public struct ListPosition: Hashable, Sendable {
    public var selected = 0
    public var top = 0
    public init() {}

    public mutating func move(to row: Int, count: Int, visible: Int) {
        selected = max(0, min(row, count - 1))
        if selected < top { top = selected }
        if selected >= top + visible { top = selected - visible + 1 }
        top = max(0, min(top, max(0, count - visible)))
    }
}

public struct Message: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case info, success, error, warning }
    public var text: String
    public var kind: Kind
    public init(_ text: String, kind: Kind = .info) {
        self.text = text
        self.kind = kind
    }
}

/// A page on the stack, with the id that store answers are addressed to.
public struct OpenPage: Sendable {
    public let id: PageID
    public var page: any Page
}

/// Everything the screen shows. `update` changes it; `view` draws it; neither does I/O.
public struct AppState: Sendable {
    public internal(set) var data: DataSnapshot { didSet { dataVersion += 1 } }
    /// Goes up by one whenever `data` changes, so pages rebuild what they derive from it once.
    public internal(set) var dataVersion = 0
    /// Figures of `data` on `today`, built again whenever either changes.
    public internal(set) var figures: Figures
    /// The career profile definition and every client's profile summary, read off the key loop
    /// at start and whenever the folder is read again.
    public internal(set) var profiles: ProfileOverview { didSet { profilesVersion += 1 } }
    /// Goes up by one whenever `profiles` changes (as `dataVersion` does with `data`).
    public internal(set) var profilesVersion = 0
    public internal(set) var today: LocalDate
    /// The specialist using Fieldbook, if known: their caseload is shown first.
    public var userSpecialistID: UUID?
    public internal(set) var size: Size
    /// The tab shown under the pages: an index into `Router.tabs`.
    public internal(set) var tab: Int
    public internal(set) var tabs: [OpenPage] = []
    /// Pages opened over the tab, the top one last.
    public internal(set) var pages: [OpenPage] = []
    public var message: Message?
    /// Long store work under way, and how far it has come.
    public internal(set) var progress: [RequestID: WorkProgress] = [:]
    public internal(set) var isBlanked = false
    /// The time of the latest event.
    public internal(set) var now = Date(timeIntervalSince1970: 0)
    public internal(set) var lastInput = Date(timeIntervalSince1970: 0)
    public internal(set) var isQuitting = false
    /// Ctrl-C came while a form held unsaved changes: the app asks before quitting.
    public internal(set) var isConfirmingQuit = false
    /// The last change saved that `u` can take back (nil: none, or the last one cannot be).
    public internal(set) var undo: UndoStep?
    /// `u` was pressed: the app asks before taking the change back.
    public internal(set) var isConfirmingUndo = false
    /// Saves that take a change back, under way, with what they take back.
    var undoing: [RequestID: String] = [:]
    /// The latest message shown, kept for the key that shows it in full.
    public internal(set) var lastMessage: Message?
    /// With a PIN, the blanked screen comes back only after it.
    public var pin: PINHash?

    /// With a PIN, starts locked: nothing of the folder shows until the PIN is typed (a
    /// restart after Ctrl-C on the PIN screen asks again).
    public mutating func lockWhenAPINIsSet() {
        if pin != nil { isBlanked = true }
    }
    /// Digits typed on the blanked screen so far.
    public internal(set) var pinEntry = ""
    public internal(set) var pinWasWrong = false
    /// Which page asked for which piece of store work still under way.
    var waiting: [RequestID: PageID] = [:]
    var nextRequest = 1
    /// What the last sync from the app did (nil: none this run); the header shows it.
    public var sync: SyncSummary?
    /// The app's own syncs: automatic ones, the one under way, quitting after one.
    public var autoSync = AutoSyncState()
    /// This machine keeps a calendar file for the folder (`fieldbook calendar --keep`): every
    /// change to the due list asks for it to be written again (`Effect.keepCalendar`).
    public var keepsCalendar = false
    /// Reloads asked for by the app itself after a merged save: their answer says nothing.
    var quietReloads: Set<RequestID> = []
    var nextPage = 1

    /// `askWhoYouAre`: this machine does not know the user in this folder yet, so the app opens
    /// asking their name (or which of the specialists they are).
    public init(data: DataSnapshot, today: LocalDate, userSpecialistID: UUID? = nil, size: Size = Size(rows: 24, columns: 80),
                askWhoYouAre: Bool = false, profiles: ProfileOverview = ProfileOverview()) {
        self.init(data: data, figures: Figures(data: data, today: today), today: today, userSpecialistID: userSpecialistID,
                  size: size, askWhoYouAre: askWhoYouAre, profiles: profiles)
    }

    /// Opens on the Today screen `screen` keeps (`FirstScreen`) while the folder is read:
    /// `readingFolder` is the request whose answer (`Event.folderRead`) brings every record; until
    /// then only Today's list, the tabs, help and quitting answer (`isReadingFolder`).
    public init(firstScreen screen: FirstScreen, readingFolder: RequestID, userSpecialistID: UUID?,
                size: Size = Size(rows: 24, columns: 80), profiles: ProfileOverview = ProfileOverview()) {
        self.init(data: DataSnapshot(settings: screen.settings, specialists: screen.specialists), figures: Figures(firstScreen: screen),
                  today: screen.today, userSpecialistID: userSpecialistID, size: size, askWhoYouAre: false, profiles: profiles)
        self.readingFolder = readingFolder
        progress[readingFolder] = WorkProgress(done: 0, total: screen.stamp.files, what: "Reading the data folder")
        nextRequest = max(nextRequest, readingFolder.number + 1)
    }

    private init(data: DataSnapshot, figures: Figures, today: LocalDate, userSpecialistID: UUID?, size: Size,
                 askWhoYouAre: Bool, profiles: ProfileOverview) {
        self.data = data
        self.profiles = profiles
        self.today = today
        self.userSpecialistID = userSpecialistID
        self.size = size
        self.figures = figures
        tab = Router.firstTab
        if let line = ProblemSummary.line(for: data) { message = Self.problemMessage(line) }
        let context = makeContext(readingEnvironment)
        tabs = Router.tabs.enumerated().map { index, type in
            OpenPage(id: PageID(index + 1), page: type.init(in: context))
        }
        nextPage = tabs.count + 1
        if askWhoYouAre {
            App.open(FormPage(WhoYouAreForm(), in: context), &self)
        }
    }

    /// The request reading the whole folder after a first frame drawn from a `FirstScreen`; nil
    /// once every record is in (or when the folder was read before the first frame).
    public internal(set) var readingFolder: RequestID?
    /// The folder is still being read: `data` holds only the specialists and settings, and
    /// `figures` only the Today screen's.
    public var isReadingFolder: Bool { readingFolder != nil }
    /// Every record is in and every answer asked for is taken: no read, reload, save or undo
    /// under way. `data` is then what the store holds of the folder.
    public var isSettled: Bool { readingFolder == nil && quietReloads.isEmpty && waiting.isEmpty && undoing.isEmpty }
    /// Keys (and pastes after them) typed while the folder is read that need its records:
    /// pressed, in order, once it is.
    var heldInput: [Event] = []

    /// The message of the problems `ProblemSummary` found in a folder read in full.
    static func problemMessage(_ line: String) -> Message {
        Message(line.prefix(1).uppercased() + line.dropFirst() + " Run `fieldbook check` for details.", kind: .error)
    }

    /// True when a page on the stack holds typed changes that are not saved.
    public var hasUnsavedChanges: Bool { pages.contains { $0.page.hasUnsavedChanges } }

    /// The page on top: the last page opened, else the tab.
    public var top: OpenPage { pages.last ?? tabs[tab] }

    public var topPage: (any Page)? { pages.last?.page }

    /// The tab page of type `T` (tests and pages that read another tab).
    public func tabPage<T: TabPage>(_ type: T.Type) -> T? { tabs.lazy.compactMap { $0.page as? T }.first }

    public var userSpecialist: Specialist? { data.specialist(userSpecialistID) }

    /// The world as the state last saw it, for drawing and for asking which keys apply: no new
    /// records are made there, so there is no id source (only `update` gets one).
    var readingEnvironment: Environment {
        Environment(now: now, today: today, newID: { preconditionFailure("new ids are made only in update") })
    }

    func makeContext(_ environment: Environment) -> PageContext {
        PageContext(data: data, dataVersion: dataVersion, figures: figures, profiles: profiles, profilesVersion: profilesVersion,
                    environment: environment, size: size, userSpecialistID: userSpecialistID,
                    message: message, nextRequest: nextRequest)
    }
}
