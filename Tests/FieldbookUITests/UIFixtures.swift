import FieldbookCore
@testable import FieldbookUI
import Foundation
import Testing

func day(_ text: String) -> LocalDate { (try? LocalDate(parsing: text))! }

/// A small program with fixed ids, so screens are the same on every run.
enum Program {
    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", n))! }

    static let maria = Specialist(id: id(1), name: "Maria Okafor", createdAt: Date(timeIntervalSince1970: 0))
    static let daniel = Specialist(id: id(2), name: "Daniel Whitehorse", createdAt: Date(timeIntervalSince1970: 0))
    static let today = day("2026-11-22")

    static func client(_ n: Int, _ name: String, _ status: ClientStatus, _ specialist: Specialist, entry: String,
                       contact: String? = nil, preferred: String? = nil) -> Client {
        Client(id: id(100 + n), name: name, preferredName: preferred, phone: "555-01\(n)", programEntryDate: day(entry),
               specialistID: specialist.id, status: status, mentalHealthTeam: "ACT Team North",
               benefits: [.ssi, .medicaid], disclosure: Disclosure(preference: .limited, whatMayBeSaid: "Gets help finding work"),
               contacts: contact.map { [ClientContact(id: id(500 + n), date: day($0), kind: .faceToFace, place: "Library",
                                                       note: "Practised interviews", createdAt: Date(timeIntervalSince1970: 0))] } ?? [],
               createdAt: Date(timeIntervalSince1970: 0))
    }

    static var data: DataSnapshot {
        DataSnapshot(
            specialists: [maria, daniel],
            clients: [
                client(1, "José Álvarez-Ruiz", .jobSearch, maria, entry: "2026-06-07", contact: "2026-11-20", preferred: "José"),
                client(2, "王小明", .working, maria, entry: "2025-05-13", contact: "2026-11-02", preferred: "Ming"),
                client(3, "Zoë Fernández", .engaging, maria, entry: "2026-11-01"),
                client(4, "Anna-Maria Kowalska-Wiśniewska-Montgomery-Smythe", .followAlong, maria, entry: "2025-08-14", contact: "2026-10-30"),
                client(5, "Jamal Washington", .jobSearch, daniel, entry: "2026-09-10", contact: "2026-11-19"),
                client(6, "Robert Whitfield", .closed, maria, entry: "2024-01-10"),
            ])
    }

    static func state(size: Size = Size(rows: 24, columns: 80), user: UUID? = maria.id) -> AppState {
        var state = AppState(data: data, today: today, userSpecialistID: user, size: size)
        App.update(&state, .tick(Date(timeIntervalSince1970: 1_763_800_000)))
        // The app opens on Today; these tests start from the caseload.
        state.press(.character("2"))
        return state
    }
}

extension AppState {
    /// Sends keys one after another; returns every effect asked for.
    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] {
        keys.flatMap { App.update(&self, .key($0)) }
    }

    @discardableResult
    mutating func type(_ text: String) -> [Effect] {
        text.flatMap { App.update(&self, .key(.character($0))) }
    }

    func screen(_ size: Size? = nil) -> Screen { App.view(self, size: size ?? self.size) }

    /// Works out the boards of reports that `effects` ask for, as the main loop's runner does
    /// off the key loop, and hands each back; returns what the answers asked for.
    @discardableResult
    mutating func workOutReports(_ effects: [Effect]) -> [Effect] {
        var more: [Effect] = []
        for case .store(let id, .reportBoard(let request)) in effects {
            more += App.update(&self, .finished(id, .reportBoard(request.key, request.build())))
        }
        return more
    }
}

/// Prints a screen so a failing assertion shows what was there.
func dump(_ screen: Screen) -> String {
    screen.lines.enumerated().map { "\($0.offset < 10 ? " " : "")\($0.offset)|\($0.element)" }.joined(separator: "\n")
}

/// The regions of an app screen as `AppView` lays it out, so a test names what it looks at
/// instead of a row number: the header, the tab row, the page's body, the message (the row
/// above the key line, and the one above that when a long message takes it) and the key line.
extension Screen {
    var header: String { lines[0] }
    var tabRow: String { lines[1] }
    /// The page's rows, from below the tab row to above the message row.
    var body: [String] { Array(lines[min(2, rows)..<max(2, rows - 2)]) }
    /// The message rows as one text.
    var message: String { lines[max(0, rows - 3)...max(0, rows - 2)].joined(separator: " ") }
    var keyLine: String { lines[rows - 1] }

    /// The first line of the page's body that holds `text`; nil when none does.
    func bodyLine(containing text: String) -> String? { body.first { $0.contains(text) } }
}

/// Counted ids, so a run gives the same records every time.
final class CountedIDs: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 9000
    func make() -> UUID {
        lock.withLock {
            next += 1
            return Program.id(next)
        }
    }
}

extension App {
    /// `update` in a fixed world: the state's own clock and date, counted ids.
    @discardableResult
    static func update(_ state: inout AppState, _ event: Event) -> [Effect] {
        let ids = CountedIDs()
        return update(&state, event, Environment(now: state.now, today: state.today, newID: { ids.make() }))
    }
}

extension AppState {
    /// The form on top, if a form is on top.
    var form: FormState? { (topPage as? FormPage)?.form }
    var formPage: FormPage? { topPage as? FormPage }

    /// Answers the latest store request still waiting.
    @discardableResult
    mutating func answer(_ result: StoreResult) -> [Effect] {
        guard let id = (Array(waiting.keys) + Array(progress.keys)).max(by: { $0.number < $1.number }) else {
            Issue.record("no request is waiting")
            return []
        }
        return App.update(&self, .finished(id, result))
    }
}

/// The client an effect list asks to save, if it does.
func savedClient(_ effects: [Effect]) -> Client? {
    for effect in effects { if case .store(_, .saveClient(let client)) = effect { return client } }
    return nil
}

func asksToReload(_ effects: [Effect]) -> Bool {
    effects.contains { if case .store(_, .reload) = $0 { true } else { false } }
}

extension FormState {
    func field(_ name: String) -> FieldInput? { input(FieldID(name)) }
}

extension FieldInput {
    var text: String { buffer.text }
}
