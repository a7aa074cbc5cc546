import FieldbookCore
import Foundation

/// A form being filled in: its items, what was typed in each field, the focus. What was typed
/// stays here until it is saved, even when a value is wrong, a field is hidden by a condition
/// or the save fails.
public struct FormState: Hashable, Sendable {
    /// Something the focus can rest on: a field, or the "add an entry" line of a group.
    public enum Focus: Hashable, Sendable {
        case field(FieldPath)
        case addEntry(FieldID)
    }

    /// One line of the form as laid out, before wrapping to a width.
    public enum Line: Hashable, Sendable {
        case section(String)
        case entry(group: FieldID, index: Int, title: String)
        case field(FieldPath)
        case addEntry(group: FieldID, title: String)
    }

    public let items: [FormItem]
    private(set) var inputs: [FieldPath: FieldInput] = [:]
    public private(set) var entryCounts: [FieldID: Int] = [:]
    private let initialValues: [FieldPath: String]
    private let initialCounts: [FieldID: Int]
    public var focus: Focus?
    /// The first screen row shown (long forms scroll); kept by `FormView.keepFocusVisible`.
    public var top = 0

    public init(_ items: [FormItem]) {
        self.items = items
        for item in items {
            switch item {
            case .section: break
            case .field(let field): inputs[FieldPath(field.id)] = FieldInput(field)
            case .group(let id, _, let fields, let initial):
                entryCounts[id] = initial.count
                for (entry, values) in initial.enumerated() {
                    for var field in fields {
                        field.initial = values[field.id] ?? field.initial
                        inputs[FieldPath(field.id, in: id, entry: entry)] = FieldInput(field)
                    }
                }
            }
        }
        initialValues = inputs.mapValues(\.value)
        initialCounts = entryCounts
        focus = focusables.first
    }

    // MARK: Reading answers

    public func input(_ path: FieldPath) -> FieldInput? { inputs[path] }
    public func input(_ id: FieldID) -> FieldInput? { inputs[FieldPath(id)] }

    /// The answer to a field, trimmed; nil when empty or hidden.
    public func text(_ id: FieldID) -> String? { text(FieldPath(id)) }

    public func text(_ path: FieldPath) -> String? {
        guard isShown(path), let value = inputs[path]?.value.trimmingWhitespace(), !value.isEmpty else { return nil }
        return value
    }

    public func entries(of group: FieldID) -> Int { entryCounts[group] ?? 0 }

    /// Fields whose answer differs from the one the form opened with (and groups whose
    /// entries were added or removed, named by the group's id).
    public var changedFields: Set<FieldPath> {
        var changed = Set(inputs.compactMap { path, input in input.value == (initialValues[path] ?? "") ? nil : path })
        for (group, count) in entryCounts where count != initialCounts[group] { changed.insert(FieldPath(group)) }
        return changed
    }

    public var hasChanges: Bool { !changedFields.isEmpty }

    /// Fields that are wrong now, with the reason; hidden fields are not asked.
    public func problems(today: LocalDate) -> [(focus: Focus, label: String, message: String)] {
        lines.compactMap { line in
            guard case .field(let path) = line, let input = inputs[path],
                  case .invalid(let message) = input.check(today: today) else { return nil }
            return (.field(path), input.field.label, message)
        }
    }

    // MARK: Layout

    func isShown(_ path: FieldPath) -> Bool {
        guard let condition = inputs[path]?.field.shownWhen else { return true }
        func answer(_ id: FieldID) -> FieldInput? {
            // A condition inside a group looks at the same entry first.
            if let group = path.group, let input = inputs[FieldPath(id, in: group, entry: path.entry)] { return input }
            return inputs[FieldPath(id)]
        }
        switch condition {
        case .answered(let id): return answer(id)?.isAnswered == true
        case .equals(let id, let value): return answer(id)?.value == value
        case .yes(let id): return answer(id)?.value == "yes"
        case .newName(let id):
            guard let input = answer(id) else { return false }
            // Typed, none taken, and no match of the directory on offer (only "+ new", or none).
            return input.taken.isEmpty && !input.buffer.text.trimmingWhitespace().isEmpty
                && (input.offeredSuggestion?.value.isEmpty ?? true)
        }
    }

    /// The lines shown now, in order.
    public var lines: [Line] {
        var out: [Line] = []
        for item in items {
            switch item {
            case .section(let title): out.append(.section(title))
            case .field(let field):
                if isShown(FieldPath(field.id)) { out.append(.field(FieldPath(field.id))) }
            case .group(let id, let title, let fields, _):
                for entry in 0..<entries(of: id) {
                    out.append(.entry(group: id, index: entry, title: title))
                    for field in fields where isShown(FieldPath(field.id, in: id, entry: entry)) {
                        out.append(.field(FieldPath(field.id, in: id, entry: entry)))
                    }
                }
                out.append(.addEntry(group: id, title: title))
            }
        }
        return out
    }

    public var focusables: [Focus] {
        lines.compactMap { line in
            switch line {
            case .field(let path): .field(path)
            case .addEntry(let group, _): .addEntry(group)
            default: nil
            }
        }
    }

    /// The field with the focus.
    public var focused: FieldInput? {
        guard case .field(let path)? = focus else { return nil }
        return inputs[path]
    }

    public var focusedPath: FieldPath? {
        guard case .field(let path)? = focus else { return nil }
        return path
    }

    public var isOnLastField: Bool { focus != nil && focus == focusables.last }

    // MARK: Changing

    mutating func update(_ path: FieldPath, _ change: (inout FieldInput) -> Void) {
        guard var input = inputs[path] else { return }
        change(&input)
        inputs[path] = input
    }

    mutating func updateFocused(_ change: (inout FieldInput) -> Void) {
        if let path = focusedPath { update(path, change) }
    }

    mutating func moveFocus(by offset: Int) {
        let all = focusables
        guard !all.isEmpty else { return }
        let index = focus.flatMap { all.firstIndex(of: $0) } ?? 0
        focus = all[max(0, min(all.count - 1, index + offset))]
        selectFocused()
    }

    /// A field reached with Tab shows its value selected: typing replaces it.
    private mutating func selectFocused() {
        updateFocused { input in
            // Only a value nobody has typed in yet; what was typed is never replaced by a keystroke.
            if input.field.kind != .multiLine && input.buffer.text == input.field.initial { input.buffer.selectAll() }
        }
    }

    /// To the first field of the next (or previous) section.
    mutating func moveToSection(by offset: Int) {
        let lines = self.lines
        let focusLine = lines.firstIndex { line in
            switch (line, focus) {
            case (.field(let path), .field(let wanted)?): path == wanted
            case (.addEntry(let group, _), .addEntry(let wanted)?): group == wanted
            default: false
            }
        } ?? 0
        let sections = lines.indices.filter { if case .section = lines[$0] { true } else { false } }
        guard !sections.isEmpty else { return }
        let target: Int
        if offset > 0 {
            guard let next = sections.first(where: { $0 > focusLine }) else { return }
            target = next
        } else {
            guard let current = sections.last(where: { $0 <= focusLine }) else { return }
            let firstInCurrent = lines[(current + 1)...].firstIndex { line in
                if case .section = line { false } else if case .entry = line { false } else { true }
            } ?? current
            if focusLine > firstInCurrent {
                target = current
            } else if let previous = sections.last(where: { $0 < current }) {
                target = previous
            } else {
                return
            }
        }
        for line in lines[target...] {
            switch line {
            case .field(let path): focus = .field(path); selectFocused(); return
            case .addEntry(let group, _): focus = .addEntry(group); return
            default: continue
            }
        }
    }

    /// The section titles, in order.
    public var sectionTitles: [String] {
        items.compactMap { if case .section(let title) = $0 { title } else { nil } }
    }

    /// The index of the section holding the focus.
    public var currentSection: Int {
        var section = -1
        for line in lines {
            if case .section = line { section += 1 }
            switch (line, focus) {
            case (.field(let path), .field(let wanted)?) where path == wanted: return max(0, section)
            case (.addEntry(let group, _), .addEntry(let wanted)?) where group == wanted: return max(0, section)
            default: continue
            }
        }
        return 0
    }

    /// To the first field of section `index`.
    mutating func moveToSection(at index: Int) {
        var section = -1
        var inTarget = false
        for line in lines {
            if case .section = line {
                section += 1
                inTarget = section == index
                continue
            }
            guard inTarget else { continue }
            switch line {
            case .field(let path): focus = .field(path); selectFocused(); return
            case .addEntry(let group, _): focus = .addEntry(group); return
            default: continue
            }
        }
    }

    /// Adds an entry to the group with the focus (after the focused entry) and focuses its first field.
    mutating func addEntry() {
        let group: FieldID, at: Int
        switch focus {
        case .addEntry(let id)?: group = id; at = entries(of: id)
        case .field(let path)? where path.group != nil: group = path.group!; at = path.entry + 1
        default: return
        }
        guard let fields = groupFields(group) else { return }
        let count = entries(of: group)
        // Move later entries down one.
        for entry in stride(from: count - 1, through: at, by: -1) {
            for field in fields { inputs[FieldPath(field.id, in: group, entry: entry + 1)] = inputs[FieldPath(field.id, in: group, entry: entry)] }
        }
        for field in fields { inputs[FieldPath(field.id, in: group, entry: at)] = FieldInput(field) }
        entryCounts[group] = count + 1
        if let first = fields.first { focus = .field(FieldPath(first.id, in: group, entry: at)) }
    }

    /// Removes the entry with the focus.
    mutating func removeEntry() {
        guard let path = focusedPath, let group = path.group, let fields = groupFields(group) else { return }
        let count = entries(of: group)
        for entry in path.entry..<count {
            for field in fields {
                inputs[FieldPath(field.id, in: group, entry: entry)] = inputs[FieldPath(field.id, in: group, entry: entry + 1)]
            }
        }
        entryCounts[group] = count - 1
        if count - 1 > path.entry, let first = fields.first {
            focus = .field(FieldPath(first.id, in: group, entry: path.entry))
        } else if path.entry > 0, let first = fields.first {
            focus = .field(FieldPath(first.id, in: group, entry: path.entry - 1))
        } else {
            focus = .addEntry(group)
        }
    }

    private func groupFields(_ group: FieldID) -> [FormField]? {
        for item in items {
            if case .group(let id, _, let fields, _) = item, id == group { return fields }
        }
        return nil
    }
}
