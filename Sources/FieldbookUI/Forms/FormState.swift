import FieldbookCore
import Foundation

/// A form being filled in. What was typed stays here until it is saved, even when a value is
/// wrong or the save fails.
public struct FormState: Hashable, Sendable {
    public var fields: [FormField]
    public var focus: Int = 0
    /// First field row shown (long forms scroll).
    public var top: Int = 0
    /// Values as the form opened, to know whether anything changed.
    public var initialValues: [String]

    public init(fields: [FormField]) {
        self.fields = fields
        initialValues = fields.map(\.value)
    }

    public var hasChanges: Bool { fields.map(\.value) != initialValues }

    public func field(_ key: String) -> FormField? { fields.first { $0.key == key } }

    /// Fields that are wrong now, with the reason.
    public func problems(today: LocalDate) -> [(index: Int, message: String)] {
        fields.indices.compactMap { index in
            if case .invalid(let message) = fields[index].check(today: today) { return (index, message) }
            return nil
        }
    }

    mutating func moveFocus(by offset: Int) {
        focus = max(0, min(fields.count - 1, focus + offset))
    }

    /// Keeps the focused field on screen when `visibleRows` field rows fit.
    mutating func keepFocusVisible(visibleRows: Int) {
        let rows = max(1, visibleRows)
        if focus < top { top = focus }
        if focus >= top + rows { top = focus - rows + 1 }
        top = max(0, min(top, max(0, fields.count - rows)))
    }
}
