import FieldbookCore
import Foundation

/// Two versions of a record that changed the same fields: each field in conflict side by side
/// (theirs, on disk; yours, this copy's; and the value before both when known), one pick per
/// field, then one save through `Store.resolve`. Until then both versions stay on disk and the
/// record shows as "to merge". A file with conflict markers cannot be merged here: the page
/// says so and names the file.
public struct MergePage: Page {
    public enum Stage: Hashable, Sendable {
        case picking
        /// The merge is being saved; its answer comes back with this id.
        case saving(RequestID)
        /// The record file holds conflict markers: to merge by hand in a text editor.
        case byHand
    }

    /// The record's id (a client's), when the record has one.
    public let recordID: UUID?
    public private(set) var conflict: SaveConflict
    /// The version picked for each field in conflict, by `FieldConflict.field`.
    public private(set) var choices: [String: MergeChoice] = [:]
    public private(set) var position = ListPosition()
    public private(set) var stage: Stage

    /// The fields of a save conflict (just now, or read back for a record to merge).
    public init(conflict: SaveConflict, recordID: UUID?) {
        self.conflict = conflict
        self.recordID = recordID
        stage = .picking
    }

    /// A record to merge that cannot be read (conflict markers): the page explains what to do.
    public init(byHand pending: PendingMerge) {
        conflict = SaveConflict(record: pending.record, path: pending.record, keptCopy: pending.copy, fields: [])
        recordID = pending.recordID
        stage = .byHand
    }

    public var fields: [FieldConflict] { conflict.fields }

    /// The other version is a sync tool's copy rather than this copy's save.
    var isSyncCopy: Bool { !conflict.keptCopy.hasPrefix(DataLayout.conflicts + "/") }

    /// Fields still without a pick.
    public var unpicked: [FieldConflict] { fields.filter { choices[$0.field] == nil } }

    public func title(in context: PageContext) -> String { stage == .byHand ? "To merge by hand" : "Merge two versions" }

    public func keyContexts(in context: PageContext) -> [KeyContext] {
        switch stage {
        case .saving: return []
        case .byHand: return [.mergeByHand]
        case .picking: return [.merge, .lists]
        }
    }

    public mutating func perform(_ action: Action, key: Key, in context: inout PageContext) {
        let visible = Self.listRows(context.size, count: fields.count), count = fields.count
        switch action {
        case .back:
            context.close()
            context.message = stage == .byHand
                ? Message("Still to merge by hand: \(conflict.path).", kind: .warning)
                : Message("Left to merge: both versions stay on disk. m on the client page merges.", kind: .warning)
        case .moveUp, .moveDown, .pageUp, .pageDown, .first, .last:
            let row: Int
            switch action {
            case .moveUp: row = position.selected - 1
            case .moveDown: row = position.selected + 1
            case .pageUp: row = position.selected - max(1, visible - 1)
            case .pageDown: row = position.selected + max(1, visible - 1)
            case .first: row = 0
            default: row = count - 1
            }
            position.move(to: row, count: count, visible: visible)
        case .pickMine, .pickTheirs:
            guard stage == .picking, fields.indices.contains(position.selected) else { return }
            choices[fields[position.selected].field] = action == .pickMine ? .mine : .theirs
            // On to the next field without a pick, if any.
            if let next = fields.indices.first(where: { $0 > position.selected && choices[fields[$0].field] == nil }) {
                position.move(to: next, count: count, visible: visible)
            }
        case .save:
            save(&context)
        default:
            break
        }
    }

    private mutating func save(_ context: inout PageContext) {
        guard stage == .picking else {
            context.message = Message("This file must be merged by hand in a text editor first.", kind: .error)
            return
        }
        let left = unpicked
        if let first = left.first, let index = fields.firstIndex(of: first) {
            position.move(to: index, count: fields.count, visible: Self.listRows(context.size, count: fields.count))
            let client = recordID.flatMap { context.data.client($0) }
            let names = left.map { FieldNames.label($0.field, in: client) }.joined(separator: ", ")
            context.message = Message("Pick m (mine) or t (theirs) for \(Self.count(left.count)): \(names).", kind: .error)
            return
        }
        stage = .saving(context.request(.resolve(conflict, choosing: choices)))
        context.message = Message("Saving the merge…")
    }

    public mutating func receive(_ result: StoreResult, for request: RequestID, in context: inout PageContext) {
        guard stage == .saving(request) else { return }
        stage = .picking
        switch result {
        case .reloaded:
            context.message = Message(Self.mergedMessage(choices), kind: .success)
            context.close()
        case .failed(.conflict(let again)):
            // It changed on disk once more: show the fields as they are now, keeping the picks
            // of fields still in conflict.
            conflict = again
            choices = choices.filter { key, _ in again.fields.contains { $0.field == key } }
            position.move(to: 0, count: fields.count, visible: Self.listRows(context.size, count: fields.count))
            context.message = Message("It changed on disk again: check the values and save again.", kind: .warning)
        case .failed(let error):
            context.message = Message("Not merged: \(error.description)", kind: .error)
        case .saved, .careerProfile, .reportBoard, .synced:
            break
        }
    }

    public mutating func refresh(in context: inout PageContext) {
        position.move(to: position.selected, count: fields.count, visible: Self.listRows(context.size, count: fields.count))
    }

    /// "Merged and saved: 1 field kept as yours, 2 taken from theirs."
    static func mergedMessage(_ choices: [String: MergeChoice]) -> String {
        let mine = choices.values.filter { $0 == .mine }.count
        let theirs = choices.count - mine
        var parts: [String] = []
        if mine > 0 { parts.append("\(count(mine)) kept as yours") }
        if theirs > 0 { parts.append("\(count(theirs)) taken from theirs") }
        return parts.isEmpty ? "Merged and saved." : "Merged and saved: " + parts.joined(separator: ", ") + "."
    }

    static func count(_ fields: Int) -> String { fields == 1 ? "1 field" : "\(fields) fields" }

    // MARK: Drawing

    /// Rows for the list of fields: at most half the body, so the values of the selected field
    /// show in full below it.
    static func listRows(_ size: Size, count: Int) -> Int {
        let body = Layout.bodyBottom(size) - Layout.bodyTop - 2
        return max(1, min(count, body / 2))
    }

    struct Columns {
        let field: Int, value: Int
        var starts: [Int] { [2, 2 + field + 1, 2 + field + 1 + value + 1, 2 + field + 1 + 2 * (value + 1)] }

        init(width: Int) {
            field = max(12, min(28, width / 4 + 2))
            value = max(8, (width - 2 - field - 4) / 3)
        }
    }

    public func draw(in context: PageContext, into screen: inout Screen) {
        let top = Layout.bodyTop
        if stage == .byHand {
            drawByHand(into: &screen, top: top)
            return
        }
        let client = recordID.flatMap { context.data.client($0) }
        let left = unpicked.count
        let heading = fields.isEmpty
            ? "The two versions merge without a conflict: Ctrl-S saves the merge."
            : "Changed here and elsewhere: pick a value per field (\(left) of \(fields.count) left)."
        screen.put(heading, row: top, column: 1, width: screen.columns - 9, style: .title)

        let columns = Columns(width: screen.columns)
        let starts = columns.starts
        let titles = ["Field", "Theirs (on disk)", isSyncCopy ? "Yours (sync copy)" : "Yours (this copy)", "Before both"]
        let widths = [columns.field, columns.value, columns.value, columns.value]
        for (index, title) in titles.enumerated() {
            screen.put(TextCells.pad(title, to: widths[index]), row: top + 1, column: starts[index], width: widths[index],
                       style: Style(.title, bold: true, underline: true))
        }
        let visible = Self.listRows(screen.size, count: fields.count)
        let first = max(0, min(position.top, max(0, fields.count - visible)))
        for (offset, index) in (first..<min(fields.count, first + visible)).enumerated() {
            let y = top + 2 + offset
            let field = fields[index]
            let choice = choices[field.field]
            screen.put(FieldNames.label(field.field, in: client), row: y, column: starts[0], width: columns.field)
            let theirs = FieldNames.value(field.theirs, path: field.field, in: context.data)
            let mine = FieldNames.value(field.mine, path: field.field, in: context.data)
            let base = field.base.map { FieldNames.value($0, path: field.field, in: context.data) } ?? "not known"
            screen.put((choice == .theirs ? "✓ " : "  ") + Self.oneLine(theirs), row: y, column: starts[1], width: columns.value,
                       style: choice == .theirs ? .success : .normal)
            screen.put((choice == .mine ? "✓ " : "  ") + Self.oneLine(mine), row: y, column: starts[2], width: columns.value,
                       style: choice == .mine ? .success : .normal)
            screen.put(Self.oneLine(base), row: y, column: starts[3], width: columns.value, style: .muted)
            if index == position.selected {
                screen.put("▸", row: y, column: 0, style: .selected)
                screen.restyle(row: y, column: 0, width: screen.columns, style: .selected)
            }
        }
        if fields.count > visible {
            let text = " \(position.selected + 1)/\(fields.count) "
            screen.put(text, row: top, column: screen.columns - TextCells.width(text), style: .muted)
        }
        drawDetail(context, client: client, into: &screen, from: top + 2 + visible + 1)
    }

    /// The selected field's values in full, wrapped, under the list.
    private func drawDetail(_ context: PageContext, client: Client?, into screen: inout Screen, from start: Int) {
        guard fields.indices.contains(position.selected) else { return }
        let field = fields[position.selected]
        let bottom = Layout.bodyBottom(screen.size)
        let width = screen.columns - 2
        let label = FieldNames.label(field.field, in: client)
        var lines: [StyledLine] = [[Span("── ", .muted), Span(label, .title),
                                    Span(" " + String(repeating: "─", count: max(0, width - TextCells.width(label) - 4)), .muted)]]
        let choice = choices[field.field]
        let rows: [(String, String?, MergeChoice?)] = [
            ("Theirs", field.theirs, .theirs), ("Yours", field.mine, .mine), ("Before", field.base ?? "not known", nil),
        ]
        for (name, value, which) in rows {
            let text = which == nil && field.base == nil ? "not known" : FieldNames.value(value, path: field.field, in: context.data)
            let picked = which != nil && which == choice
            let head = TextCells.pad((picked ? "✓ " : "  ") + name, to: 10)
            // No more lines than the screen has (a value of any size is kept whole, never laid out whole).
            for (index, part) in TextCells.wrap(text, width: max(10, width - 10), upTo: max(1, screen.rows)).lines.enumerated() {
                lines.append([Span(index == 0 ? head : String(repeating: " ", count: 10), picked ? .success : .muted),
                              Span(part, which == nil ? .muted : .normal)])
            }
        }
        for (offset, line) in lines.enumerated() {
            let y = start + offset
            guard y < bottom else { break }
            if y == bottom - 1 && offset < lines.count - 1 {
                screen.put("  … (more below; the whole value is kept)", row: y, column: 1, style: .muted)
                break
            }
            screen.put(line, row: y, column: 1, width: width)
        }
    }

    private func drawByHand(into screen: inout Screen, top: Int) {
        let width = screen.columns - 4
        let text = [
            "\(conflict.path) holds conflict markers (<<<<<<<) left by a sync or version control tool, so it cannot be read.",
            "It must be merged by hand in a text editor: keep one version of each part, remove the marker lines, then press Ctrl-R here to read the data folder again.",
            "Until then the record is not loaded, and it shows as to merge.",
        ]
        screen.put("To merge by hand", row: top, column: 1, style: .warning)
        var y = top + 2
        for paragraph in text {
            for line in TextCells.wrap(paragraph, width: width) {
                guard y < Layout.bodyBottom(screen.size) else { return }
                screen.put(line, row: y, column: 2)
                y += 1
            }
            y += 1
        }
    }

    static func oneLine(_ text: String) -> String {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: " ⏎ ")
    }
}

extension SaveConflict {
    /// The id of the record in conflict, from its file name (nil for settings and month files).
    public var recordID: UUID? { PendingMerge(record: path, copy: keptCopy, source: .keptAfterConflict).recordID }

    /// The record as waiting to be merged, the way a load finds it after a restart.
    public var pendingMerge: PendingMerge { PendingMerge(record: path, copy: keptCopy, source: .keptAfterConflict) }
}
