import FieldbookCore
import Foundation

/// A screen of the app: a tab (Today, Caseload...) or a page opened over the tabs (a client,
/// a form, help). Each page owns its state and answers four questions: which key contexts
/// apply now, what an action does, what an answer from the store does, and how it looks.
///
/// `App` routes keys to the page on top and store answers to the page that asked, and draws
/// the header, the message line and the key line around the page.
public protocol Page: Sendable {
    /// Shown in the breadcrumb on the tab row.
    func title(in context: PageContext) -> String
    /// Key contexts, most specific first; `App` adds the tab keys and `.everywhere`.
    func keyContexts(in context: PageContext) -> [KeyContext]
    /// Does what `action` (bound to `key` in one of `keyContexts`) means here.
    mutating func perform(_ action: Action, key: Key, in context: inout PageContext)
    /// The answer to store work this page asked for.
    mutating func receive(_ result: StoreResult, for request: RequestID, in context: inout PageContext)
    /// The data or the window changed: keep selections in range and on screen.
    mutating func refresh(in context: inout PageContext)
    /// The page was just opened (it may ask the store for what it shows).
    mutating func opened(in context: inout PageContext)
    /// The page above this one closed; this one is on top again.
    mutating func returned(from page: any Page, in context: inout PageContext)
    /// Draws the body (between the tab row and the message line).
    func draw(in context: PageContext, into screen: inout Screen)
    /// A line that replaces the message line (a question waiting for an answer), if any.
    func prompt(in context: PageContext) -> Message?
    /// Pasted text: true when the page took it (into the focused text field).
    mutating func paste(_ text: String, in context: inout PageContext) -> Bool
    /// True while the page holds typed changes that are not saved (Ctrl-C asks first).
    var hasUnsavedChanges: Bool { get }
}

extension Page {
    public mutating func receive(_ result: StoreResult, for request: RequestID, in context: inout PageContext) {}
    public mutating func refresh(in context: inout PageContext) {}
    public mutating func opened(in context: inout PageContext) {}
    public mutating func returned(from page: any Page, in context: inout PageContext) {}
    public func prompt(in context: PageContext) -> Message? { nil }
    public mutating func paste(_ text: String, in context: inout PageContext) -> Bool { false }
    public var hasUnsavedChanges: Bool { false }
}

/// A page shown as a tab. `Router.tabs` lists them in order.
public protocol TabPage: Page {
    static var tabTitle: String { get }
    init(in context: PageContext)
}

/// What a page sees (the data, the clock, the window) and what it asks for (effects, a
/// message, another page).
public struct PageContext: Sendable {
    public let data: DataSnapshot
    /// Changes whenever `data` does: rebuild what is derived from the data when it moves.
    public let dataVersion: Int
    /// Figures derived from `data`, computed once per data change.
    public let figures: Figures
    /// The career profile definition and every client's summary.
    public let profiles: ProfileOverview
    /// Changes whenever `profiles` does.
    public let profilesVersion: Int
    public let environment: Environment
    public let size: Size
    /// The specialist using Fieldbook, if known.
    public let userSpecialistID: UUID?
    /// True when the page is the one shown (on top of the stack, or the tab shown with no page
    /// over it): a page may put off costly work until it is.
    public internal(set) var isShown = false
    /// The message line; a page may set it.
    public var message: Message?

    public var today: LocalDate { environment.today }
    public var now: Date { environment.now }
    public var userSpecialist: Specialist? { data.specialist(userSpecialistID) }

    enum Navigation: Sendable {
        case push(any Page)
        case close
        case replace(any Page)
        case showTab(Int, then: Action)
    }

    private(set) var effects: [Effect] = []
    private(set) var navigation: [Navigation] = []
    private(set) var requests: [RequestID] = []
    /// The specialist the user said they are, to keep as the user (first start).
    private(set) var identified: UUID?
    var nextRequest: Int

    init(data: DataSnapshot, dataVersion: Int, figures: Figures, profiles: ProfileOverview = ProfileOverview(), profilesVersion: Int = 0,
         environment: Environment, size: Size, userSpecialistID: UUID?,
         message: Message?, nextRequest: Int) {
        self.data = data
        self.dataVersion = dataVersion
        self.figures = figures
        self.profiles = profiles
        self.profilesVersion = profilesVersion
        self.environment = environment
        self.size = size
        self.userSpecialistID = userSpecialistID
        self.message = message
        self.nextRequest = nextRequest
    }

    /// Opens `page` over this one.
    public mutating func push(_ page: any Page) { navigation.append(.push(page)) }
    /// Closes this page.
    public mutating func close() { navigation.append(.close) }
    /// Shows the tab of `type` and has it do `action` there (`/` on Today searches the caseload).
    public mutating func showTab(_ type: any TabPage.Type, then action: Action) {
        if let index = Router.tabs.firstIndex(where: { $0 == type }) { navigation.append(.showTab(index, then: action)) }
    }
    /// Puts `page` in this page's place (a saved form becomes the record it made).
    public mutating func replace(with page: any Page) { navigation.append(.replace(page)) }

    /// Asks the main loop for store work; the answer comes to this page's `receive` with the
    /// id returned here.
    @discardableResult
    public mutating func request(_ work: StoreRequest) -> RequestID {
        let id = RequestID(nextRequest)
        nextRequest += 1
        effects.append(.store(id, work))
        requests.append(id)
        return id
    }

    public mutating func ask(_ effect: Effect) { effects.append(effect) }

    /// The user is this specialist: shown as such from now on, and remembered on this machine.
    public mutating func identify(as specialist: UUID) { identified = specialist }
}
