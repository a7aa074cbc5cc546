import FieldbookCore
import Foundation

/// Which board of reports a page shows: of which data (its version), on which day, over
/// which period. A board worked out for another key is of no use to it.
public struct ReportBoardKey: Hashable, Sendable {
    public var dataVersion: Int
    public var today: LocalDate
    public var period: ReportPeriod

    public init(dataVersion: Int, today: LocalDate, period: ReportPeriod) {
        self.dataVersion = dataVersion
        self.today = today
        self.period = period
    }
}

/// Every report of a period, to be worked out off the key loop from the records and what
/// their figures already hold (`ReportBoard(data:figures:period:)`). Two requests are the
/// same when their keys are: the records and figures are those of the key's data version.
public struct ReportBoardRequest: Hashable, Sendable {
    public let key: ReportBoardKey
    public let data: DataSnapshot
    public let figures: Figures

    public init(key: ReportBoardKey, data: DataSnapshot, figures: Figures) {
        self.key = key
        self.data = data
        self.figures = figures
    }

    /// The work itself: pure, and safe on any thread.
    public func build() -> ReportBoard { ReportBoard(data: data, figures: figures, period: key.period) }

    public static func == (a: ReportBoardRequest, b: ReportBoardRequest) -> Bool { a.key == b.key }

    public func hash(into hasher: inout Hasher) { hasher.combine(key) }
}
