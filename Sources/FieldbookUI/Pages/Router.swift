/// The tabs, in order. A new tab is one file with a `TabPage` and one line in `tabs`; a page
/// opened over the tabs is one file, opened by the page it comes from with `context.push(...)`.
public enum Router {
    /// Key 1 shows the first, key 2 the second...
    public static let tabs: [any TabPage.Type] = [
        TodayPage.self,
        CaseloadPage.self,
        EmployersPage.self,
        ReportsPage.self,
    ]

    /// The tab shown at start: the Today agenda.
    static let firstTab = tabs.firstIndex { $0 == TodayPage.self } ?? 0
}
